import { describe, expect, it } from "vitest";
import { createTestEngine, handCompile } from "../testing";

const P = { projectId: "p1" };
const template = JSON.stringify({
  resources: { fast: { type: "Test::Generic" }, slow: { type: "Test::Slow", properties: { delay_ms: 600_000 } } },
});

/** Runs the fake clock until the stack is no longer IN_PROGRESS (bounded). */
async function settled(t: ReturnType<typeof createTestEngine>, stackId: string) {
  for (let i = 0; i < 10_000; i++) {
    const stack = (await t.store.getStack(stackId))!;
    if (stack.status !== "IN_PROGRESS" && !(await t.store.getLock(stackId))) return stack;
    await t.clock.advance(1_000);
  }
  throw new Error("the stack did not settle");
}

describe("locks and recovery", () => {
  it("another engine sees the lock holder; after a crash and lock expiry, recover() takes the stack over and completes it", async () => {
    const first = createTestEngine({ compile: handCompile, owner: "engine-a", lockTtlMs: 30_000 });
    const h = await first.engine.create("crashy", { template }, P);
    await first.clock.advance(5_000);
    const second = createTestEngine({ compile: handCompile, owner: "engine-b", clock: first.clock, store: first.store, world: first.world });
    await expect(second.engine.delete(h.stackId)).rejects.toMatchObject({ message: "Stack crashy is busy: CREATE IN_PROGRESS by engine-a" });
    expect(await second.engine.recover()).toEqual([]);

    first.engine.simulateCrash();
    await first.clock.advance(20_000);
    expect(await second.engine.recover()).toEqual([]); // the lease has not expired yet
    await first.clock.advance(10_000);
    expect(await second.engine.recover()).toEqual([h.stackId]);
    expect(await second.store.getLock(h.stackId)).toMatchObject({ owner: "engine-b" });
    expect(await second.engine.recover()).toEqual([]); // taken once

    const stack = await settled(second, h.stackId);
    expect(stack).toMatchObject({ action: "CREATE", status: "COMPLETE", statusReason: "Stack CREATE completed successfully" });
    const events = (await second.store.listEvents(h.stackId)).filter((e) => e.isStackEvent).map((e) => `${e.action}_${e.status}: ${e.reason}`);
    expect(events).toEqual([
      "CREATE_IN_PROGRESS: Stack CREATE started",
      "CREATE_IN_PROGRESS: Engine engine-a went down; engine-b resumed stack CREATE",
      "CREATE_COMPLETE: Stack CREATE completed successfully",
    ]);
    const byName = Object.fromEntries((await second.engine.resources(h.stackId)).map((r) => [r.name, r]));
    expect(byName.fast).toMatchObject({ status: "COMPLETE" });
    expect(byName.slow).toMatchObject({ action: "CREATE", status: "COMPLETE" });
    // the slow resource's create ran again on the same physical resource: one of each exists
    expect([...first.world.live.values()].map((r) => r.name).sort()).toEqual(["fast", "slow"]);

    const deleted = await second.finish(await second.engine.delete(h.stackId));
    expect(deleted.status).toBe("COMPLETE");
    expect(first.world.live.size).toBe(0);
  });

  it("renews the lock while an operation runs longer than the lease", async () => {
    const t = createTestEngine({ compile: handCompile, lockTtlMs: 3_000 });
    const h = await t.engine.create("long", { template }, P);
    await t.clock.advance(100_000);
    const lock = await t.store.getLock(h.stackId);
    expect(lock!.expiresAt).toBeGreaterThan(t.clock.now());
    expect(await t.engine.recover()).toEqual([]);
    await t.engine.cancel(h.stackId, { rollback: false });
    expect((await t.finish(h)).statusReason).toBe("Stack CREATE cancelled");
  });

  it("a resumed create keeps the failure a resource recorded before the crash", async () => {
    const first = createTestEngine({ compile: handCompile, owner: "engine-a", lockTtlMs: 30_000 });
    const mixed = JSON.stringify({ resources: { broken: { type: "Test::Failing" }, slow: { type: "Test::Slow", properties: { delay_ms: 600_000 } } } });
    const h = await first.engine.create("half", { template: mixed }, { ...P, enableRollback: false });
    await first.clock.advance(5_000);
    const broken = (await first.engine.resources(h.stackId)).find((r) => r.name === "broken")!;
    expect(broken.status).toBe("FAILED");
    first.engine.simulateCrash();
    await first.clock.advance(31_000);
    const second = createTestEngine({ compile: handCompile, owner: "engine-b", clock: first.clock, store: first.store, world: first.world });
    expect(await second.engine.recover()).toEqual([h.stackId]);
    const stack = await settled(second, h.stackId);
    expect(stack).toMatchObject({ action: "CREATE", status: "FAILED", statusReason: `Resource CREATE failed: ${broken.statusReason}` });
    const byName = Object.fromEntries((await second.engine.resources(h.stackId)).map((r) => [r.name, r]));
    expect(byName.slow).toMatchObject({ action: "CREATE", status: "COMPLETE" });
    expect(byName.broken).toMatchObject({ status: "FAILED", statusReason: broken.statusReason });
  });

  it("fails a stack whose recorded definition no longer compiles, and a later update converges it", async () => {
    const first = createTestEngine({ compile: handCompile, owner: "engine-a", lockTtlMs: 30_000 });
    const h = await first.engine.create("gone", { template }, P);
    await first.clock.advance(5_000);
    first.engine.simulateCrash();
    await first.store.updateStack(h.stackId, { template: "{ not: [a template" });
    await first.clock.advance(31_000);
    const second = createTestEngine({ compile: handCompile, owner: "engine-b", clock: first.clock, store: first.store, world: first.world });
    expect(await second.engine.recover()).toEqual([h.stackId]);
    const stack = await settled(second, h.stackId);
    expect(stack.status).toBe("FAILED");
    expect(stack.statusReason).toMatch(/^Engine went down during stack CREATE; it cannot be resumed: its template no longer compiles: /);
    const slow = (await second.engine.resources(h.stackId)).find((r) => r.name === "slow")!;
    expect(slow).toMatchObject({ status: "FAILED", statusReason: "Engine went down during resource CREATE" });

    const updated = await second.finish(await second.engine.update(h.stackId, { template }));
    expect(updated).toMatchObject({ action: "UPDATE", status: "COMPLETE" });
    expect((await second.engine.resources(h.stackId)).map((r) => `${r.name} ${r.status}`).sort()).toEqual(["fast COMPLETE", "slow COMPLETE"]);
    // the failed copy was replaced and deleted: one of each is left
    expect([...first.world.live.values()].map((r) => r.name).sort()).toEqual(["fast", "slow"]);
  });

  it("creates a stack whose engine died between storing it and starting the create, once it is older than a lease", async () => {
    const t = createTestEngine({ compile: handCompile, owner: "engine-b", lockTtlMs: 30_000 });
    const now = new Date(t.clock.now()).toISOString();
    const stored = {
      id: "s-init", name: "orphan", projectId: "p1", parentId: null, parentResource: null, region: "RegionOne", action: "INIT" as const, status: "COMPLETE" as const,
      statusReason: "", template, templateName: null, environments: [], files: {}, parameters: {}, previous: null, disableRollback: true, timeoutMins: null, tags: [],
      generation: 1, createdAt: now, updatedAt: null, deletedAt: null,
    };
    await t.store.createStack(stored);
    await t.store.acquireLock(stored.id, "engine-a", 30_000); // the dead engine had just taken its lease
    await t.clock.advance(10_000);
    expect(await t.engine.recover()).toEqual([]); // a live engine may still be starting it
    await t.clock.advance(21_000);
    expect(await t.engine.recover()).toEqual([stored.id]);
    const stack = await settled(t, stored.id);
    expect(stack).toMatchObject({ action: "CREATE", status: "COMPLETE" });
    const reasons = (await t.store.listEvents(stored.id)).filter((e) => e.isStackEvent).map((e) => e.reason);
    expect(reasons[0]).toBe("Engine engine-a went down; engine-b resumed stack CREATE");
    expect([...t.world.live.values()].map((r) => r.name).sort()).toEqual(["fast", "slow"]);
  });
});
