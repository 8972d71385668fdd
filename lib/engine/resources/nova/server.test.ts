import { describe, expect, it } from "vitest";
import { createInstantCloud } from "../../testing/instant-cloud";
import { createCloudBench } from "../testing-context";
import { floatingIpResource } from "../neutron/floating-ip";
import { netResource } from "../neutron/net";
import { subnetResource } from "../neutron/subnet";
import { serverResource } from "./server";

describe("OS::Nova::Server", () => {
  it("classifies a refused create into a clear message naming the region", async () => {
    const bench = createCloudBench(createInstantCloud());
    const h = bench.harness(serverResource, { properties: { flavor: "m9.huge", image: "cirros" } });
    await expect(h.create()).rejects.toThrow(/creating server .* in RegionOne failed \(bad request\): Flavor m9\.huge could not be found/);
  });

  it("uses a subnet through an internal port, associates a floating IP, and cleans up on delete", async () => {
    const bench = createCloudBench(createInstantCloud());
    const net = bench.harness(netResource, { properties: { name: "appnet" } });
    await net.create();
    const subnet = bench.harness(subnetResource, { properties: { network: net.ctx.physicalId, cidr: "192.168.5.0/24" } });
    await subnet.create();
    // as Neutron requires, a router connects the new subnet to the floating IPs' network
    const neutron = bench.cloud.region("RegionOne").network;
    const router = await neutron.createRouter({ externalGateway: { networkId: "public" } });
    await neutron.addRouterInterface(router.id, { subnetId: subnet.ctx.physicalId! });
    const fip = bench.harness(floatingIpResource, { properties: { floating_network: "public" } });
    await fip.create();
    const server = bench.harness(serverResource, {
      properties: { flavor: "m1.tiny", image: "cirros", networks: [{ subnet: subnet.ctx.physicalId, floating_ip: fip.ctx.physicalId }] },
    });
    await server.create();
    const networks = (await server.attribute("networks")) as Record<string, string[]>;
    expect(networks.appnet).toHaveLength(2);
    expect(networks.appnet[0]).toMatch(/^192\.168\.5\./);
    expect(await fip.attribute("port_id")).toBeTruthy();
    const internal = JSON.parse(server.ctx.data.internal_ports) as string[];
    await server.delete();
    await expect(bench.cloud.region("RegionOne").network.getPort(internal[0])).rejects.toMatchObject({ code: "NotFound" });
    await server.delete();
  });

  it("renames and updates metadata in place; flavor, image or user_data changes replace", async () => {
    const bench = createCloudBench(createInstantCloud());
    const props = { flavor: "m1.tiny", image: "cirros", name: "a", metadata: { role: "web" } };
    const h = bench.harness(serverResource, { properties: props });
    await h.create();
    expect(await h.update({ ...props, name: "b", metadata: { role: "db", n: 1 } })).toBe("in-place");
    const server = await bench.cloud.region("RegionOne").compute.getServer(h.ctx.physicalId!);
    expect(server).toMatchObject({ name: "b", metadata: { role: "db", n: "1" } });
    expect(await h.update({ ...props, flavor: "m1.small" })).toBe("replace");
    expect(await h.update({ ...props, image: "fedora-39" })).toBe("replace");
    expect(await h.update({ ...props, user_data: "#!/bin/sh" })).toBe("replace");
    expect(await h.update({ ...props, user_data: "#!/bin/sh", user_data_update_policy: "IGNORE" })).toBe("in-place");
  });

  it("treats an already deleted server as gone", async () => {
    const bench = createCloudBench(createInstantCloud());
    const h = bench.harness(serverResource, { properties: { flavor: "m1.tiny", image: "cirros" } });
    await h.create();
    await bench.cloud.region("RegionOne").compute.deleteServer(h.ctx.physicalId!);
    bench.clock.advance(10_000);
    await h.delete();
    expect(await h.attribute("first_address")).toBeNull();
  });
});
