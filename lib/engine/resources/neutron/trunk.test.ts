import { describe, expect, it } from "vitest";
import { createInstantCloud } from "../../testing/instant-cloud";
import { createCloudBench } from "../testing-context";
import { portResource } from "./port";
import { trunkResource } from "./trunk";

/** A bench with ports p0 (the parent) to p3 on the private network. */
async function withPorts() {
  const bench = createCloudBench(createInstantCloud());
  const ids: string[] = [];
  for (const name of ["p0", "p1", "p2", "p3"]) {
    const port = bench.harness(portResource, { properties: { network: "private", name } });
    await port.create();
    ids.push(port.ctx.physicalId!);
  }
  return { bench, ids, network: bench.cloud!.region("RegionOne").network };
}

const vlan = (port: string, segmentation_id: number) => ({ port, segmentation_type: "vlan", segmentation_id });

describe("OS::Neutron::Trunk", () => {
  it("creates a trunk on its parent port (found by name) with subports, and shows it as Neutron does", async () => {
    const { bench, ids, network } = await withPorts();
    const trunk = bench.harness(trunkResource, { properties: { port: "p0", name: "t1", sub_ports: [vlan("p1", 10), vlan(ids[2], 20)] } });
    await trunk.create();
    expect(await trunk.attribute("port_id")).toBe(ids[0]);
    expect(await trunk.attribute("show")).toMatchObject({
      id: trunk.ctx.physicalId,
      name: "t1",
      port_id: ids[0],
      admin_state_up: true,
      status: "DOWN",
      sub_ports: [
        { port_id: ids[1], segmentation_type: "vlan", segmentation_id: 10 },
        { port_id: ids[2], segmentation_type: "vlan", segmentation_id: 20 },
      ],
    });
    await expect(network.deletePort(ids[1])).rejects.toMatchObject({ code: "Conflict", message: `Port ${ids[1]} is currently a subport for trunk ${trunk.ctx.physicalId}.` });
    await trunk.check();
  });

  it("updates in place: renames, swaps subports (removed, then added) and disables last", async () => {
    const { bench, ids, network } = await withPorts();
    const props = { port: "p0", sub_ports: [vlan("p1", 10), vlan("p2", 20)] };
    const trunk = bench.harness(trunkResource, { properties: props });
    await trunk.create();
    // p3 takes the segmentation id p1 leaves: only possible when p1 goes first
    expect(await trunk.update({ ...props, name: "t2", sub_ports: [vlan("p2", 20), vlan("p3", 10)], admin_state_up: false })).toBe("in-place");
    expect(await network.getTrunk(trunk.ctx.physicalId!)).toMatchObject({
      name: "t2",
      adminStateUp: false,
      subPorts: [{ portId: ids[2], segmentationId: 20 }, { portId: ids[3], segmentationId: 10 }],
    });
    await network.deletePort(ids[1]);
    expect(await trunk.update({ ...props, port: "p1" })).toBe("replace");
  });

  it("refuses a parent port another trunk has, in Neutron's words, and deletes until gone", async () => {
    const { bench, ids, network } = await withPorts();
    const first = bench.harness(trunkResource, { properties: { port: "p0" } });
    await first.create();
    const second = bench.harness(trunkResource, { properties: { port: ids[0] } });
    await expect(second.create()).rejects.toThrow(`Port ${ids[0]} is in use by another trunk.`);
    await first.delete();
    expect(await network.listTrunks()).toEqual([]);
    expect(await first.attribute("port_id")).toBeNull();
    await network.deletePort(ids[0]);
  });
});
