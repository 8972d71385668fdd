/**
 * Heat's translation rules for renamed properties: a hidden property that names its successor
 * (PropertySchema.translateTo: Port network_id -> network) is read as the successor, as one item of
 * it when the successor is a list (Router l3_agent_id -> l3_agent_ids). Giving both is refused in
 * Heat's words. Plugins then only ever read the successor.
 */
import type { PropertySchema } from "../resources/types";

/** The outcome of translating a resource's properties. */
export interface Translation {
  values: Record<string, unknown>;
  /** Set when a hidden property and its successor are both given: the message and the successor's name. */
  conflict?: { message: string; property: string };
}

const given = (v: unknown) => v !== undefined && v !== null;

/** `values` with every translatable hidden property moved to its successor. */
export function translateProperties(schema: Record<string, PropertySchema>, values: Record<string, unknown>): Translation {
  let out = values;
  for (const [name, s] of Object.entries(schema)) {
    const to = s.translateTo;
    if (to === undefined || !given(values[name])) continue;
    if (given(values[to])) {
      return { values, conflict: { message: `Cannot define the following properties at the same time: ${to}, ${name}`, property: to } };
    }
    const { [name]: value, ...rest } = out;
    out = { ...rest, [to]: schema[to]?.type === "list" && !Array.isArray(value) ? [value] : value };
  }
  return { values: out };
}

/** The names of properties in `values` that Heat has not implemented (setting one is refused). */
export function unimplementedProperties(schema: Record<string, PropertySchema>, values: Record<string, unknown>): string[] {
  return Object.keys(values).filter((k) => schema[k]?.implemented === false);
}
