import { describe, expect, it } from "vitest";
import { PROJECT } from "./helpers";
import { haExample, haRig, type HaRig } from "./ha-rig";

/** Lets the monitor run on the fake clock for `ms`, then waits for what it started. */
async function runMonitor(r: HaRig, ms: number): Promise<void> {
  r.monitor.start();
  await r.clock.advance(ms);
  await r.clock.run(r.monitor.stop());
}

/** Runs the monitor until `done()` holds (checked every fake second), at most `limitMs`; returns the time it took. */
async function monitorUntil(r: HaRig, done: () => Promise<boolean>, limitMs = 600_000): Promise<number> {
  const start = r.clock.now();
  r.monitor.start();
  while (!(await done())) {
    if (r.clock.now() - start > limitMs) throw new Error("the monitor did not act in time");
    await r.clock.advance(1000);
  }
  await r.clock.run(r.monitor.stop()); // what the monitor started finishes on the fake clock too
  return r.clock.now() - start;
}

async function pair(r: HaRig) {
  const stack = await r.launch("pair", "active-passive.yaml");
  const volume = (await r.store.listResources(stack.id)).find((x) => x.name === "volume")!.physicalId!;
  const active = async () => (await r.attributes(stack.id, "server_failover_policy")).active_member as string;
  return { stack, volume, active };
}

describe("automatic healing by the HA monitor (fake clock)", () => {
  it("a crashed active server makes Hearth fail over by itself; the data moves with the volume", async () => {
    for (const slow of [false, true]) {
      const r = haRig({ slow });
      const { stack, volume, active } = await pair(r);
      const first = await active();
      await r.sim.region("RegionOne").volume.writeData(volume, first, "journal", "entry-42");
      r.sim.faults.crashServer(first);
      await monitorUntil(r, async () => (await active()) !== first);
      const now = await active();
      expect(await r.sim.region("RegionOne").volume.readData(volume, now, "journal")).toBe("entry-42");
      const servers = r.sim.inventory().servers;
      expect(servers.every((s) => s.status === "ACTIVE")).toBe(true);
      const failovers = (await r.store.listEvents(stack.id)).filter((e) => /^Failover from .* started/.test(e.reason));
      expect(failovers).toHaveLength(1); // alarm and health check both fired; the grace period kept it to one
      expect(r.errors).toEqual([]);
    }
  });

  it("a crashed standby is replaced without moving the volume", async () => {
    const r = haRig();
    const { stack, volume, active } = await pair(r);
    const first = await active();
    const standby = ((await r.attributes(stack.id, "server_failover_policy")).standby_members as string[])[0];
    r.sim.faults.crashServer(standby);
    await monitorUntil(r, async () => !r.sim.inventory().servers.some((s) => s.id === standby));
    expect(await active()).toBe(first);
    expect(r.sim.inventory().volumes.find((v) => v.id === volume)!.attachments.map((a) => a.serverId)).toEqual([first]);
    expect(r.sim.inventory().servers).toHaveLength(2);
  });

  it("a hung active server fails the HTTP-style check (it still looks ACTIVE) and is failed over", async () => {
    const r = haRig();
    const { active } = await pair(r);
    const first = await active();
    r.sim.faults.hangServer(first);
    await monitorUntil(r, async () => (await active()) !== first);
    expect(r.errors).toEqual([]);
  });

  it("stays quiet while every member is healthy", async () => {
    const r = haRig();
    const { stack, active } = await pair(r);
    const first = await active();
    await runMonitor(r, 120_000);
    expect(await active()).toBe(first);
    expect((await r.store.listEvents(stack.id)).some((e) => /Failover/.test(e.reason))).toBe(false);
    expect((await r.attributes(stack.id, "active_down_alarm")).state).toBe("ok");
  });
});

describe("failover by alarm alone", () => {
  it("without a health_check, the server_health alarm's POST to the policy chain fails over and the data follows", async () => {
    const r = haRig();
    const example = haExample("active-passive.yaml");
    const template = example.template.replace(/^\s+health_check:.*$/m, "");
    expect(template).not.toMatch(/health_check/);
    const stack = await r.finish(await r.engine.create("alarmed", { ...example, template }, PROJECT));
    const volume = (await r.store.listResources(stack.id)).find((x) => x.name === "volume")!.physicalId!;
    const active = async () => (await r.attributes(stack.id, "server_failover_policy")).active_member as string;
    const first = await active();
    await r.sim.region("RegionOne").volume.writeData(volume, first, "blob", "\u00ff\u0001bytes");
    r.sim.faults.crashServer(first);
    await monitorUntil(r, async () => (await active()) !== first);
    expect(await r.sim.region("RegionOne").volume.readData(volume, await active(), "blob")).toBe("\u00ff\u0001bytes");
    const reasons = (await r.store.listEvents(stack.id)).map((e) => `${e.resourceName}: ${e.reason}`);
    expect(reasons.some((x) => x.startsWith("active_down_alarm: Alarm state") && x.includes("-> alarm"))).toBe(true);
    expect(reasons.some((x) => x.startsWith("server_scaling_policy: Signal"))).toBe(true);
  });
});

describe("examples/ha/harestarter.yaml (HARestarter replacement)", () => {
  it("the health alarm POSTs to the replace_oldest policy's alarm_url and the server is replaced", async () => {
    const r = haRig();
    const stack = await r.launch("restarter", "harestarter.yaml");
    expect(stack.status).toBe("COMPLETE");
    const first = (await r.engine.outputs(stack.id)).find((o) => o.key === "server")!.value as string;
    expect(r.sim.inventory().servers.map((s) => s.id)).toEqual([first]);
    r.sim.faults.crashServer(first);
    const took = await monitorUntil(r, async () => {
      const servers = r.sim.inventory().servers;
      return servers.length === 1 && servers[0].id !== first && servers[0].status === "ACTIVE";
    });
    expect(took).toBeGreaterThanOrEqual(10_000); // two evaluation periods of 10 s
    const events = await r.store.listEvents(stack.id);
    expect(events.some((e) => e.resourceName === "server_down_alarm" && /-> alarm/.test(e.reason))).toBe(true);
    expect(events.some((e) => e.resourceName === "server_restart_policy" && e.action === "SIGNAL")).toBe(true);
    expect(r.errors).toEqual([]);
  });
});
