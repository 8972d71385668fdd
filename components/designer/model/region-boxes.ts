/**
 * Removing a region boundary: the box leaves the layout and its resources move to the stack's
 * default region (their `region` key is removed), so the box does not come back on the next render.
 */
import { setRegion } from "./edits";
import { joinLayout, splitLayout } from "./layout-comment";
import { deriveModel } from "./template-model";

/** Removes `region`'s box; returns the text and the resources that now use the default region. */
export function removeRegionBox(text: string, region: string): { text: string; moved: string[] } {
  const { layout } = splitLayout(text);
  if (!layout.regions[region]) throw new Error(`No box for region ${region} on the canvas`);
  const moved = deriveModel(text).nodes.filter((n) => n.region === region).map((n) => n.name);
  let out = text;
  for (const name of moved) out = setRegion(out, name, undefined);
  const { body, layout: kept } = splitLayout(out);
  const regions = Object.fromEntries(Object.entries(kept.regions).filter(([r]) => r !== region));
  return { text: joinLayout(body, { ...kept, regions }), moved };
}

/** What the designer says after a box was removed. */
export function removedRegionMessage(region: string, moved: readonly string[], defaultRegion: string): string {
  if (moved.length === 0) return `Removed the ${region} box; it held no resources.`;
  const list = moved.length > 4 ? `${moved.slice(0, 4).join(", ")} and ${moved.length - 4} more` : moved.join(", ");
  return `Removed the ${region} box: ${list} now ${moved.length === 1 ? "uses" : "use"} the stack's default region (${defaultRegion}).`;
}
