/**
 * Removing a region boundary: the box leaves the layout and its resources move to the stack's
 * default region (their `region` key is removed), so the box does not come back on the next render.
 */
import { setRegion } from "./edits";
import { joinLayout, splitLayout } from "./layout-comment";
import { resourceChunks } from "./resource-chunks";
import { deriveModel } from "./template-model";
import { deleteIn } from "./yaml-text";

/** Removes `region`'s box; returns the text and the resources that now use the default region. */
export function removeRegionBox(text: string, region: string): { text: string; moved: string[] } {
  const { layout } = splitLayout(text);
  if (!layout.regions[region]) throw new Error(`No box for region ${region} on the canvas`);
  const moved = deriveModel(text).nodes.filter((n) => n.region === region).map((n) => n.name);
  const regions = Object.fromEntries(Object.entries(layout.regions).filter(([r]) => r !== region));
  return { text: joinLayout(withoutRegionKeys(splitLayout(text).body, moved), { ...layout, regions }), moved };
}

/** The body with the `region` key of `names` removed: chunk by chunk when the text can be cut, else entry by entry. */
function withoutRegionKeys(body: string, names: readonly string[]): string {
  const cut = resourceChunks(body);
  if (!cut) return names.reduce((out, name) => setRegion(out, name, undefined), body);
  const wanted = new Set(names);
  const head = "resources:\n";
  let out = body;
  // Last chunk first, so the offsets of the earlier ones hold.
  for (const c of [...cut.chunks].reverse()) {
    if (!wanted.has(c.name)) continue;
    const piece = deleteIn(head + body.slice(c.start, c.end), ["resources", c.name, "region"]).slice(head.length);
    out = out.slice(0, c.start) + piece + out.slice(c.end);
  }
  return out;
}

/** What the designer says after a box was removed. */
export function removedRegionMessage(region: string, moved: readonly string[], defaultRegion: string): string {
  if (moved.length === 0) return `Removed the ${region} box; it held no resources.`;
  const list = moved.length > 4 ? `${moved.slice(0, 4).join(", ")} and ${moved.length - 4} more` : moved.join(", ");
  return `Removed the ${region} box: ${list} now ${moved.length === 1 ? "uses" : "use"} the stack's default region (${defaultRegion}).`;
}
