/**
 * HA in two engines sharing one SQLite store and one simulated cloud (in-process, fake clock, the
 * cloud's realistic durations): each engine runs its HA monitor; alarms and health checks are evaluated
 * by one owner each, a failover runs in one engine at a time, and one interrupted by an engine's crash
 * is carried to its end by the other.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { EventRecord, StackStore } from "../../lib/engine/ports";
import { failoverHistory } from "../../lib/engine/resources/heat/failover-history";
import { haltingStore } from "../../lib/engine/stack/halting-store";
import { FakeClock } from "../../lib/engine/testing";
import { createSimCloud } from "../../lib/cloud/sim";
import { HaMonitor } from "../../lib/services/ha/monitor";
import { haLeaseKey } from "../../lib/services/ha/ownership";
import { SqlStackStore } from "../../lib/store/sql-stack-store";
import { createTempDatabase, type TempDatabase } from "../../lib/store/testing/temp-database";
import { PROJECT, rig, type Rig } from "./helpers";
import { haExample } from "./ha-rig";

const LEASE_MS = 6_000;
const POLICY = "server_failover_policy";

/** An engine: the rig's engine on the shared store, and its HA monitor (on a store that dies with it). */
interface Peer {
  name: string;
  r: Rig;
  monitor: HaMonitor;
  errors: unknown[];
  crash(): void;
}

let db: TempDatabase | undefined;
afterEach(async () => {
  await db?.cleanup();
  db = undefined;
});

async function twoEngines(): Promise<[Peer, Peer]> {
  db = await createTempDatabase("hearth-ha-peers-");
  const clock = new FakeClock();
  const store = new SqlStackStore(db.driver, { now: () => clock.now() });
  const sim = createSimCloud({ seed: 11, speed: 1, apiSpeed: 0, clock });
  const peer = (name: string, seed: number): Peer => {
    const r = rig({ clock, store, sim, owner: name, seed, lockTtlMs: LEASE_MS });
    const monitorStore = haltingStore(store as StackStore);
    const errors: unknown[] = [];
    const signal = (stackId: string, resource: string, details: unknown) => r.engine.signal(stackId, resource, details);
    const post = async () => undefined; // the alarm chain is left out: the health check is the trigger here
    const monitor = new HaMonitor({ store: monitorStore.store, cloud: sim, clock, signal, owner: name, leaseMs: LEASE_MS, post }, { onError: (e) => errors.push(e) });
    return { name, r, monitor, errors, crash: () => (r.engine.simulateCrash(), monitorStore.halt()) };
  };
  return [peer("engine-a", 1), peer("engine-b", 2)];
}

async function policyEvents(r: Rig, stackId: string): Promise<EventRecord[]> {
  return (await r.store.listEvents(stackId)).filter((e) => e.resourceName === POLICY);
}

/** Advances the fake clock until `work` settles (at most `limitMs` of fake time); its outcome. */
async function settle<T>(r: Rig, work: Promise<T>, limitMs = 600_000): Promise<T> {
  let settled = false;
  const watched = work.finally(() => (settled = true));
  watched.catch(() => undefined);
  await until(r, async () => settled, limitMs);
  return watched;
}

/** Advances the fake clock a second at a time until `done()` (at most `limitMs` of fake time). */
async function until(r: Rig, done: () => Promise<boolean>, limitMs = 600_000): Promise<void> {
  const end = r.clock.now() + limitMs;
  while (!(await done())) {
    if (r.clock.now() > end) throw new Error("not reached in time");
    await r.clock.advance(1000);
  }
}

async function launch(a: Peer) {
  const stack = await a.r.finish(await a.r.engine.create("pair", haExample("active-passive.yaml"), PROJECT));
  expect(stack.status).toBe("COMPLETE");
  const volume = (await a.r.store.listResources(stack.id)).find((x) => x.name === "volume")!.physicalId!;
  const active = async () => (await a.r.engine.resourceAttributes(stack.id, POLICY)).active_member as string;
  return { stack, volume, active };
}

/** The cloud's servers the volume is attached to. */
const attachedTo = (r: Rig, volume: string) => r.sim.inventory().volumes.find((v) => v.id === volume)!.attachments.map((x) => x.serverId);

