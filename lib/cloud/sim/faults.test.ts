import { describe, expect, it } from "vitest";
import { CloudError } from "../../engine/ports";
import { createSimCloud } from "./index";

describe("sim fault injection", () => {
  it("fails the next N calls of an operation, then works again", async () => {
    const sim = createSimCloud({ seed: 41 });
    const compute = sim.region("RegionOne").compute;
    sim.faults.failNext("RegionOne", "compute.createServer", 2, "nova-api is down");
    const spec = { name: "a", flavor: "m1.tiny", image: "cirros" };
    const error = await compute.createServer(spec).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudError);
    expect(error).toMatchObject({ code: "InjectedFault", message: "nova-api is down", retryable: false });
    await expect(compute.createServer(spec)).rejects.toMatchObject({ code: "InjectedFault" });
    expect((await compute.createServer(spec)).status).toBe("BUILD");
    await expect(sim.region("RegionTwo").compute.listServers()).resolves.toEqual([]);
  });

  it("can inject transient errors and rejects unknown operations", async () => {
    const sim = createSimCloud({ seed: 42 });
    sim.faults.failNext("RegionOne", "volume.createVolume", 1, undefined, "Transient");
    await expect(sim.region("RegionOne").volume.createVolume({ sizeGb: 1 })).rejects.toMatchObject({ code: "Transient", retryable: true });
    expect(() => sim.faults.failNext("RegionOne", "compute.explode", 1)).toThrow(/Unknown operation 'compute.explode'/);
    expect(() => sim.faults.failNext("RegionOne", "compute.createServer", 0)).toThrow(/positive integer/);
    expect(() => sim.faults.failNext("Nowhere", "compute.createServer", 1)).toThrow(/Region 'Nowhere' not found/);
  });

  it("makes builds end in ERROR with a fault (compute.build, volume.build)", async () => {
    const sim = createSimCloud({ seed: 43 });
    const region = sim.region("RegionOne");
    sim.faults.failNext("RegionOne", "compute.build", 1);
    sim.faults.failNext("RegionOne", "volume.build", 1);
    const bad = await region.compute.createServer({ name: "a", flavor: "m1.tiny", image: "cirros" });
    const good = await region.compute.createServer({ name: "b", flavor: "m1.tiny", image: "cirros" });
    expect(await region.compute.getServer(bad.id)).toMatchObject({
      status: "ERROR",
      fault: "No valid host was found. There are not enough hosts available.",
    });
    expect((await region.compute.getServer(good.id)).status).toBe("ACTIVE");
    const vol = await region.volume.createVolume({ sizeGb: 1 });
    expect((await region.volume.getVolume(vol.id)).status).toBe("error");
    await region.volume.deleteVolume(vol.id);
  });

  it("crashes, hangs and recovers servers, with metrics following", async () => {
    const sim = createSimCloud({ seed: 44 });
    const compute = sim.region("RegionThree").compute;
    const { id } = await compute.createServer({ name: "a", flavor: "m1.tiny", image: "cirros" });
    expect((await compute.metrics(id)).healthy).toBe(true);
    sim.faults.hangServer(id);
    expect(await compute.getServer(id)).toMatchObject({ status: "ACTIVE", hung: true });
    expect(await compute.metrics(id)).toMatchObject({ healthy: false, cpuPercent: 0 });
    sim.faults.recoverServer(id);
    expect((await compute.metrics(id)).healthy).toBe(true);
    sim.faults.crashServer(id);
    expect(await compute.getServer(id)).toMatchObject({ status: "ERROR", fault: expect.stringContaining("crash") });
    expect((await compute.metrics(id)).healthy).toBe(false);
    expect(sim.faults.describe("RegionThree")[0].crashedServers).toEqual([id]);
    sim.faults.recoverServer(id);
    const back = await compute.getServer(id);
    expect(back.status).toBe("ACTIVE");
    expect(back.fault).toBeUndefined();
    sim.faults.setCpuLoad(id, 95);
    expect((await compute.metrics(id)).cpuPercent).toBe(95);
    expect(() => sim.faults.crashServer("nope")).toThrow("No server with a name or ID of 'nope' exists.");
  });

  it("takes a region offline: every call throws RegionUnavailable until it is back", async () => {
    const sim = createSimCloud({ seed: 45 });
    sim.faults.setRegionOnline("RegionTwo", false);
    expect(await sim.regions()).toEqual([
      { name: "RegionOne", available: true },
      { name: "RegionTwo", available: false },
      { name: "RegionThree", available: true },
    ]);
    const two = sim.region("RegionTwo");
    for (const call of [() => two.compute.listServers(), () => two.volume.listVolumes(), () => two.network.listNetworks(), () => two.quota()]) {
      await expect(call()).rejects.toMatchObject({ code: "RegionUnavailable" });
    }
    await expect(sim.region("RegionOne").compute.listServers()).resolves.toEqual([]);
    expect(sim.inventory("RegionTwo").networks).toHaveLength(2);
    sim.faults.setRegionOnline("RegionTwo", true);
    await expect(two.compute.listServers()).resolves.toEqual([]);
  });

  it("clears every fault of a region or of all regions", async () => {
    const sim = createSimCloud({ seed: 46 });
    const compute = sim.region("RegionOne").compute;
    const { id } = await compute.createServer({ name: "a", flavor: "m1.tiny", image: "cirros" });
    await compute.getServer(id);
    sim.faults.crashServer(id);
    sim.faults.failNext("RegionOne", "compute.listServers", 5);
    sim.faults.setRegionOnline("RegionTwo", false);
    expect(sim.faults.describe()).toEqual([
      { region: "RegionOne", online: true, failNext: [{ operation: "compute.listServers", count: 5, code: "InjectedFault" }], hungServers: [], crashedServers: [id], cpuLoads: {} },
      { region: "RegionTwo", online: false, failNext: [], hungServers: [], crashedServers: [], cpuLoads: {} },
      { region: "RegionThree", online: true, failNext: [], hungServers: [], crashedServers: [], cpuLoads: {} },
    ]);
    sim.faults.clear("RegionOne");
    expect((await compute.getServer(id)).status).toBe("ACTIVE");
    await expect(compute.listServers()).resolves.toHaveLength(1);
    await expect(sim.region("RegionTwo").compute.listServers()).rejects.toMatchObject({ code: "RegionUnavailable" });
    sim.faults.clear();
    await expect(sim.region("RegionTwo").compute.listServers()).resolves.toEqual([]);
  });
});
