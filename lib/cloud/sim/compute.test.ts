import { describe, expect, it } from "vitest";
import { createSimCloud } from "./index";

function manualClock(start = 1_700_000_000_000) {
  const clock = { t: start, now: () => clock.t };
  return clock;
}

describe("sim compute", () => {
  it("lists DevStack flavors and per-region images", async () => {
    const sim = createSimCloud({ seed: 1 });
    const one = sim.region("RegionOne").compute;
    expect((await one.flavors()).map((f) => f.name)).toEqual(["m1.tiny", "m1.small", "m1.medium", "m1.large", "m1.xlarge"]);
    expect((await one.flavors())[2]).toEqual({ id: "3", name: "m1.medium", vcpus: 2, ramMb: 4096, diskGb: 40 });
    const images = await one.images();
    expect(images.map((i) => i.name)).toEqual(["cirros", "ubuntu-22.04", "fedora-39"]);
    const otherIds = (await sim.region("RegionTwo").compute.images()).map((i) => i.id);
    expect(otherIds).not.toContain(images[0].id);
  });

  it("builds a server lazily from the clock: BUILD, then ACTIVE with an address on private", async () => {
    const clock = manualClock();
    const sim = createSimCloud({ seed: 3, speed: 1, apiSpeed: 0, clock });
    const compute = sim.region("RegionOne").compute;
    const created = await compute.createServer({ name: "web", flavor: "m1.small", image: "cirros", metadata: { role: "web" } });
    expect(created.status).toBe("BUILD");
    expect(created.region).toBe("RegionOne");
    expect(created.flavorId).toBe("2");
    expect(created.addresses).toEqual([{ network: "private", address: "10.0.0.2", type: "fixed", portId: expect.any(String) }]);
    expect((await compute.getServer(created.id)).status).toBe("BUILD");
    clock.t += 1000;
    expect((await compute.getServer(created.id)).status).toBe("BUILD");
    clock.t += 5000;
    const active = await compute.getServer(created.id);
    expect(active.status).toBe("ACTIVE");
    expect(active.metadata).toEqual({ role: "web" });
  });

  it("accepts flavor and image ids and rejects unknown ones naming them", async () => {
    const compute = createSimCloud({ seed: 1 }).region("RegionOne").compute;
    const image = (await compute.images())[0];
    const server = await compute.createServer({ name: "a", flavor: "1", image: image.id });
    expect(server.imageId).toBe(image.id);
    await expect(compute.createServer({ name: "b", flavor: "m1.huge", image: "cirros" })).rejects.toMatchObject({
      code: "BadRequest",
      message: "Flavor m1.huge could not be found.",
    });
    await expect(compute.createServer({ name: "b", flavor: "m1.tiny", image: "windows" })).rejects.toMatchObject({
      code: "BadRequest",
      message: "Image windows could not be found.",
    });
    await expect(compute.createServer({ name: "b", flavor: "m1.tiny", image: "fedora-39" })).rejects.toMatchObject({
      code: "BadRequest",
      message: expect.stringContaining("disk is too small"),
    });
    await expect(compute.createServer({ name: "", flavor: "m1.tiny", image: "cirros" })).rejects.toMatchObject({ code: "BadRequest" });
    await expect(compute.createServer({ name: "b", flavor: "m1.tiny", image: "cirros", availabilityZone: "az9" })).rejects.toMatchObject({
      code: "BadRequest",
      message: expect.stringContaining("az9"),
    });
  });

  it("stops, starts, suspends and resumes with Nova's state conflicts", async () => {
    const compute = createSimCloud({ seed: 2 }).region("RegionOne").compute;
    const { id } = await compute.createServer({ name: "s", flavor: "m1.tiny", image: "cirros" });
    await expect(compute.startServer(id)).rejects.toMatchObject({ code: "Conflict" });
    expect((await compute.getServer(id)).status).toBe("ACTIVE");
    await expect(compute.startServer(id)).rejects.toMatchObject({
      code: "Conflict",
      message: `Cannot 'start' instance ${id} while it is in vm_state active`,
    });
    await compute.stopServer(id);
    expect((await compute.getServer(id)).status).toBe("SHUTOFF");
    await compute.startServer(id);
    await compute.suspendServer(id);
    expect((await compute.getServer(id)).status).toBe("SUSPENDED");
    await expect(compute.stopServer(id)).rejects.toMatchObject({ message: expect.stringContaining("vm_state suspended") });
    await compute.resumeServer(id);
    expect((await compute.getServer(id)).status).toBe("ACTIVE");
  });

  it("refuses a power action while another transition runs", async () => {
    const clock = manualClock();
    const compute = createSimCloud({ seed: 2, speed: 1, apiSpeed: 0, clock }).region("RegionOne").compute;
    const { id } = await compute.createServer({ name: "s", flavor: "m1.tiny", image: "cirros" });
    await expect(compute.stopServer(id)).rejects.toMatchObject({ message: expect.stringContaining("task_state spawning") });
    clock.t += 10_000;
    await compute.stopServer(id);
    expect((await compute.getServer(id)).status).toBe("ACTIVE");
    clock.t += 10_000;
    expect((await compute.getServer(id)).status).toBe("SHUTOFF");
  });

  it("deletes a server and its ports; unknown ids are NotFound with the client's message", async () => {
    const sim = createSimCloud({ seed: 4 });
    const region = sim.region("RegionOne");
    const { id } = await region.compute.createServer({ name: "gone", flavor: "m1.tiny", image: "cirros" });
    expect(await region.network.listPorts()).toHaveLength(1);
    await region.compute.deleteServer(id);
    await expect(region.compute.getServer(id)).rejects.toMatchObject({
      code: "NotFound",
      message: `No server with a name or ID of '${id}' exists.`,
    });
    expect(await region.network.listPorts()).toHaveLength(0);
    await expect(region.compute.deleteServer(id)).rejects.toMatchObject({ code: "NotFound" });
  });

  it("plugs requested networks, existing ports and fixed IPs, and unplugs pre-made ports on delete", async () => {
    const region = createSimCloud({ seed: 5 }).region("RegionOne");
    const net = await region.network.createNetwork({ name: "app" });
    await region.network.createSubnet({ networkId: net.id, cidr: "192.168.10.0/24" });
    const port = await region.network.createPort({ networkId: net.id });
    const server = await region.compute.createServer({
      name: "multi",
      flavor: "m1.tiny",
      image: "cirros",
      networks: [{ portId: port.id }, { networkId: "app", fixedIp: "192.168.10.50" }],
    });
    expect(server.addresses.map((a) => a.address)).toEqual(["192.168.10.2", "192.168.10.50"]);
    expect((await region.network.getPort(port.id)).deviceId).toBe(server.id);
    await expect(
      region.compute.createServer({ name: "x", flavor: "m1.tiny", image: "cirros", networks: [{ portId: port.id }] }),
    ).rejects.toMatchObject({ code: "Conflict", message: `Port ${port.id} is still in use.` });
    await region.compute.deleteServer(server.id);
    await region.compute.listServers();
    const left = await region.network.listPorts();
    expect(left.map((p) => p.id)).toEqual([port.id]);
    expect(left[0].deviceId).toBeNull();
  });

  it("rolls back ports when a later network of the request fails", async () => {
    const region = createSimCloud({ seed: 5 }).region("RegionOne");
    const before = (await region.network.listPorts()).length;
    await expect(
      region.compute.createServer({ name: "x", flavor: "m1.tiny", image: "cirros", networks: [{ networkId: "private" }, { networkId: "nope" }] }),
    ).rejects.toMatchObject({ code: "BadRequest", message: "Network nope could not be found." });
    expect(await region.network.listPorts()).toHaveLength(before);
    const again = await region.compute.createServer({ name: "y", flavor: "m1.tiny", image: "cirros" });
    expect(again.addresses[0].address).toBe("10.0.0.2");
  });

  it("updates name and metadata and reports plausible seeded metrics", async () => {
    const clock = manualClock();
    const compute = createSimCloud({ seed: 6, clock }).region("RegionOne").compute;
    const { id } = await compute.createServer({ name: "m", flavor: "m1.tiny", image: "cirros" });
    const updated = await compute.updateServer(id, { name: "renamed", metadata: { a: "1" } });
    expect(updated).toMatchObject({ name: "renamed", metadata: { a: "1" } });
    const samples = [];
    for (let i = 0; i < 20; i++) {
      clock.t += 10_000;
      samples.push(await compute.metrics(id));
    }
    expect(samples.every((m) => m.healthy && m.cpuPercent > 0 && m.cpuPercent < 40)).toBe(true);
    expect(new Set(samples.map((m) => m.cpuPercent)).size).toBeGreaterThan(5);
    await compute.stopServer(id);
    expect(await compute.metrics(id)).toMatchObject({ healthy: false, cpuPercent: 0 });
  });
});
