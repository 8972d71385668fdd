/**
 * The engine's wait for a settling lock holder over the SQL store's conditional-write lease: two
 * engines (owners) on one SQLite database; the second waits while the first has stored COMPLETE but
 * not released its lease, refuses while the first works, and takes the lease once it is free.
 */
import { describe, expect, it } from "vitest";
import { createTestEngine, FakeClock, gateLockReleases, handCompile } from "../engine/testing";
import { SqlStackStore } from "./sql-stack-store";
import { createTempDatabase } from "./testing/temp-database";

const P = { projectId: "p1" };
const tpl = (resources: Record<string, unknown>) => JSON.stringify({ resources });

describe("a change right after COMPLETE, across engines on the SQL store", () => {
  it("waits for the other engine's settling lease, refuses its working one, then runs", async () => {
    const db = await createTempDatabase();
    try {
      const clock = new FakeClock(Date.now());
      const store = new SqlStackStore(db.driver, { now: () => clock.now() });
      const gate = gateLockReleases(store);
      const a = createTestEngine({ compile: handCompile, clock, store, owner: "engine-a" });
      const b = createTestEngine({ compile: handCompile, clock, store, owner: "engine-b", world: a.world });
      const h = await a.engine.create("s", { template: tpl({ slow: { type: "Test::Slow", properties: { delay_ms: 1_000 } } }) }, P);
      const stored = async () => {
        const s = await store.getStack(h.stackId);
        return `${s?.action}_${s?.status}`;
      };
      while ((await stored()) !== "CREATE_IN_PROGRESS") await clock.advance(10);
      await expect(b.engine.update(h.stackId, { template: tpl({}) })).rejects.toMatchObject({ code: "Conflict" });
      while ((await stored()) !== "CREATE_COMPLETE") await clock.advance(10);
      expect(await store.getLock(h.stackId)).toMatchObject({ owner: "engine-a" });

      const update = b.engine.update(h.stackId, { template: tpl({}) });
      await clock.advance(200);
      gate.open();
      const done = await clock.run((await clock.run(update)).done);
      expect(done).toMatchObject({ action: "UPDATE", status: "COMPLETE" });
      expect(await store.getLock(h.stackId)).toBeUndefined();
    } finally {
      await db.cleanup();
    }
  });
});
