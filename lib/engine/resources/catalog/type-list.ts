/**
 * Heat's own type list as generated data (heat-type-list.json, written by scripts/heat-catalog/dump.py):
 * the body of GET /resource_types?with_description=true, which the tests hold Hearth's registry and
 * answers to. Apart from heat-types.json so that the browser's catalogue does not carry it.
 */
import typeListJson from "./heat-type-list.json";
import type { GeneratedHeader } from "./heat-catalog";

/** heat-type-list.json. */
export interface HeatTypeListFile {
  generated: GeneratedHeader;
  /** The body of GET /resource_types?with_description=true (hidden types are not listed). */
  resource_types: { resource_type: string; description: string }[];
}

/** The generated type list. */
export const heatTypeList = typeListJson as unknown as HeatTypeListFile;
