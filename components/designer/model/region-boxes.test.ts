import { describe, expect, it } from "vitest";
import { splitLayout } from "./layout-comment";
import { removeRegionBox, removedRegionMessage } from "./region-boxes";
import { deriveModel } from "./template-model";

const TEXT = `resources:
  far_net:
    type: OS::Neutron::Net
    region: RegionTwo   # far away
  far_vol: { type: OS::Cinder::Volume, region: RegionTwo }
  web: { type: OS::Nova::Server, region: RegionOne }

# hearth-layout v1
#   region RegionOne 0 0 300 200
#   region RegionTwo 400 0 300 200
#   node far_net 420 40
#   node far_vol 420 120
#   node web 20 40
`;

describe("removeRegionBox", () => {
  it("drops the box and the region keys of its resources, keeping everything else", () => {
    const { text, moved } = removeRegionBox(TEXT, "RegionTwo");
    expect(moved).toEqual(["far_net", "far_vol"]);
    expect(deriveModel(text).nodes.map((n) => [n.name, n.region])).toEqual([
      ["far_net", undefined],
      ["far_vol", undefined],
      ["web", "RegionOne"],
    ]);
    const { layout } = splitLayout(text);
    expect(Object.keys(layout.regions)).toEqual(["RegionOne"]);
    expect(layout.nodes.far_net).toEqual({ x: 420, y: 40 });
  });

  it("refuses a region without a box and words the message", () => {
    expect(() => removeRegionBox(TEXT, "RegionNine")).toThrow("No box for region RegionNine on the canvas");
    expect(removedRegionMessage("R2", ["a", "b"], "R1")).toBe("Removed the R2 box: a, b now use the stack's default region (R1).");
    expect(removedRegionMessage("R2", ["a"], "R1")).toBe("Removed the R2 box: a now uses the stack's default region (R1).");
    expect(removedRegionMessage("R2", ["a", "b", "c", "d", "e", "f"], "R1")).toContain("a, b, c, d and 2 more now use");
    expect(removedRegionMessage("R2", [], "R1")).toBe("Removed the R2 box; it held no resources.");
  });

  it("gives the same text when the template cannot be cut into chunks (an anchor)", () => {
    const anchored = TEXT.replace("  web: { type: OS::Nova::Server, region: RegionOne }", "  web: &w { type: OS::Nova::Server, region: RegionOne }");
    const { text, moved } = removeRegionBox(anchored, "RegionTwo");
    expect(moved).toEqual(["far_net", "far_vol"]);
    expect(text).toBe(removeRegionBox(TEXT, "RegionTwo").text.replace("  web: {", "  web: &w {"));
  });
});
