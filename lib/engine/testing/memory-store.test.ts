import { describe, expect, it } from "vitest";
import type { StackRecord } from "../ports";
import { MemoryStackStore } from "./memory-store";

const stack = (over: Partial<StackRecord>): StackRecord => ({
  id: "s1", name: "web", projectId: "p", parentId: null, parentResource: null, region: "RegionOne",
  action: "CREATE", status: "COMPLETE", statusReason: "", template: "", templateName: null, environments: [],
  files: {}, parameters: {}, previous: null, disableRollback: true, timeoutMins: null, tags: [],
  generation: 1, createdAt: "2026-01-01T00:00:00.000Z", updatedAt: null, deletedAt: null, ...over,
});

describe("MemoryStackStore", () => {
  it("lists like `openstack stack list`: no nested or deleted stacks unless asked, status in either form", async () => {
    const store = new MemoryStackStore();
    await store.createStack(stack({}));
    await store.createStack(stack({ id: "kid", name: "web-box-x", parentId: "s1", parentResource: "box" }));
    await store.createStack(stack({ id: "old", name: "gone", action: "DELETE", deletedAt: "2026-01-02T00:00:00.000Z" }));
    const ids = async (f: Parameters<MemoryStackStore["listStacks"]>[0]) => (await store.listStacks(f)).map((s) => s.id);
    expect(await ids({})).toEqual(["s1"]);
    expect(await ids({ includeNested: true })).toEqual(["s1", "kid"]);
    expect(await ids({ parentId: "s1" })).toEqual(["kid"]);
    expect(await ids({ includeDeleted: true })).toEqual(["s1", "old"]);
    expect(await ids({ status: "CREATE_COMPLETE" })).toEqual(["s1"]);
    expect(await ids({ status: "COMPLETE" })).toEqual(["s1"]);
    expect(await store.findStackByName("p", "gone")).toBeUndefined();
  });

  it("hands out copies, so callers cannot change stored records behind its back", async () => {
    const store = new MemoryStackStore();
    const record = stack({ parameters: { a: 1 } });
    await store.createStack(record);
    record.parameters.a = 2;
    const read = (await store.getStack("s1"))!;
    read.parameters.a = 3;
    expect((await store.getStack("s1"))!.parameters).toEqual({ a: 1 });
  });

  it("numbers events in one sequence across stacks and pages them", async () => {
    const store = new MemoryStackStore();
    const ev = (stackId: string) => ({ stackId, stackName: stackId, resourceName: "r", physicalResourceId: null, resourceType: "T", isStackEvent: false, action: "CREATE" as const, status: "COMPLETE" as const, reason: "", time: "" });
    await store.appendEvent(ev("a"));
    await store.appendEvent(ev("b"));
    await store.appendEvent(ev("a"));
    expect((await store.listEvents("a")).map((e) => e.seq)).toEqual([1, 3]);
    expect((await store.listEvents("a", 1)).map((e) => e.seq)).toEqual([3]);
    expect((await store.listEvents("a", 0, 1)).map((e) => e.seq)).toEqual([1]);
  });

  it("leases locks: busy for others until expiry, renewable only by the holder", async () => {
    let now = 1000;
    const store = new MemoryStackStore(() => now);
    expect(await store.acquireLock("s", "a", 100)).toBe(true);
    expect(await store.acquireLock("s", "b", 100)).toBe(false);
    expect(await store.renewLock("s", "b", 100)).toBe(false);
    now = 1100;
    expect(await store.expiredLocks(now)).toEqual([{ stackId: "s", owner: "a", expiresAt: 1100 }]);
    expect(await store.acquireLock("s", "b", 100)).toBe(true);
    expect(await store.renewLock("s", "a", 100)).toBe(false);
    await store.releaseLock("s", "a");
    expect((await store.getLock("s"))!.owner).toBe("b");
  });
});
