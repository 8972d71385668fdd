/**
 * What the designer offers of a schema: Heat hides some attributes and properties (first_address
 * of OS::Nova::Server, say) and HIDDEN types; templates may still use them (they validate, as in
 * Heat, and hover still documents them), but completions and the inspector do not offer them.
 */
import type { SupportStatus } from "../../../lib/engine/resources/types";

/** Whether Heat shows a property or attribute: not hidden and its support status not HIDDEN. */
export const isShown = (schema: { hidden?: boolean; status?: SupportStatus }): boolean => !schema.hidden && schema.status?.status !== "HIDDEN";
