/**
 * PostgreSQL's one-statement batches (BulkWriter.writeAlone): a batch of changes (stack patches,
 * resources, events) is ONE statement, its own transaction, and so is a lock call alone; a batch whose
 * patched stack is gone writes nothing in that statement and is applied again in a transaction that
 * refuses that change alone; and event sequence numbers still become visible in order when two
 * engines' connections append at once (a reader resuming from the last number it saw misses none).
 */
import { afterAll, describe, expect, it } from "vitest";
import type { ResourceRecord } from "../../engine/ports";
import { sampleResource, sampleStack } from "../stack-store.contract";
import { createSqlDriver } from "../client";
import { SqlStackStore } from "../sql-stack-store";
import { startTestPostgres } from "../testing/postgres";
import { createTempDatabase } from "../testing/temp-database";
import type { SqlDriver } from "./driver";

const postgres = await startTestPostgres();
afterAll(() => postgres?.stop());

const event = (stackId: string, reason = "") => ({
  stackId, stackName: "s", resourceName: "r", physicalResourceId: null, resourceType: "OS::Heat::None",
  isStackEvent: false, action: "CREATE" as const, status: "COMPLETE" as const, reason, time: "t",
});

const resource = (id: string, status: ResourceRecord["status"]): ResourceRecord => sampleResource({ id, stackId: "s", name: id, status, properties: { n: 1 } });

/** `driver` with a count of its one-statement writes and its transactions. */
function counted(driver: SqlDriver) {
  const counts = { write: 0, transaction: 0 };
  const wrapped: SqlDriver = {
    dialect: driver.dialect,
    query: (sql, params) => driver.query(sql, params),
    write: (sql, params) => (counts.write++, driver.write(sql, params)),
    urgent: (sql, params) => driver.urgent(sql, params),
    transaction: (body) => (counts.transaction++, driver.transaction(body)),
    close: () => driver.close(),
  };
  return { driver: wrapped, counts };
}

describe.skipIf(!postgres)("SqlStackStore on PostgreSQL, lease renewals", () => {
  it("renews a lease while the group commit's write is held up (a renewal never waits behind bulk writes)", async () => {
    const db = await createTempDatabase("hearth-test-", postgres);
    let open: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (open = resolve));
    let holding = false;
    const gated: SqlDriver = {
      dialect: db.driver.dialect,
      query: (sql, params) => db.driver.query(sql, params),
      write: async (sql, params) => (holding && (await held), db.driver.write(sql, params)),
      transaction: async (body) => (holding && (await held), db.driver.transaction(body)),
      urgent: (sql, params) => db.driver.urgent(sql, params),
      close: () => db.driver.close(),
    };
    try {
      const store = new SqlStackStore(gated);
      await store.createStack(sampleStack({ id: "s" }));
      expect(await store.acquireLock("s", "me", 1_000)).toBe(true);
      holding = true;
      const stuck = store.commit({ resources: [resource("r1", "COMPLETE")], events: [event("s", "a")] });
      expect(await store.renewLock("s", "me", 60_000)).toBe(true);
      expect(await store.renewLock("s", "someone-else", 60_000)).toBe(false);
      // read straight from the database: the store's own reads wait for the held batch
      const [lock] = await db.driver.query<{ expiresAt: number | string }>('SELECT "expiresAt" FROM "StackLock" WHERE "stackId" = ?', ["s"]);
      expect(Number(lock.expiresAt)).toBeGreaterThan(Date.now() + 30_000);
      open();
      await stuck;
    } finally {
      open();
      await db.cleanup();
    }
  });
});

describe.skipIf(!postgres)("SqlStackStore on PostgreSQL, one statement per batch", () => {
  it("writes a batch of changes as one statement, and one whose patched stack is gone again in a transaction refusing that change alone", async () => {
    const db = await createTempDatabase("hearth-test-", postgres);
    const { driver, counts } = counted(db.driver);
    try {
      const store = new SqlStackStore(driver);
      await store.createStack(sampleStack({ id: "s" }));
      expect(await store.acquireLock("s", "me", 10_000)).toBe(true);
      expect(counts).toEqual({ write: 2, transaction: 0 });
      // one event-loop turn: one batch; r1 saved twice then deleted, r2 saved IN_PROGRESS then COMPLETE, the stack patched twice
      const stored = await Promise.all([
        store.commit({ stack: { id: "s", patch: { status: "IN_PROGRESS", statusReason: "first" } }, resources: [resource("r1", "IN_PROGRESS"), resource("r2", "IN_PROGRESS")], events: [event("s", "a")] }),
        store.commit({ resources: [resource("r1", "COMPLETE")], events: [event("s", "b"), event("s", "c")] }),
        store.commit({ stack: { id: "s", patch: { status: "COMPLETE" } }, deletedResources: ["r1"], resources: [resource("r2", "COMPLETE")], events: [event("s", "d")] }),
      ]);
      expect(counts).toEqual({ write: 3, transaction: 0 });
      const seqs = stored.flat().map((e) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect((await store.listEvents("s")).map((e) => [e.seq, e.reason])).toEqual(stored.flat().map((e) => [e.seq, e.reason]));
      expect((await store.listResources("s")).map((r) => [r.id, r.status, r.properties])).toEqual([["r2", "COMPLETE", { n: 1 }]]);
      expect(await store.getStack("s")).toMatchObject({ status: "COMPLETE", statusReason: "first" });

      const results = await Promise.allSettled([
        store.commit({ resources: [resource("r3", "COMPLETE")], events: [event("s", "e")] }),
        store.commit({ stack: { id: "gone", patch: { status: "FAILED" } }, resources: [resource("r4", "COMPLETE")], events: [event("gone")] }),
      ]);
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected"]);
      expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/stack gone/);
      expect(counts).toEqual({ write: 4, transaction: 1 });
      expect(await store.listEvents("gone")).toEqual([]);
      expect((await store.listResources("s")).map((r) => r.id)).toEqual(["r2", "r3"]);
    } finally {
      await db.cleanup();
    }
  });

  it("shows a reader resuming from the last sequence number it saw every event of two racing connections", async () => {
    const db = await createTempDatabase("hearth-test-", postgres);
    const other = await createSqlDriver(db.url);
    const writers = [new SqlStackStore(db.driver), new SqlStackStore(other)];
    const readerDriver = await createSqlDriver(db.url);
    const reader = new SqlStackStore(readerDriver);
    try {
      const seen = new Set<string>();
      let cursor = 0;
      const read = async () => {
        for (const e of await reader.eventsAfter(cursor, 10_000)) {
          seen.add(e.id);
          cursor = Math.max(cursor, e.seq);
        }
      };
      let writing = true;
      const written = Promise.all(
        writers.map(async (store, w) => {
          const ids: string[] = [];
          // batches of 200 events: the longer a statement draws numbers before it commits, the likelier an overtaking
          for (let round = 0; round < 30; round++) {
            const batch = await Promise.all(
              Array.from({ length: 4 }, (_, i) => store.commit({ resources: [resource(`w${w}-${round}-${i}`, "COMPLETE")], events: Array.from({ length: 50 }, () => event(`w${w}`)) })),
            );
            ids.push(...batch.flat().map((e) => e.id));
          }
          return ids;
        }),
      ).finally(() => (writing = false));
      for (let reads = 0; writing && reads < 100_000; reads++) await read();
      const all = (await written).flat();
      await read();
      expect(all).toHaveLength(12_000);
      expect(all.filter((id) => !seen.has(id))).toEqual([]);
    } finally {
      await Promise.all([other.close(), readerDriver.close()]);
      await db.cleanup();
    }
  }, 60_000);
});
