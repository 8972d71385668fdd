/**
 * Where Hearth's answer for a type (GET /resource_types/{type}) differs from Heat's: properties and
 * attributes one side lacks, and per property (recursively) every field Heat shows, descriptions
 * included; the type's description and support status. The schema goldens and
 * scripts/heat-catalog/compare.ts print these, so a failure says what differs, not only that it does.
 */
import type { AttributeSchemaDoc, PropertySchemaDoc, ResourceTypeSchemaDoc } from "../type-schema";

/** One difference; `path` is dotted ("fixed_ips.*.subnet"), prefixed "attribute " for attributes. */
export interface SchemaDifference {
  path: string;
  /** missing: Heat has it, Hearth lacks it; extra: Hearth has it, Heat does not; differs: both, unlike. */
  kind: "missing" | "extra" | "differs";
  detail: string;
}

const PROPERTY_FIELDS = ["type", "description", "required", "default", "update_allowed", "immutable", "constraints"] as const;
const ATTRIBUTE_FIELDS = ["type", "description"] as const;

/** JSON with sorted keys, so that equal values print equal whatever order their keys were written in. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v !== null && typeof v === "object") {
    const entries = Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(",")}}`;
  }
  return JSON.stringify(v) ?? "none";
}

function diffKeys<T>(path: string, hearth: Record<string, T>, heat: Record<string, T>, out: SchemaDifference[], both: (path: string, a: T, b: T) => void): void {
  for (const [k, b] of Object.entries(heat)) {
    if (!(k in hearth)) out.push({ path: path + k, kind: "missing", detail: "Heat has it" });
    else both(path + k, hearth[k], b);
  }
  for (const k of Object.keys(hearth)) if (!(k in heat)) out.push({ path: path + k, kind: "extra", detail: "not in Heat" });
}

function diffFields<T extends object>(path: string, fields: readonly (keyof T & string)[], hearth: T, heat: T, out: SchemaDifference[]): void {
  for (const f of fields) {
    const [a, b] = [canonical(hearth[f]), canonical(heat[f])];
    if (a !== b) out.push({ path, kind: "differs", detail: `${f}: Hearth ${a}, Heat ${b}` });
  }
}

function diffProperty(path: string, hearth: PropertySchemaDoc, heat: PropertySchemaDoc, out: SchemaDifference[]): void {
  diffFields(path, PROPERTY_FIELDS, hearth, heat, out);
  if (hearth.schema || heat.schema) diffKeys(`${path}.`, hearth.schema ?? {}, heat.schema ?? {}, out, (p, a, b) => diffProperty(p, a, b, out));
}

/** Every difference between Hearth's schema document of a type and Heat's. */
export function diffTypeDocs(hearth: ResourceTypeSchemaDoc, heat: ResourceTypeSchemaDoc): SchemaDifference[] {
  const out: SchemaDifference[] = [];
  if (hearth.description !== heat.description) out.push({ path: "description", kind: "differs", detail: "Hearth's text is not Heat's" });
  diffKeys("", hearth.properties, heat.properties, out, (p, a, b) => diffProperty(p, a, b, out));
  diffKeys<AttributeSchemaDoc>("attribute ", hearth.attributes, heat.attributes, out, (p, a, b) => diffFields(p, ATTRIBUTE_FIELDS, a, b, out));
  const [a, b] = [canonical(hearth.support_status), canonical(heat.support_status)];
  if (a !== b) out.push({ path: "support_status", kind: "differs", detail: `Hearth ${a}, Heat ${b}` });
  return out;
}
