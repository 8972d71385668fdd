/**
 * Heat's combined status, in a module of its own that imports nothing at run time, so that what only
 * formats a status (the CLI's views, at every start) does not load the facade and what it loads (the
 * resource registry).
 */
import type { StackRecord } from "../engine/ports";

/** Heat's combined status of a stack, resource or event, e.g. CREATE_COMPLETE. */
export function combinedStatus(item: Pick<StackRecord, "action" | "status">): string {
  return `${item.action}_${item.status}`;
}
