/**
 * Heat's translation rules for renamed properties: a property that names its successor
 * (PropertySchema.translateTo: Port network_id -> network, fixed_ips.*.subnet_id -> subnet) is read as
 * the successor, as one item of it when the successor is a list (Router l3_agent_id -> l3_agent_ids),
 * at any depth of list items and map keys. Giving both is refused in Heat's words. Plugins then only
 * ever read the successor.
 */
import { isMapping } from "../functions";
import type { PropertySchema } from "../resources/types";

/** The outcome of translating a resource's properties. */
export interface Translation {
  values: Record<string, unknown>;
  /** Set when a renamed property and its successor are both given: the message and the successor's name. */
  conflict?: { message: string; property: string };
}

const given = (v: unknown) => v !== undefined && v !== null;

/** A value with the renamed properties inside it (list items, map keys) translated. */
function translateNested(s: PropertySchema, value: unknown): Translation | undefined {
  if (s.items?.schema && Array.isArray(value)) {
    const items = value.map((item) => (isMapping(item) ? translateProperties(s.items!.schema!, item) : { values: item as Record<string, unknown> }));
    const conflict = items.find((t) => t.conflict)?.conflict;
    return { values: items.map((t) => t.values) as unknown as Record<string, unknown>, ...(conflict ? { conflict } : {}) };
  }
  return s.schema && isMapping(value) ? translateProperties(s.schema, value) : undefined;
}

/** `values` with every translatable property moved to its successor. */
export function translateProperties(schema: Record<string, PropertySchema>, values: Record<string, unknown>): Translation {
  let out = values;
  for (const [name, s] of Object.entries(schema)) {
    const to = s.translateTo;
    if (to === undefined || !given(out[name])) continue;
    if (given(out[to])) {
      return { values, conflict: { message: `Cannot define the following properties at the same time: ${to}, ${name}`, property: to } };
    }
    const { [name]: value, ...rest } = out;
    out = { ...rest, [to]: schema[to]?.type === "list" && !Array.isArray(value) ? [value] : value };
  }
  for (const [name, value] of Object.entries(out)) {
    const nested = schema[name] ? translateNested(schema[name], value) : undefined;
    if (nested?.conflict) return { values, conflict: nested.conflict };
    if (nested) out = { ...out, [name]: nested.values };
  }
  return { values: out };
}

/** The names of properties in `values` that Heat has not implemented (setting one is refused). */
export function unimplementedProperties(schema: Record<string, PropertySchema>, values: Record<string, unknown>): string[] {
  return Object.keys(values).filter((k) => schema[k]?.implemented === false);
}
