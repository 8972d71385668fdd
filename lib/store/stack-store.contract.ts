/**
 * Behaviour every StackStore must have, written once and run against each implementation
 * (PrismaStackStore here, the engine's in-memory store in lib/engine/testing).
 * Call `describeStackStoreContract(name, factory)` from a *.test.ts file.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { EventRecord, ResourceRecord, StackRecord, StackStore } from "../engine/ports";

/** A store under test and how to dispose of it. */
export interface StoreFixture {
  store: StackStore;
  close(): Promise<void>;
}

/** Builds a fresh, empty store whose lock expiry reads time from `now`. */
export type StoreFactory = (now: () => number) => Promise<StoreFixture>;

/** A complete stack record with overridable fields. */
export function sampleStack(overrides: Partial<StackRecord> = {}): StackRecord {
  return {
    id: "stack-1",
    name: "web",
    projectId: "demo",
    parentId: null,
    parentResource: null,
    region: "RegionOne",
    action: "CREATE",
    status: "IN_PROGRESS",
    statusReason: "Stack CREATE started",
    template: "heat_template_version: 2018-08-31\nresources: {}\n",
    templateName: "web.yaml",
    environments: [{ name: "env.yaml", text: "parameters: {}\n" }],
    files: { "nested.yaml": "heat_template_version: 2018-08-31\n" },
    parameters: { flavor: "m1.small", count: 2, nested: { list: [1, "a", null] } },
    previous: null,
    disableRollback: true,
    timeoutMins: 60,
    tags: ["a", "b"],
    generation: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: null,
    deletedAt: null,
    ...overrides,
  };
}

/** A complete resource record with overridable fields. */
export function sampleResource(overrides: Partial<ResourceRecord> = {}): ResourceRecord {
  return {
    id: "res-1",
    stackId: "stack-1",
    name: "server",
    type: "OS::Nova::Server",
    region: "RegionOne",
    physicalId: null,
    action: "CREATE",
    status: "IN_PROGRESS",
    statusReason: "state changed",
    properties: { flavor: "m1.small", networks: [{ network: "net" }] },
    attributes: {},
    data: { token: "x" },
    nestedStackId: null,
    unhealthy: false,
    replacedBy: null,
    createdAt: "2026-01-01T00:00:01.000Z",
    updatedAt: null,
    ...overrides,
  };
}

/** A stack event without id and seq. */
function sampleEvent(stackId: string, resourceName: string): Omit<EventRecord, "id" | "seq"> {
  return {
    stackId,
    stackName: "web",
    resourceName,
    physicalResourceId: null,
    resourceType: "OS::Heat::Stack",
    isStackEvent: resourceName === "web",
    action: "CREATE",
    status: "IN_PROGRESS",
    reason: "Stack CREATE started",
    time: "2026-01-01T00:00:00.000Z",
  };
}

