import { describe, expect, it } from "vitest";
import { createSimCloud } from "../../cloud/sim";
import type { EventRecord, StackStore } from "../../engine/ports";
import { MemoryStackStore, realClock } from "../../engine/testing";
import { eventRecord, resourceRecord } from "../../engine/testing/records";
import { sampleStack } from "../../store/stack-store.contract";
import { HaMonitor } from "./monitor";
import type { MonitorDeps } from "./monitor-deps";
import { haLeaseKey } from "./ownership";

const PLAIN_STACKS = 40;

/** A store of PLAIN_STACKS stacks of one server each and one stack ("ha") with a failover policy, recording each read as "method stackId". */
async function world(): Promise<{ store: StackStore; reads: string[]; addHaStack(id: string): Promise<void> }> {
  const inner = new MemoryStackStore();
  for (let i = 0; i < PLAIN_STACKS; i++) {
    await inner.createStack(sampleStack({ id: `plain-${i}`, name: `plain-${i}`, status: "COMPLETE" }));
    await inner.saveResource(resourceRecord("server", { id: `server-${i}`, stackId: `plain-${i}`, physicalId: `srv-${i}`, status: "COMPLETE" }));
  }
  const addHaStack = async (id: string) => {
    await inner.createStack(sampleStack({ id, name: id, status: "COMPLETE" }));
    await inner.saveResource(resourceRecord("policy", { id: `policy-${id}`, stackId: id, type: "OS::Heat::FailoverPolicy", physicalId: `fp-${id}`, status: "COMPLETE" }));
    await inner.saveResource(resourceRecord("server", { id: `server-${id}`, stackId: id, physicalId: `srv-${id}`, status: "COMPLETE" }));
  };
  await addHaStack("ha");
  const reads: string[] = [];
  const store = new Proxy(inner, {
    get(target, key: keyof MemoryStackStore) {
      const value = target[key];
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (typeof key === "string" && ["listStacks", "listResources", "getStack"].includes(key)) reads.push(`${key} ${typeof args[0] === "string" ? args[0] : JSON.stringify(args[0])}`);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store, reads, addHaStack };
}

function monitor(store: StackStore, extra: Partial<MonitorDeps> = {}): HaMonitor {
  const deps: MonitorDeps = { store, cloud: createSimCloud({ speed: 0 }), clock: realClock, owner: "m1", leaseMs: 30_000, signal: async () => {}, post: async () => {}, ...extra };
  return new HaMonitor(deps, { tickMs: 5, onError: (error) => expect.fail(String(error)) });
}

/** Waits (bounded: 400 polls of 5 ms, 10 s) until `done`; fails naming `what`. */
async function until(done: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (let i = 0; i < 400 && Date.now() < deadline; i++) {
    if (done()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const count = (reads: string[], prefix: string) => reads.filter((r) => r.startsWith(prefix)).length;

describe("HaMonitor's watch list", () => {
  it("a tick reads only the stacks holding watched resources: one indexed query, then their resources", async () => {
    const { store, reads } = await world();
    await monitor(store).tick();
    expect(reads).toEqual([
      `listStacks ${JSON.stringify({ includeNested: true, resourceTypes: ["OS::Aodh::Alarm", "OS::Heat::AutoScalingGroup", "OS::Heat::FailoverPolicy"] })}`,
      "listResources ha",
    ]);
    // the policy is watched as before: its lease is this engine's
    expect(await store.getLock(haLeaseKey("policy-ha"))).toMatchObject({ owner: "m1" });
  });

  it("while the event feed runs, the list is kept between ticks and read again after a stack event", async () => {
    const { store, reads, addHaStack } = await world();
    let listener: ((event: EventRecord) => void) | undefined;
    const running = monitor(store, {
      events: async (l) => {
        listener = l;
        return () => (listener = undefined);
      },
    });
    running.start();
    try {
      await until(() => count(reads, "listResources ha") >= 5, "five ticks");
      expect(count(reads, "listStacks")).toBe(1);
      // a resource event of an unwatched type changes nothing
      listener!(eventRecord(1, { stackId: "plain-3", resourceType: "OS::Nova::Server" }));
      const before = count(reads, "listResources ha");
      await until(() => count(reads, "listResources ha") >= before + 3, "three more ticks");
      expect(count(reads, "listStacks")).toBe(1);
      // a new stack with a policy: its stack event makes the next tick read the list again, and find it
      await addHaStack("ha-2");
      listener!(eventRecord(2, { stackId: "ha-2", resourceName: "ha-2", resourceType: "OS::Heat::Stack", isStackEvent: true, status: "COMPLETE" }));
      await until(() => count(reads, "listResources ha-2") >= 1, "the new stack's resources read");
      expect(count(reads, "listStacks")).toBe(2);
      expect(await store.getLock(haLeaseKey("policy-ha-2"))).toMatchObject({ owner: "m1" });
      expect(reads.filter((r) => r.includes("plain"))).toEqual([]);
    } finally {
      await running.stop();
    }
    // stopping unsubscribes and lets the leases go
    expect(listener).toBeUndefined();
    expect(await store.getLock(haLeaseKey("policy-ha"))).toBeUndefined();
  });
});
