import ELK from "elkjs/lib/elk.bundled.js";
import { describe, expect, it } from "vitest";
import type { ResourceRow } from "../stacks/live-state";
import { flowEdges, flowNodes, graphResources, layoutInput, NODE_SIZE, placementsOf, regionNodeId, structureKey } from "./topology-layout";

function row(name: string, patch: Partial<ResourceRow> = {}): ResourceRow {
  return { name, type: "OS::Heat::TestResource", region: "RegionOne", physicalId: null, status: "CREATE_COMPLETE", statusReason: "", nestedStackId: null, ...patch };
}

const topology = [
  { name: "net", type: "OS::Neutron::Net", region: "RegionOne", dependsOn: [] },
  { name: "server", type: "OS::Nova::Server", region: "RegionOne", dependsOn: ["net", "gone"] },
  { name: "standby", type: "OS::Nova::Server", region: "RegionTwo", dependsOn: ["server"] },
];

describe("graphResources", () => {
  it("joins live status with compiled regions and edges, dropping edges to unknown resources", () => {
    const resources = graphResources([row("net", { region: "" }), row("server", { status: "CREATE_IN_PROGRESS" }), row("orphan")], topology);
    expect(resources.map((r) => [r.name, r.region, r.status, r.dependsOn])).toEqual([
      ["net", "RegionOne", "CREATE_COMPLETE", []],
      ["server", "RegionOne", "CREATE_IN_PROGRESS", ["net"]],
      ["orphan", "RegionOne", "CREATE_COMPLETE", []],
      ["standby", "RegionTwo", "INIT_COMPLETE", ["server"]],
    ]);
  });

  it("has a structure key that ignores status but not edges or regions", () => {
    const a = graphResources([row("net"), row("server")], topology);
    const b = graphResources([row("net", { status: "CREATE_FAILED" }), row("server")], topology);
    expect(structureKey(a)).toBe(structureKey(b));
    expect(structureKey(a)).not.toBe(structureKey(graphResources([row("net"), row("server", { region: "RegionThree" })], topology)));
  });
});

describe("layoutInput", () => {
  const resources = graphResources([], topology);

  it("makes one compound node per region with its members, and edges from dependency to dependent", () => {
    const input = layoutInput(resources);
    expect(input.layoutOptions).toMatchObject({ "elk.algorithm": "layered", "elk.direction": "DOWN", "elk.hierarchyHandling": "INCLUDE_CHILDREN" });
    expect(input.children?.map((c) => [c.id, c.children?.map((m) => m.id)])).toEqual([
      ["region:RegionOne", ["net", "server"]],
      ["region:RegionTwo", ["standby"]],
    ]);
    expect(input.edges?.map((e) => [e.sources[0], e.targets[0]])).toEqual([
      ["net", "server"],
      ["server", "standby"],
    ]);
  });

  it("lays out with elkjs: members inside their region, each dependent below what it waits for", async () => {
    const placements = placementsOf(await new ELK().layout(layoutInput(resources)));
    const region = placements.get(regionNodeId("RegionOne"))!;
    const net = placements.get("net")!;
    const server = placements.get("server")!;
    for (const member of [net, server]) {
      expect(member.x).toBeGreaterThanOrEqual(0);
      expect(member.y + member.height).toBeLessThanOrEqual(region.height);
      expect(member.x + member.width).toBeLessThanOrEqual(region.width);
    }
    expect(server.y).toBeGreaterThan(net.y + net.height);
    const two = placements.get(regionNodeId("RegionTwo"))!;
    expect(two.y + placements.get("standby")!.y).toBeGreaterThan(region.y + server.y);
  });
});

describe("flowNodes and flowEdges", () => {
  const resources = graphResources([row("net"), row("server", { status: "CREATE_IN_PROGRESS" })], topology);

  it("puts each region before its members, which point to it and stay inside it", () => {
    const placements = new Map([
      ["region:RegionOne", { x: 5, y: 6, width: 300, height: 200 }],
      ["net", { x: 20, y: 44, ...NODE_SIZE }],
    ]);
    const nodes = flowNodes(resources, placements, "net");
    expect(nodes.map((n) => [n.id, n.type, n.parentId])).toEqual([
      ["region:RegionOne", "region", undefined],
      ["net", "resource", "region:RegionOne"],
      ["server", "resource", "region:RegionOne"],
      ["region:RegionTwo", "region", undefined],
      ["standby", "resource", "region:RegionTwo"],
    ]);
    expect(nodes[0]).toMatchObject({ position: { x: 5, y: 6 }, width: 300, height: 200, data: { region: "RegionOne", count: 2 } });
    expect(nodes[1]).toMatchObject({ position: { x: 20, y: 44 }, extent: "parent", data: { firstFailure: true } });
    expect(nodes[2]).toMatchObject({ data: { firstFailure: false } });
    expect(nodes[1].ariaLabel).toContain("CREATE_COMPLETE");
  });

  it("animates the edges into a resource in progress", () => {
    expect(flowEdges(resources)).toEqual([
      { id: "net->server", source: "net", target: "server", animated: true },
      { id: "server->standby", source: "server", target: "standby", animated: false },
    ]);
  });
});