describe("HA monitors in two engines on one store", () => {
  it("a crashed active server is failed over by exactly one of the two engines", async () => {
    const [a, b] = await twoEngines();
    const { stack, volume, active } = await launch(a);
    const first = await active();
    a.monitor.start();
    b.monitor.start();
    a.r.sim.faults.crashServer(first);
    await until(a.r, async () => failoverHistory(await policyEvents(a.r, stack.id)).some((f) => f.state !== "running"));
    await a.r.clock.run(Promise.all([a.monitor.stop(), b.monitor.stop()]));

    const events = await policyEvents(a.r, stack.id);
    const history = failoverHistory(events);
    expect(history.map((f) => [f.from, f.state])).toEqual([[expect.any(String), "completed"]]);
    // one owner of the group's health check: it signalled the policy once, not once per engine
    expect(events.filter((e) => e.action === "SIGNAL" && e.status === "COMPLETE" && /health check: member/.test(e.reason))).toHaveLength(1);
    const now = await active();
    expect(now).not.toBe(first);
    expect(attachedTo(a.r, volume)).toEqual([now]);
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it("the leases of a dead engine's monitor are taken over within lease + a tick, and the other engine fails over", async () => {
    const [a, b] = await twoEngines();
    const { stack, volume, active } = await launch(a);
    const group = (await a.r.store.listResources(stack.id)).find((x) => x.name === "server_group")!;
    const owner = async () => (await a.r.store.getLock(haLeaseKey(group.id)))?.owner;
    a.monitor.start();
    await a.r.clock.advance(2000);
    b.monitor.start(); // a owns everything now; b's ticks leave it alone
    await a.r.clock.advance(LEASE_MS);
    expect(await owner()).toBe("engine-a");
    a.crash();
    await a.r.clock.advance(LEASE_MS + 1000 + 100);
    expect(await owner()).toBe("engine-b");
    const first = await active();
    a.r.sim.faults.crashServer(first);
    await until(a.r, async () => failoverHistory(await policyEvents(a.r, stack.id)).some((f) => f.state === "completed"));
    await a.r.clock.run(b.monitor.stop());
    expect(await owner()).toBeUndefined(); // a clean stop lets the leases go
    const events = await policyEvents(a.r, stack.id);
    expect(events.filter((e) => e.action === "SIGNAL" && e.status === "COMPLETE").map((e) => e.reason)).toContainEqual(expect.stringMatching(/health check/));
    expect(attachedTo(a.r, volume)).toEqual([await active()]);
    expect(b.errors).toEqual([]);
    await a.r.clock.run(a.monitor.stop()); // its loop ends; its releases fail on the dead store (reported)
  });

  // the moment of the crash: after the failover started (0) or after its k-th step
  for (const crashAfter of [0, 1, 2, 3, 4, 5]) {
    it(`an engine killed mid-failover (after ${crashAfter} of 6 steps): the other carries it to its end`, async () => {
      const [a, b] = await twoEngines();
      const { stack, volume, active } = await launch(a);
      const first = await active();
      const signalled = a.r.engine.signal(stack.id, POLICY, { reason: "operator failover" }).catch((e: unknown) => e);
      const progressed = async () => {
        const run = failoverHistory(await policyEvents(a.r, stack.id)).at(-1);
        return !!run && run.steps.length >= crashAfter;
      };
      for (let i = 0; !(await progressed()); i++) {
        if (i > 2000) throw new Error("the failover did not progress");
        await a.r.clock.advance(50);
      }
      a.crash();
      // b gets a signal of its own meanwhile (the console's button): it waits for a's lease
      const racing = b.r.engine.signal(stack.id, POLICY, { reason: "second operator" });
      b.monitor.start();
      await settle(b.r, racing);
      await until(b.r, async () => failoverHistory(await policyEvents(b.r, stack.id)).every((f) => f.state !== "running"));
      await b.r.clock.run(b.monitor.stop());
      expect(await b.r.clock.run(signalled)).toBeInstanceOf(Error); // a's own handling died with it

      const events = await policyEvents(b.r, stack.id);
      const history = failoverHistory(events);
      expect(history.map((f) => [f.from, f.state])).toEqual([[expect.any(String), "completed"]]);
      expect(history[0].steps.map((s) => s.step)).toEqual(["quiesce", "detach", "promote", "attach", "activate", "replace"]);
      expect(events.some((e) => /carried on after the engine running it went down/.test(e.reason))).toBe(true);
      const now = await active();
      expect(now).not.toBe(first);
      expect(attachedTo(b.r, volume)).toEqual([now]);
      expect(b.r.sim.inventory().servers.filter((s) => s.status === "ACTIVE")).toHaveLength(2);
      const policy = (await b.r.store.listResources(stack.id)).find((x) => x.name === POLICY)!;
      expect(policy.data.failover).toBeUndefined();
      expect(b.errors).toEqual([]);
    });
  }
});
