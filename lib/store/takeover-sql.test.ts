/**
 * Peers finishing each other's work on the SQL store (a temporary SQLite file): engine A dies in the
 * middle of a create of a stack with nested stacks, and in the middle of its update; engine B takes
 * each over from what the database records and completes it, with the cloud equal to what the stacks
 * record. (The engine tests run the same at every crash point on the memory store.)
 */
import { afterEach, describe, expect, it } from "vitest";
import { FakeClock } from "../engine/testing";
import { crashAndTakeOver, created, P, template } from "../engine/stack/takeover.fixture";
import { SqlStackStore } from "./sql-stack-store";
import { createTempDatabase, type TempDatabase } from "./testing/temp-database";

let db: TempDatabase | undefined;
afterEach(async () => {
  await db?.cleanup();
  db = undefined;
});

async function sqlStore() {
  db = await createTempDatabase("hearth-takeover-");
  const clock = new FakeClock();
  return { clock, store: new SqlStackStore(db.driver, { now: () => clock.now() }) };
}

describe("a peer takes over on the SQL store", () => {
  it("completes a create a crashed engine left half done (mid-way through its nested stacks)", async () => {
    const run = await crashAndTakeOver({ afterEvents: 14 }, (rig) => rig.a.engine.create("web", { template: template() }, P), undefined, await sqlStore());
    expect(run.tookOver).toBe(true);
    expect(run.final).toMatchObject({ action: "CREATE", status: "COMPLETE" });
    const children = await run.rig.store.listStacks({ includeNested: true, parentId: run.final.id });
    expect(children.map((c) => `${c.parentResource} ${c.action}_${c.status}`).sort()).toEqual(["group CREATE_COMPLETE", "inner CREATE_COMPLETE"]);
  }, 60_000);

  it("completes an update (a replaced server, a grown group) whose engine died right after its second cloud call, its answer lost", async () => {
    const run = await crashAndTakeOver(
      { afterCloudCalls: 2 },
      (rig, id) => rig.a.engine.update(id!, { template: template({ flavor: "m1.small", count: 3 }) }),
      (rig) => created(rig),
      await sqlStore(),
    );
    expect(run.tookOver).toBe(true);
    expect(run.final).toMatchObject({ action: "UPDATE", status: "COMPLETE" });
  }, 60_000);
});
