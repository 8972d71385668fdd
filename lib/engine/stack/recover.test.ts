import { describe, expect, it } from "vitest";
import { createTestEngine, handCompile } from "../testing";

const P = { projectId: "p1" };
const template = JSON.stringify({
  resources: { fast: { type: "Test::Generic" }, slow: { type: "Test::Slow", properties: { delay_ms: 600_000 } } },
});

describe("locks and recovery", () => {
  it("another engine sees the lock holder; after a crash and lock expiry, recover() fails the stack cleanly", async () => {
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

    const stack = (await second.store.getStack(h.stackId))!;
    expect(stack).toMatchObject({ action: "CREATE", status: "FAILED", statusReason: "Engine went down during stack CREATE" });
    const byName = Object.fromEntries((await second.engine.resources(h.stackId)).map((r) => [r.name, r]));
    expect(byName.fast).toMatchObject({ status: "COMPLETE" });
    expect(byName.slow).toMatchObject({ status: "FAILED", statusReason: "Engine went down during resource CREATE" });
    expect(await second.store.getLock(h.stackId)).toBeUndefined();

    // the surviving engine can clean up what the dead one made
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

  it("keeps the reason a resource recorded before the crash instead of \"Engine went down\"", async () => {
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
    const stack = (await second.store.getStack(h.stackId))!;
    expect(stack).toMatchObject({ status: "FAILED", statusReason: `Resource CREATE failed: ${broken.statusReason}` });
    expect(stack.statusReason).not.toContain("Engine went down");
    const slow = (await second.engine.resources(h.stackId)).find((r) => r.name === "slow")!;
    expect(slow.statusReason).toBe("Engine went down during resource CREATE");
  });
});
