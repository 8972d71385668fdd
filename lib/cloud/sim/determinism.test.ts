import { describe, expect, it, vi } from "vitest";
import { createSimCloud, type SimCloud } from "./index";

async function script(sim: SimCloud) {
  const region = sim.region("RegionOne");
  const server = await region.compute.createServer({ name: "a", flavor: "m1.tiny", image: "cirros" });
  const vol = await region.volume.createVolume({ sizeGb: 1 });
  const port = await region.network.createPort({ networkId: (await region.network.listNetworks())[1].id });
  return { server, vol, port };
}

describe("sim determinism and latency", () => {
  it("gives the same ids, MACs and timings for the same seed, different ones for another", async () => {
    const fixed = { now: () => 1_700_000_000_000 };
    const a = await script(createSimCloud({ seed: 61, speed: 1, apiSpeed: 0, clock: fixed }));
    const b = await script(createSimCloud({ seed: 61, speed: 1, apiSpeed: 0, clock: fixed }));
    const c = await script(createSimCloud({ seed: 62, speed: 1, apiSpeed: 0, clock: fixed }));
    expect(b).toEqual(a);
    expect(c.server.id).not.toBe(a.server.id);
    expect(c.port.macAddress).not.toBe(a.port.macAddress);
  });

  it("builds in about 3 s at speed 1, 10x faster at speed 0.1, scaled by region factor", async () => {
    const buildTime = async (speed: number, region = "RegionOne") => {
      const clock = { t: 0, now: () => clock.t };
      const sim = createSimCloud({ seed: 63, speed, apiSpeed: 0, clock, latencyFactors: { RegionThree: 4 } });
      const compute = sim.region(region).compute;
      const { id } = await compute.createServer({ name: "a", flavor: "m1.tiny", image: "cirros" });
      while ((await compute.getServer(id)).status === "BUILD") clock.t += 10;
      return clock.t;
    };
    const normal = await buildTime(1);
    expect(normal).toBeGreaterThanOrEqual(2400);
    expect(normal).toBeLessThanOrEqual(3600);
    const fast = await buildTime(0.1);
    expect(Math.abs(fast - normal / 10)).toBeLessThanOrEqual(10);
    expect(await buildTime(1, "RegionThree")).toBeGreaterThan(normal * 3);
  });

  it("answers without timers at speed 0 and waits on timers for API latency otherwise", async () => {
    vi.useFakeTimers();
    try {
      const instant = createSimCloud({ seed: 64 });
      await expect(instant.region("RegionOne").compute.listServers()).resolves.toEqual([]);
      const slow = createSimCloud({ seed: 64, speed: 1 });
      let done = false;
      const call = slow.region("RegionOne").compute.listServers().then(() => (done = true));
      await vi.advanceTimersByTimeAsync(10);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(30);
      await call;
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  // Speed is measured in bench/, never asserted here; this checks that scale keeps addresses unique.
  it("creates 1000 networks and 1000 servers at speed 0, each server with its own address", async () => {
    const sim = createSimCloud({ seed: 65, quotas: { instances: -1, cores: -1, ramMb: -1, networks: -1, ports: -1 } });
    const region = sim.region("RegionOne");
    for (let i = 0; i < 1000; i++) await region.network.createNetwork({ name: `n${i}` });
    const net = await region.network.createNetwork({ name: "big" });
    await region.network.createSubnet({ networkId: net.id, cidr: "10.100.0.0/16" });
    for (let i = 0; i < 1000; i++) {
      await region.compute.createServer({ name: `s${i}`, flavor: "m1.tiny", image: "cirros", networks: [{ networkId: net.id }] });
    }
    const servers = await region.compute.listServers();
    expect(servers).toHaveLength(1000);
    expect(new Set(servers.map((s) => s.addresses[0].address)).size).toBe(1000);
    expect(servers.every((s) => s.status === "ACTIVE")).toBe(true);
  });
});
