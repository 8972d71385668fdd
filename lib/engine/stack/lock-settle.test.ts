import { describe, expect, it } from "vitest";
import { createTestEngine, flushAsync, gateLockReleases, handCompile, MemoryStackStore } from "../testing";
import { FakeClock } from "../testing/fake-clock";

const P = { projectId: "p1" };
const tpl = (resources: Record<string, unknown>) => JSON.stringify({ resources });

function gatedStore(clock: FakeClock) {
  const store = new MemoryStackStore(() => clock.now());
  return { store, ...gateLockReleases(store) };
}

/** Advances the fake clock in small steps until the stored stack reaches `status`, without awaiting the operation. */
async function untilStored(t: ReturnType<typeof createTestEngine>, stackId: string, status: string): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    const stack = await t.store.getStack(stackId);
    if (stack && `${stack.action}_${stack.status}` === status) return;
    await t.clock.advance(10);
  }
  throw new Error(`stack never reached ${status}`);
}

describe("the stack lock right after a final state is stored", () => {
  it("an update sent when COMPLETE is visible waits for this engine's holder to let go, then runs", async () => {
    const clock = new FakeClock();
    const gated = gatedStore(clock);
    const t = createTestEngine({ compile: handCompile, clock, store: gated.store });
    const created = await t.engine.create("s", { template: tpl({ a: { type: "Test::Generic" } }) }, P);
    await untilStored(t, created.stackId, "CREATE_COMPLETE");
    expect(await t.store.getLock(created.stackId)).toMatchObject({ owner: "engine-test" });
    let started = false;
    const update = t.engine.update(created.stackId, { template: tpl({ a: { type: "Test::Generic" }, b: { type: "Test::Generic" } }) }).then((h) => {
      started = true;
      return h;
    });
    await flushAsync();
    expect(started).toBe(false);
    gated.open();
    const done = await t.finish(await update);
    expect(done).toMatchObject({ action: "UPDATE", status: "COMPLETE" });
  });

  it("another engine waits for a settling holder, but a working or starting holder is busy at once", async () => {
    const clock = new FakeClock();
    const gated = gatedStore(clock);
    const a = createTestEngine({ compile: handCompile, clock, store: gated.store, owner: "engine-a" });
    const b = createTestEngine({ compile: handCompile, clock, store: gated.store, owner: "engine-b", world: a.world });
    const slow = await a.engine.create("slow", { template: tpl({ s: { type: "Test::Slow", properties: { delay_ms: 2_000 } } }) }, P);
    await untilStored(a, slow.stackId, "CREATE_IN_PROGRESS");
    await expect(b.engine.update(slow.stackId, { template: tpl({}) })).rejects.toMatchObject({ code: "Conflict", message: "Stack slow is busy: CREATE IN_PROGRESS by engine-a" });
    await untilStored(a, slow.stackId, "CREATE_COMPLETE");
    const update = b.engine.update(slow.stackId, { template: tpl({}) });
    await clock.advance(100);
    gated.open();
    const done = await clock.run((await clock.run(update)).done);
    expect(done).toMatchObject({ action: "UPDATE", status: "COMPLETE" });
    expect(await a.store.getLock(slow.stackId)).toBeUndefined();
  });

  it("a holder that never lets go (died after storing COMPLETE) is busy once the wait is over", async () => {
    const clock = new FakeClock();
    const gated = gatedStore(clock);
    const a = createTestEngine({ compile: handCompile, clock, store: gated.store, owner: "engine-a" });
    const b = createTestEngine({ compile: handCompile, clock, store: gated.store, owner: "engine-b", world: a.world });
    const h = await a.engine.create("stuck", { template: tpl({ a: { type: "Test::Generic" } }) }, P);
    await untilStored(a, h.stackId, "CREATE_COMPLETE");
    await expect(clock.run(b.engine.update(h.stackId, { template: tpl({}) }))).rejects.toMatchObject({ code: "Conflict", message: "Stack stuck is busy: CREATE IN_PROGRESS by engine-a" });
    expect(clock.now()).toBeGreaterThanOrEqual(5_000);
    gated.open();
  });
});
