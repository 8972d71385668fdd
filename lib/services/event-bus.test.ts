import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EventRecord, StackStore } from "../engine/ports";
import { openDatabase } from "../store/database";
import { sampleStack } from "../store/stack-store.contract";
import type { EventFeed } from "../store/ports";
import { openTempDatabase, type TempPorts } from "../store/testing/temp-database";
import { EventBus } from "./event-bus";

let db: TempPorts;
let store: StackStore & EventFeed;
let bus: EventBus;

beforeEach(async () => {
  db = await openTempDatabase();
  store = db.database.stacks;
  bus = new EventBus({ store, pollIntervalMs: 10 });
  await store.createStack(sampleStack({ id: "root", name: "root" }));
  await store.createStack(sampleStack({ id: "child", name: "root-inner", parentId: "root", parentResource: "inner" }));
  await store.createStack(sampleStack({ id: "other", name: "other" }));
});
afterEach(async () => {
  await bus.close();
  await db.cleanup();
});

/** Stores an event and publishes it, as the engine does. */
async function emit(stackId: string, resourceName: string): Promise<EventRecord> {
  const event = await store.appendEvent({
    stackId, stackName: stackId, resourceName, physicalResourceId: null, resourceType: "OS::Heat::None",
    isStackEvent: false, action: "CREATE", status: "COMPLETE", reason: "", time: new Date().toISOString(),
  });
  bus.publish(event);
  return event;
}

describe("EventBus", () => {
  it("replays stored events after a sequence, then delivers live ones of the stack tree only", async () => {
    const first = await emit("root", "a");
    await emit("child", "b");
    await emit("other", "x");
    const seen: string[] = [];
    const unsubscribe = await bus.subscribe("root", first.seq, (e) => seen.push(e.resourceName));
    expect(seen).toEqual(["b"]);
    await emit("root", "c");
    await emit("other", "y");
    await emit("child", "d");
    await vi.waitFor(() => expect(seen).toEqual(["b", "c", "d"]));
    unsubscribe();
    await emit("root", "e");
    await emit("root", "f");
    const probe: string[] = [];
    await bus.subscribe("root", 0, (e) => probe.push(e.resourceName));
    expect(probe).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(seen).toEqual(["b", "c", "d"]);
  });

  it("subscribeAll delivers new events of every stack, without replay", async () => {
    await emit("root", "before");
    const seen: string[] = [];
    const unsubscribe = await bus.subscribeAll((e) => seen.push(`${e.stackId}/${e.resourceName}`));
    await emit("other", "x");
    await emit("child", "y");
    await vi.waitFor(() => expect(seen).toEqual(["other/x", "child/y"]));
    unsubscribe();
    await emit("root", "after");
    // A later subscriber seeing a later event proves the pump went past "after".
    const probe: string[] = [];
    await bus.subscribeAll((e) => probe.push(e.resourceName));
    await emit("other", "z");
    await vi.waitFor(() => expect(probe).toEqual(["z"]));
    expect(seen).toEqual(["other/x", "child/y"]);
  });

  it("delivers events written by another process (another client on the same file) by polling", async () => {
    const seen: EventRecord[] = [];
    await bus.subscribe("root", 0, (e) => seen.push(e));
    const foreign = await openDatabase(db.url);
    try {
      const other = foreign.stacks;
      await other.createStack(sampleStack({ id: "late-child", name: "late", parentId: "child", parentResource: "r" }));
      const base = { stackName: "x", physicalResourceId: null, resourceType: "T", isStackEvent: false, action: "CREATE" as const, status: "COMPLETE" as const, reason: "", time: "t" };
      await other.appendEvent({ ...base, stackId: "root", resourceName: "one" });
      await other.appendEvent({ ...base, stackId: "late-child", resourceName: "two" });
      await other.appendEvent({ ...base, stackId: "other", resourceName: "three" });
    } finally {
      await foreign.close();
    }
    await vi.waitFor(() => expect(seen.map((e) => e.resourceName)).toEqual(["one", "two"]));
    expect(seen[0].seq).toBeLessThan(seen[1].seq);
  });

  it("delivers an event that directly follows what subscribers have seen at once, without reading the log", async () => {
    // No polling here: only the publish path can deliver.
    const local = new EventBus({ store, pollIntervalMs: 60_000 });
    const seen: string[] = [];
    const append = (resourceName: string) =>
      store.appendEvent({
        stackId: "root", stackName: "root", resourceName, physicalResourceId: null, resourceType: "T",
        isStackEvent: false, action: "CREATE", status: "COMPLETE", reason: "", time: "t",
      });
    await local.subscribe("root", 0, (e) => seen.push(e.resourceName));
    local.publish(await append("warm-up"));
    await vi.waitFor(() => expect(seen).toEqual(["warm-up"]));
    const reads = vi.spyOn(store, "eventsAfter");
    local.publish(await append("now"));
    expect(seen).toEqual(["warm-up", "now"]);
    expect(reads).not.toHaveBeenCalled();
    await local.close();
  });

  it("delivers a new stack's events to subscribers of every stack at once, without reading the log", async () => {
    // The HA monitor subscribes to every stack; the stack it hears of was made after it subscribed.
    const local = new EventBus({ store, pollIntervalMs: 60_000 });
    const seen: string[] = [];
    await local.subscribeAll((e) => seen.push(`${e.stackId}/${e.resourceName}`));
    await store.createStack(sampleStack({ id: "fresh", name: "fresh" }));
    const reads = vi.spyOn(store, "eventsAfter");
    const append = (resourceName: string) =>
      store.appendEvent({
        stackId: "fresh", stackName: "fresh", resourceName, physicalResourceId: null, resourceType: "T",
        isStackEvent: false, action: "CREATE", status: "COMPLETE", reason: "", time: "t",
      });
    for (const name of ["a", "b", "c"]) local.publish(await append(name));
    expect(seen).toEqual(["fresh/a", "fresh/b", "fresh/c"]);
    expect(reads).not.toHaveBeenCalled();
    await local.close();
  });

  it("reads the log when a published event skips a seq another process wrote, keeping order", async () => {
    const seen: string[] = [];
    await bus.subscribe("root", 0, (e) => seen.push(e.resourceName));
    await emit("root", "first");
    await vi.waitFor(() => expect(seen).toEqual(["first"]));
    const foreign = await openDatabase(db.url);
    try {
      await foreign.stacks.appendEvent({
        stackId: "child", stackName: "x", resourceName: "theirs", physicalResourceId: null, resourceType: "T",
        isStackEvent: false, action: "CREATE", status: "COMPLETE", reason: "", time: "t",
      });
    } finally {
      await foreign.close();
    }
    await emit("root", "ours");
    await vi.waitFor(() => expect(seen).toEqual(["first", "theirs", "ours"]));
  });

  it("keeps delivering when a listener throws", async () => {
    const errors: unknown[] = [];
    const quiet = new EventBus({ store, pollIntervalMs: 10, onError: (e) => errors.push(e) });
    const seen: string[] = [];
    await quiet.subscribe("root", 0, () => {
      throw new Error("listener broke");
    });
    await quiet.subscribe("root", 0, (e) => seen.push(e.resourceName));
    const event = await emit("root", "a");
    quiet.publish(event);
    await vi.waitFor(() => expect(seen).toEqual(["a"]));
    expect(errors).toHaveLength(1);
    await quiet.close();
  });
});
