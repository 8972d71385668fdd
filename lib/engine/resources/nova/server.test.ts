import { describe, expect, it } from "vitest";
import { createSimBench } from "../testing-sim";
import { floatingIpResource } from "../neutron/floating-ip";
import { netResource } from "../neutron/net";
import { subnetResource } from "../neutron/subnet";
import { serverResource } from "./server";

describe("OS::Nova::Server", () => {
  it("boots on the private network by default, polls BUILD to ACTIVE and exposes addresses", async () => {
    const bench = createSimBench();
    const h = bench.harness(serverResource, { name: "web", stackName: "app", properties: { flavor: "m1.tiny", image: "cirros" } });
    const token = await serverResource.handlers.create(h.ctx);
    expect((await bench.sim.region("RegionOne").compute.getServer(h.ctx.physicalId!)).status).toBe("BUILD");
    expect(await serverResource.handlers.checkCreateComplete!(h.ctx, token)).toBe(false);
    bench.clock.advance(1000);
    expect(await serverResource.handlers.checkCreateComplete!(h.ctx, token)).toBe(true);
    expect(await h.attribute("name")).toMatch(/^app-web-[a-z0-9]{12}$/);
    const first = String(await h.attribute("first_address"));
    expect(first).toMatch(/^10\.0\.0\.\d+$/);
    expect(await h.attribute("networks")).toEqual({ private: [first] });
    expect(await h.attribute("addresses", ["private", 0, "addr"])).toBe(first);
    expect(await h.attribute("show", ["status"])).toBe("ACTIVE");
  });

  it("fails with the fault when the build goes to ERROR", async () => {
    const bench = createSimBench();
    bench.sim.faults.failNext("RegionOne", "compute.build", 1, "No valid host was found.");
    const h = bench.harness(serverResource, { properties: { flavor: "m1.tiny", image: "cirros" } });
    const err = await h.create().catch((e: Error) => e);
    expect(err).toMatchObject({ name: "ResourceInError" });
    expect(String(err)).toContain('Went to status ERROR due to "No valid host was found.');
  });

  it("classifies a refused create into a clear message naming the region", async () => {
    const bench = createSimBench();
    const h = bench.harness(serverResource, { properties: { flavor: "m9.huge", image: "cirros" } });
    await expect(h.create()).rejects.toThrow(/creating server .* in RegionOne failed \(bad request\): Flavor m9\.huge could not be found/);
  });

  it("uses a subnet through an internal port, associates a floating IP, and cleans up on delete", async () => {
    const bench = createSimBench();
    const net = bench.harness(netResource, { properties: { name: "appnet" } });
    await net.create();
    const subnet = bench.harness(subnetResource, { properties: { network: net.ctx.physicalId, cidr: "192.168.5.0/24" } });
    await subnet.create();
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
    await expect(bench.sim.region("RegionOne").network.getPort(internal[0])).rejects.toMatchObject({ code: "NotFound" });
    await server.delete();
  });

  it("renames and updates metadata in place; flavor, image or user_data changes replace", async () => {
    const bench = createSimBench();
    const props = { flavor: "m1.tiny", image: "cirros", name: "a", metadata: { role: "web" } };
    const h = bench.harness(serverResource, { properties: props });
    await h.create();
    expect(await h.update({ ...props, name: "b", metadata: { role: "db", n: 1 } })).toBe("in-place");
    const server = await bench.sim.region("RegionOne").compute.getServer(h.ctx.physicalId!);
    expect(server).toMatchObject({ name: "b", metadata: { role: "db", n: "1" } });
    expect(await h.update({ ...props, flavor: "m1.small" })).toBe("replace");
    expect(await h.update({ ...props, image: "fedora-39" })).toBe("replace");
    expect(await h.update({ ...props, user_data: "#!/bin/sh" })).toBe("replace");
    expect(await h.update({ ...props, user_data: "#!/bin/sh", user_data_update_policy: "IGNORE" })).toBe("in-place");
  });

  it("suspends, resumes, checks, and a crashed server fails check", async () => {
    const bench = createSimBench();
    const h = bench.harness(serverResource, { properties: { flavor: "m1.tiny", image: "cirros" } });
    await h.create();
    await h.suspend();
    expect(await h.attribute("show", ["status"])).toBe("SUSPENDED");
    await h.resume();
    await h.check();
    bench.sim.faults.crashServer(h.ctx.physicalId!);
    await expect(h.check()).rejects.toMatchObject({ name: "ResourceInError" });
  });

  it("treats an already deleted server as gone", async () => {
    const bench = createSimBench();
    const h = bench.harness(serverResource, { properties: { flavor: "m1.tiny", image: "cirros" } });
    await h.create();
    await bench.sim.region("RegionOne").compute.deleteServer(h.ctx.physicalId!);
    bench.clock.advance(10_000);
    await h.delete();
    expect(await h.attribute("first_address")).toBeNull();
  });
});
