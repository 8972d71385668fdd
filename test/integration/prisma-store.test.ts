import { describe, expect, it } from "vitest";
import { SqlStackStore } from "../../lib/store/sql-stack-store";
import { createTempDatabase } from "../../lib/store/testing/temp-database";
import { FakeClock } from "../../lib/engine/testing";
import { PROJECT, rig } from "./helpers";

describe("the engine on the SQL store (SQLite)", () => {
  it("creates, updates, has a crashed update finished by another engine and deletes with everything persisted in the database", async () => {
    const db = await createTempDatabase();
    try {
      const clock = new FakeClock();
      const store = new SqlStackStore(db.driver, { now: () => clock.now() });
      const template = (value: string) => `
heat_template_version: 2018-08-31
resources:
  a: { type: OS::Heat::TestResource, properties: { value: ${value} } }
  b: { type: OS::Heat::TestResource, properties: { value: { get_attr: [a, output] } } }
outputs:
  b: { value: { get_attr: [b, output] } }
`;
      const first = rig({ clock, store, owner: "engine-1", lockTtlMs: 30_000 });
      const created = await first.finish(await first.engine.create("db", { template: template("one") }, PROJECT));
      expect(await first.engine.outputs(created.id)).toEqual([{ key: "b", value: "one" }]);
      const updated = await first.finish(await first.engine.update(created.id, { template: template("two") }));
      expect(await first.engine.outputs(updated.id)).toEqual([{ key: "b", value: "two" }]);

      const slow = await first.engine.update(created.id, { template: template("three").replace("value: three }", "value: three, wait_secs: 600 }") });
      await clock.advance(1_000);
      first.engine.simulateCrash();
      await clock.advance(31_000);
      const second = rig({ clock, store, sim: first.sim, owner: "engine-2" });
      expect(await second.engine.recover()).toEqual([slow.stackId]);
      // the second engine finishes the update the first one left half done, from what the database records
      let resumed = (await store.getStack(slow.stackId))!;
      for (let i = 0; i < 1_000 && resumed.status === "IN_PROGRESS"; i++) {
        await clock.advance(1_000);
        resumed = (await store.getStack(slow.stackId))!;
      }
      expect(resumed).toMatchObject({ action: "UPDATE", status: "COMPLETE", statusReason: "Stack UPDATE completed successfully" });
      expect(await second.engine.outputs(slow.stackId)).toEqual([{ key: "b", value: "three" }]);
      const reasons = (await store.listEvents(slow.stackId)).filter((e) => e.isStackEvent).map((e) => e.reason);
      expect(reasons).toContain("Engine engine-1 went down; engine-2 resumed stack UPDATE");

      const deleted = await second.finish(await second.engine.delete(created.id));
      expect(deleted.status).toBe("COMPLETE");
      expect(await store.listStacks({})).toEqual([]);
      const events = await store.listEvents(created.id);
      expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((x, y) => x - y));
      expect(events.at(-1)).toMatchObject({ isStackEvent: true, action: "DELETE", status: "COMPLETE" });
    } finally {
      await db.cleanup();
    }
  });
});