/** Registers the contract's tests for one implementation. */
export function describeStackStoreContract(name: string, factory: StoreFactory): void {
  describe(`StackStore contract: ${name}`, () => {
    let time = 1_000_000;
    let fixture: StoreFixture;
    let store: StackStore;
    beforeEach(async () => {
      time = 1_000_000;
      fixture = await factory(() => time);
      store = fixture.store;
    });
    afterEach(async () => fixture.close());

    it("round-trips a stack record exactly", async () => {
      const previous = { template: "t", templateName: null, environments: [], files: {}, parameters: { a: 1 } };
      await store.createStack(sampleStack({ previous }));
      expect(await store.getStack("stack-1")).toEqual(sampleStack({ previous }));
      expect(await store.getStack("nope")).toBeUndefined();
    });

    it("finds live stacks by name within a project, nested ones included", async () => {
      await store.createStack(sampleStack({ id: "old", deletedAt: "2026-01-02T00:00:00.000Z" }));
      await store.createStack(sampleStack({ id: "live" }));
      await store.createStack(sampleStack({ id: "child", name: "web-child", parentId: "live", parentResource: "inner" }));
      expect((await store.findStackByName("demo", "web"))?.id).toBe("live");
      expect((await store.findStackByName("demo", "web-child"))?.id).toBe("child");
      expect(await store.findStackByName("other", "web")).toBeUndefined();
    });

    it("lists stacks with filters for nesting, deletion, name and status", async () => {
      await store.createStack(sampleStack({ id: "a", name: "a", status: "COMPLETE" }));
      await store.createStack(sampleStack({ id: "b", name: "b", deletedAt: "2026-01-02T00:00:00.000Z" }));
      await store.createStack(sampleStack({ id: "c", name: "c", parentId: "a", parentResource: "r" }));
      const ids = async (filter: Parameters<StackStore["listStacks"]>[0]) => (await store.listStacks(filter)).map((s) => s.id).sort();
      expect(await ids({})).toEqual(["a"]);
      expect(await ids({ includeNested: true })).toEqual(["a", "c"]);
      expect(await ids({ includeDeleted: true })).toEqual(["a", "b"]);
      expect(await ids({ parentId: "a" })).toEqual(["c"]);
      expect(await ids({ name: "a" })).toEqual(["a"]);
      expect(await ids({ status: "CREATE_COMPLETE", includeNested: true })).toEqual(["a"]);
      // the bare status part, as a recovery sweep lists the stacks IN_PROGRESS
      expect(await ids({ status: "IN_PROGRESS", includeNested: true })).toEqual(["c"]);
      expect(await ids({ projectId: "elsewhere" })).toEqual([]);
    });

    it("patches only the given fields of a stack and refuses an unknown one", async () => {
      await store.createStack(sampleStack());
      await store.updateStack("stack-1", { status: "COMPLETE", parameters: { k: { n: 1 } }, previous: null, generation: 2 });
      const after = await store.getStack("stack-1");
      expect(after).toEqual(sampleStack({ status: "COMPLETE", parameters: { k: { n: 1 } }, generation: 2 }));
      await expect(store.updateStack("missing", { status: "FAILED" })).rejects.toThrow(/not found/);
    });

    it("saves, replaces, lists and deletes resources per stack", async () => {
      await store.saveResource(sampleResource());
      await store.saveResource(sampleResource({ id: "res-2", name: "volume", createdAt: "2026-01-01T00:00:02.000Z" }));
      await store.saveResource(sampleResource({ id: "other", stackId: "stack-2" }));
      await store.saveResource(sampleResource({ physicalId: "srv-9", status: "COMPLETE", attributes: { ip: "10.0.0.9" } }));
      const listed = await store.listResources("stack-1");
      expect(listed.map((r) => r.id)).toEqual(["res-1", "res-2"]);
      expect(listed[0]).toEqual(sampleResource({ physicalId: "srv-9", status: "COMPLETE", attributes: { ip: "10.0.0.9" } }));
      await store.deleteResource("res-1");
      expect((await store.listResources("stack-1")).map((r) => r.id)).toEqual(["res-2"]);
    });

    it("lists the stacks holding a resource of the given types, with the other filters", async () => {
      await store.createStack(sampleStack({ id: "ha" }));
      await store.createStack(sampleStack({ id: "plain", name: "plain" }));
      await store.createStack(sampleStack({ id: "nested-ha", name: "inner", parentId: "plain" }));
      await store.createStack(sampleStack({ id: "gone", name: "gone", deletedAt: "2026-01-02T00:00:00.000Z" }));
      await store.saveResource(sampleResource({ id: "a", stackId: "ha", type: "OS::Aodh::Alarm" }));
      await store.saveResource(sampleResource({ id: "b", stackId: "ha", type: "OS::Heat::FailoverPolicy" }));
      await store.saveResource(sampleResource({ id: "c", stackId: "plain" }));
      await store.saveResource(sampleResource({ id: "d", stackId: "nested-ha", type: "OS::Heat::FailoverPolicy" }));
      await store.saveResource(sampleResource({ id: "e", stackId: "gone", type: "OS::Aodh::Alarm" }));
      const ids = async (filter: Parameters<StackStore["listStacks"]>[0]) => (await store.listStacks(filter)).map((s) => s.id).sort();
      const types = ["OS::Aodh::Alarm", "OS::Heat::FailoverPolicy"];
      expect(await ids({ includeNested: true, resourceTypes: types })).toEqual(["ha", "nested-ha"]);
      expect(await ids({ resourceTypes: types })).toEqual(["ha"]);
      expect(await ids({ includeNested: true, includeDeleted: true, resourceTypes: ["OS::Aodh::Alarm"] })).toEqual(["gone", "ha"]);
      expect(await ids({ includeNested: true, resourceTypes: [] })).toEqual([]);
    });

    it("appends events with increasing sequence numbers and replays after a sequence", async () => {
      const first = await store.appendEvent(sampleEvent("s1", "web"));
      const other = await store.appendEvent(sampleEvent("s2", "web"));
      const second = await store.appendEvent(sampleEvent("s1", "server"));
      const third = await store.appendEvent(sampleEvent("s1", "volume"));
      expect(first.seq).toBeLessThan(other.seq);
      expect(other.seq).toBeLessThan(second.seq);
      expect(new Set([first.id, second.id, third.id, other.id]).size).toBe(4);
      expect(second).toMatchObject(sampleEvent("s1", "server"));
      expect((await store.listEvents("s1")).map((e) => e.resourceName)).toEqual(["web", "server", "volume"]);
      expect((await store.listEvents("s1", first.seq)).map((e) => e.seq)).toEqual([second.seq, third.seq]);
      expect((await store.listEvents("s1", 0, 2)).map((e) => e.seq)).toEqual([first.seq, second.seq]);
    });

    it("purges a stack with its resources, events and lock", async () => {
      await store.createStack(sampleStack());
      await store.createStack(sampleStack({ id: "keep", name: "keep" }));
      await store.saveResource(sampleResource());
      await store.saveResource(sampleResource({ id: "kept", stackId: "keep" }));
      await store.appendEvent(sampleEvent("stack-1", "web"));
      await store.appendEvent(sampleEvent("keep", "keep"));
      await store.acquireLock("stack-1", "e1", 1000);
      await store.purgeStack("stack-1");
      expect(await store.getStack("stack-1")).toBeUndefined();
      expect(await store.listResources("stack-1")).toEqual([]);
      expect(await store.listEvents("stack-1")).toEqual([]);
      expect(await store.getLock("stack-1")).toBeUndefined();
      expect(await store.listResources("keep")).toHaveLength(1);
      expect(await store.listEvents("keep")).toHaveLength(1);
    });

    it("grants a lock to one owner at a time, re-entrantly, and renews only for its holder", async () => {
      expect(await store.acquireLock("s", "e1", 1000)).toBe(true);
      expect(await store.acquireLock("s", "e2", 1000)).toBe(false);
      expect(await store.acquireLock("s", "e1", 1000)).toBe(true);
      expect(await store.getLock("s")).toEqual({ stackId: "s", owner: "e1", expiresAt: time + 1000 });
      time += 500;
      expect(await store.renewLock("s", "e1", 1000)).toBe(true);
      expect((await store.getLock("s"))?.expiresAt).toBe(time + 1000);
      expect(await store.renewLock("s", "e2", 1000)).toBe(false);
      await store.releaseLock("s", "e2");
      expect((await store.getLock("s"))?.owner).toBe("e1");
      await store.releaseLock("s", "e1");
      expect(await store.getLock("s")).toBeUndefined();
      expect(await store.acquireLock("s", "e2", 1000)).toBe(true);
    });

    it("lets another owner take an expired lock, and the old holder then loses it", async () => {
      await store.acquireLock("s", "e1", 1000);
      await store.acquireLock("t", "e1", 5000);
      time += 2000;
      expect((await store.expiredLocks(time)).map((l) => l.stackId)).toEqual(["s"]);
      expect(await store.acquireLock("s", "e2", 1000)).toBe(true);
      expect(await store.renewLock("s", "e1", 1000)).toBe(false);
      expect(await store.expiredLocks(time)).toEqual([]);
      expect(await store.acquireLock("t", "e2", 1000)).toBe(false);
    });
  });
}
