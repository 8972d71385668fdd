import { readFileSync } from "node:fs";
import ELK from "elkjs/lib/elk.bundled.js";
import { describe, expect, it } from "vitest";
import { autoLayout, completeLayout, regionAt, within } from "./auto-layout";
import { deriveModel } from "./template-model";

const elk = new ELK();
const demo = deriveModel(readFileSync(new URL("../../../examples/multi-region-demo.yaml", import.meta.url), "utf8"));

describe("autoLayout", () => {
  it("places every resource inside its region's box, boxes apart", async () => {
    const layout = await autoLayout(demo, (g) => elk.layout(g));
    expect(Object.keys(layout.regions).sort()).toEqual(["RegionOne", "RegionTwo"]);
    for (const n of demo.nodes) expect(regionAt(layout.nodes[n.name], layout.regions)).toBe(n.region);
    const [one, two] = [layout.regions.RegionOne, layout.regions.RegionTwo];
    expect(one.x + one.width <= two.x || two.x + two.width <= one.x || one.y + one.height <= two.y || two.y + two.height <= one.y).toBe(true);
  });
});

describe("completeLayout", () => {
  it("keeps stored positions and puts new resources into their region's box", () => {
    const stored = { nodes: { app_net: { x: 5, y: 6 } }, regions: { RegionOne: { x: 0, y: 0, width: 300, height: 200 } } };
    const layout = completeLayout(demo, stored);
    expect(layout.nodes.app_net).toEqual({ x: 5, y: 6 });
    for (const n of demo.nodes) expect(within(layout.nodes[n.name], layout.regions[n.region!])).toBe(true);
    expect(layout.regions.RegionTwo.x).toBeGreaterThanOrEqual(300);
  });

  it("drops positions of resources that are gone and places unboxed ones below", () => {
    const model = deriveModel("resources:\n  a: { type: OS::Heat::None }\n");
    const layout = completeLayout(model, { nodes: { gone: { x: 0, y: 0 } }, regions: { R: { x: 0, y: 0, width: 100, height: 100 } } });
    expect(Object.keys(layout.nodes)).toEqual(["a"]);
    expect(regionAt(layout.nodes.a, layout.regions)).toBeUndefined();
  });
});
