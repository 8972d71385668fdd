/**
 * Where a hand-written plugin schema differs from Heat's schema of the same type: properties and
 * attributes one side lacks, and per property (recursively) type, required, default, update_allowed,
 * immutable and constraints. Descriptions and Hearth's own extensions (region, references) are ignored.
 */
import type { CatalogTypeSchema } from "./heat-schema";
import { pluginSchemaDoc, propertyDoc, type PropertySchemaDoc } from "../type-schema";
import type { AttributeSchema, PropertySchema, ResourcePlugin } from "../types";

/** One difference; `path` is dotted ("fixed_ips.*.subnet"), prefixed "attribute " for attributes. */
export interface SchemaDifference {
  path: string;
  /** missing: Heat has it, Hearth lacks it; extra: Hearth has it, Heat does not; differs: both, unlike. */
  kind: "missing" | "extra" | "differs";
  detail: string;
}

const FIELDS = ["type", "required", "default", "update_allowed", "immutable", "constraints"] as const;

/** JSON with sorted keys, so that equal values print equal whatever order their keys were written in. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v !== null && typeof v === "object") {
    const entries = Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(",")}}`;
  }
  return JSON.stringify(v) ?? "undefined";
}

function field(doc: PropertySchemaDoc, name: (typeof FIELDS)[number]): string {
  const v = doc[name];
  return name === "constraints" ? canonical([...(v as unknown[] | undefined ?? [])].map(canonical).sort()) : canonical(v);
}

function diffKeys<A, B>(
  path: string,
  hearth: Record<string, A>,
  heat: Record<string, B>,
  out: SchemaDifference[],
  both: (path: string, a: A, b: B) => void,
  heatNote: (b: B) => string = () => "",
): void {
  for (const [k, b] of Object.entries(heat)) {
    if (!(k in hearth)) out.push({ path: path + k, kind: "missing", detail: `Heat has it${heatNote(b)}` });
    else both(path + k, hearth[k], b);
  }
  for (const k of Object.keys(hearth)) if (!(k in heat)) out.push({ path: path + k, kind: "extra", detail: "not in Heat" });
}

function diffProperty(path: string, hearth: PropertySchemaDoc, heat: PropertySchemaDoc, out: SchemaDifference[]): void {
  for (const f of FIELDS) {
    const [a, b] = [field(hearth, f), field(heat, f)];
    if (a !== b) out.push({ path, kind: "differs", detail: `${f}: Hearth ${a}, Heat ${b}` });
  }
  if (hearth.schema || heat.schema) {
    diffKeys(`${path}.`, hearth.schema ?? {}, heat.schema ?? {}, out, (p, a, b) => diffProperty(p, a, b, out));
  }
}

function diffAttribute(path: string, hearth: { type?: string }, heat: AttributeSchema, out: SchemaDifference[]): void {
  if ((hearth.type ?? null) !== (heat.type ?? null)) {
    out.push({ path, kind: "differs", detail: `type: Hearth ${hearth.type ?? "none"}, Heat ${heat.type ?? "none"}` });
  }
}

/**
 * Every difference between a plugin's schema and Heat's schema of the same type, hidden properties and
 * attributes included; attributes as the plugin's schema document shows them (with the base `show`).
 */
export function diffTypeSchema(plugin: ResourcePlugin, heat: CatalogTypeSchema): SchemaDifference[] {
  const out: SchemaDifference[] = [];
  const hidden = (s: PropertySchema) => (s.hidden ? " (hidden in Heat: accepted, not shown)" : "");
  diffKeys("", plugin.properties, heat.properties, out, (p, a, b) => diffProperty(p, propertyDoc(a), propertyDoc(b), out), hidden);
  const heatAttributes = { ...heat.attributes, ...heat.hiddenAttributes };
  const hiddenAttr = (a: AttributeSchema) => (Object.values(heat.hiddenAttributes).includes(a) ? " (hidden in Heat)" : "");
  diffKeys("attribute ", pluginSchemaDoc(plugin).attributes, heatAttributes, out, (p, a, b) => diffAttribute(p, a, b, out), hiddenAttr);
  const status = plugin.supportStatus ?? "SUPPORTED";
  if (status !== heat.supportStatus) {
    out.push({ path: "support_status", kind: "differs", detail: `Hearth ${status}, Heat ${heat.heatSupportStatus.status}` });
  }
  return out;
}
