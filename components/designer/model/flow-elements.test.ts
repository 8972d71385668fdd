import { describe, expect, it } from "vitest";
import { absolutePosition, flowEdges, flowNodes } from "./flow-elements";
import { deriveModel } from "./template-model";

const model = deriveModel(`resources:
  net: { type: OS::Neutron::Net, region: R1 }
  srv:
    type: OS::Nova::Server
    depends_on: net
`);
const layout = { nodes: { net: { x: 120, y: 150 }, srv: { x: 500, y: 10 } }, regions: { R1: { x: 100, y: 100, width: 300, height: 200 } } };

describe("flow elements", () => {
  it("puts a resource of a boxed region inside the box, relative to it", () => {
    const nodes = flowNodes(model, layout, { errors: new Map([["srv", 2]]), defaultRegion: "R1" });
    expect(nodes.map((n) => n.id)).toEqual(["region:R1", "net", "srv"]);
    const net = nodes[1];
    expect(net).toMatchObject({ parentId: "region:R1", position: { x: 20, y: 50 } });
    expect(absolutePosition(net, layout)).toEqual({ x: 120, y: 150 });
    expect(nodes[2]).toMatchObject({ position: { x: 500, y: 10 }, data: { errors: 2 } });
    expect(nodes[2].parentId).toBeUndefined();
    expect(nodes[0].data).toEqual({ region: "R1", count: 1, isDefault: true });
  });

  it("labels depends_on edges and property references", () => {
    expect(flowEdges(model).map((e) => [e.source, e.target, e.label])).toEqual([["srv", "net", "depends_on"]]);
  });

  it("draws get_attr references as edges labelled with the attribute", () => {
    const text = `resources:\n  srv: { type: OS::Nova::Server }\n  port: { type: OS::Neutron::Port }\n  fip:\n    type: OS::Neutron::FloatingIPAssociation\n    properties:\n      fixed_ip_address: { get_attr: [port, fixed_ips, 0, ip_address] }\n      port_id: { get_resource: port }\n`;
    const edges = flowEdges(deriveModel(text));
    expect(edges.map((e) => [e.source, e.target, e.label])).toEqual([
      ["fip", "port", "fixed_ip_address ← fixed_ips.0.ip_address"],
      ["fip", "port", "port_id"],
    ]);
  });
});
