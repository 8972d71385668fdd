/**
 * Region rules: a property whose schema says `region: "same"` must not reference a resource that
 * lives in another region (a volume in RegionOne attached to a server in RegionTwo). Checked at
 * compile time, before anything is allocated, naming both resources and both regions.
 */
import { isMapping, snippetReferences } from "../functions";
import type { PropertySchema } from "../resources/types";
import type { ResourceEntry } from "./resources";
import { report, type CompileState } from "./state";

/** Reports every same-region property (at any depth) that references a resource in another region. */
export function checkRegions(state: CompileState, entries: Map<string, ResourceEntry>): void {
  const ctx = state.contexts.compileCtx;
  for (const entry of entries.values()) {
    if (!isMapping(entry.properties)) continue;
    const checked: [unknown, (string | number)[]][] = [];
    for (const [prop, schema] of Object.entries(entry.propertySchema)) {
      if (prop in entry.properties) checked.push(...sameRegionValues(schema, entry.properties[prop], [prop]));
    }
    const uses: { ref: string; at: (string | number)[] }[] = [];
    for (const [value, at] of checked) {
      try {
        for (const ref of snippetReferences(value, ctx)) if (entries.has(ref)) uses.push({ ref, at });
      } catch {
        // bad references are reported elsewhere
      }
    }
    // Resources this one connects in its own region: named too, so the message shows both ends.
    const partners = [...new Set(uses.filter((u) => entries.get(u.ref)!.region === entry.region).map((u) => u.ref))];
    for (const { ref, at } of uses) {
      const other = entries.get(ref)!;
      if (other.region === entry.region) continue;
      const joins = partners.map((p) => `"${p}" (${entries.get(p)!.type}) in region ${entry.region}`).join(" and ");
      report(
        state,
        "error",
        "region.cross",
        `Resource "${entry.name}" (${entry.type}) in region ${entry.region} cannot use "${ref}" (${other.type}) in region ${other.region} for property ${at.join(".")}: they must be in the same region` +
          (joins ? `; it would connect "${ref}" to ${joins}` : ""),
        ["resources", entry.name, "properties", ...at],
      );
    }
  }
}

/** The parts of a property value whose schema (or a nested item / key schema) says `region: "same"`. */
function sameRegionValues(schema: PropertySchema, value: unknown, at: (string | number)[]): [unknown, (string | number)[]][] {
  if (schema.region === "same") return [[value, at]];
  if (schema.items && Array.isArray(value)) return value.flatMap((v, i) => sameRegionValues(schema.items!, v, [...at, i]));
  if (schema.schema && isMapping(value)) {
    const nested = schema.schema;
    return Object.entries(value).flatMap(([k, v]) => (nested[k] ? sameRegionValues(nested[k], v, [...at, k]) : []));
  }
  return [];
}
