import { describe, expect, it } from "vitest";
import { createTestEngine } from "../../lib/engine/testing";

const P = { projectId: "p1" };

/** A trunk on `parent` with a vlan subport per port named in `subPorts` (segmentation id: its number). */
function template(subPorts: string[]): string {
  const ports = ["parent", "sub1", "sub2", "sub3"].map((name) => `  ${name}: {type: OS::Neutron::Port, properties: {network: {get_resource: net}}}`);
  const listed = subPorts.map((name) => `{port: {get_resource: ${name}}, segmentation_type: vlan, segmentation_id: ${name.slice(3)}}`);
  return `heat_template_version: 2018-08-31
resources:
  net: {type: OS::Neutron::Net}
  subnet: {type: OS::Neutron::Subnet, properties: {network: {get_resource: net}, cidr: 10.30.0.0/24}}
${ports.join("\n")}
  trunk: {type: OS::Neutron::Trunk, properties: {port: {get_resource: parent}, sub_ports: [${listed.join(", ")}]}}
outputs:
  parent_port: {value: {get_attr: [trunk, port_id]}}
  sub_ports: {value: {get_attr: [trunk, show, sub_ports]}}
`;
}

describe("OS::Neutron::Trunk through the engine", () => {
  it("creates a trunk with two subports, swaps one on update, and deletes it and its ports", async () => {
    const t = createTestEngine();
    const neutron = t.cloud.region("RegionOne", P.projectId).network;
    const created = await t.finish(await t.engine.create("trunked", { template: template(["sub1", "sub2"]) }, P));
    expect(`${created.action}_${created.status}`).toBe("CREATE_COMPLETE");
    const ids = Object.fromEntries((await t.engine.resources(created.id)).map((r) => [r.name, r.physicalId!]));
    const outputs = async () => Object.fromEntries((await t.engine.outputs(created.id)).map((o) => [o.key, o.error ?? o.value]));
    expect(await outputs()).toEqual({
      parent_port: ids.parent,
      sub_ports: [
        { port_id: ids.sub1, segmentation_type: "vlan", segmentation_id: 1 },
        { port_id: ids.sub2, segmentation_type: "vlan", segmentation_id: 2 },
      ],
    });

    const updated = await t.finish(await t.engine.update(created.id, { template: template(["sub2", "sub3"]) }));
    expect(`${updated.action}_${updated.status}`).toBe("UPDATE_COMPLETE");
    expect((await t.engine.resources(created.id)).find((r) => r.name === "trunk")!.physicalId).toBe(ids.trunk);
    expect((await neutron.getTrunk(ids.trunk)).subPorts).toEqual([
      { portId: ids.sub2, segmentationType: "vlan", segmentationId: 2 },
      { portId: ids.sub3, segmentationType: "vlan", segmentationId: 3 },
    ]);

    const deleted = await t.finish(await t.engine.delete(created.id));
    expect(`${deleted.action}_${deleted.status}`).toBe("DELETE_COMPLETE");
    expect(await neutron.listTrunks()).toEqual([]);
    const left = (await neutron.listPorts()).filter((p) => Object.values(ids).includes(p.id));
    expect(left).toEqual([]);
    await expect(neutron.getNetwork(ids.net)).rejects.toMatchObject({ code: "NotFound" });
  });
});
