/**
 * Region rules: a property whose schema says `region: "same"` must not reference a resource that
 * lives in another region (a volume in RegionOne attached to a server in RegionTwo). Checked at
 * compile time, before anything is allocated, naming both resources and both regions.
 */
import { snippetReferences, isMapping } from "../functions";
import type { ResourceEntry } from "./resources";
import { report, type CompileState } from "./state";

/** Reports every same-region property that references a resource in another region. */
export function checkRegions(state: CompileState, entries: Map<string, ResourceEntry>): void {
  const ctx = state.contexts.compileCtx;
  for (const entry of entries.values()) {
    if (!isMapping(entry.properties)) continue;
    for (const [prop, schema] of Object.entries(entry.propertySchema)) {
      if (schema.region !== "same" || !(prop in entry.properties)) continue;
      let refs: string[];
      try {
        refs = snippetReferences(entry.properties[prop], ctx);
      } catch {
        continue; // bad references are reported elsewhere
      }
      for (const ref of refs) {
        const other = entries.get(ref);
        if (!other || other.region === entry.region) continue;
        report(
          state,
          "error",
          "region.cross",
          `Resource "${entry.name}" (${entry.type}) in region ${entry.region} cannot use "${ref}" (${other.type}) in region ${other.region} for property ${prop}: they must be in the same region`,
          ["resources", entry.name, "properties", prop],
        );
      }
    }
  }
}
