import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SimChanges } from "../cloud/sim/persistence";
import { createSqlDriver } from "./client";
import { SqlSimPersistence } from "./sim-persistence";
import type { SqlDriver } from "./sql/driver";
import { startTestPostgres } from "./testing/postgres";
import { createTempDatabase, type TempDatabase } from "./testing/temp-database";

const postgres = await startTestPostgres();
afterAll(() => postgres?.stop());

const server = { region: "RegionOne", kind: "server" as const, id: "s1", data: { name: "a", portIds: ["p1"], seq: 1 } };
const region = { region: "RegionTwo", kind: "region" as const, id: "RegionTwo", data: { online: true, counter: 3 } };
const none: SimChanges = { upserts: [], deletes: [] };
const writing = (changes: SimChanges) => () => ({ changes, result: undefined });

for (const kind of ["SQLite", "PostgreSQL"] as const) {
  describe.skipIf(kind === "PostgreSQL" && !postgres)(`SqlSimPersistence on ${kind}`, () => {
    let db: TempDatabase;
    let other: SqlDriver;
    beforeEach(async () => {
      db = await createTempDatabase("hearth-test-", kind === "PostgreSQL" ? postgres : undefined);
      other = await createSqlDriver(db.url);
    });
    afterEach(async () => {
      await other.close();
      await db.cleanup();
    });

    it("versions each transaction's rows (an empty one at most counts), keeps deletes as tombstones, and another connection catches up incrementally", async () => {
      const mine = new SqlSimPersistence(db.driver, "a");
      const theirs = new SqlSimPersistence(other, "b");
      expect(await theirs.since(0)).toEqual({ version: 0, rows: [], complete: true });
      expect(await mine.transact(0, writing({ upserts: [server, region], deletes: [] }))).toEqual({ version: 1, result: undefined });
      const empty = await mine.transact(1, writing(none));
      expect([1, 2]).toContain(empty.version);
      const { version } = await mine.transact(empty.version, writing({ upserts: [{ ...server, data: { name: "b", portIds: [], seq: 1 } }], deletes: [{ region: "RegionTwo", kind: "region", id: "RegionTwo" }] }));
      expect(version).toBe(empty.version + 1);
      expect(await theirs.since(0)).toEqual({ version, rows: [{ ...server, data: { name: "b", portIds: [], seq: 1 }, version }], complete: true });
      expect(await theirs.since(1)).toEqual({
        version,
        complete: false,
        rows: expect.arrayContaining([{ ...server, data: { name: "b", portIds: [], seq: 1 }, version }, { region: "RegionTwo", kind: "region", id: "RegionTwo", version }]),
      });
      expect(await theirs.since(version)).toEqual({ version, rows: [], complete: false });
    });

    it("gives a transaction what others wrote after the version it knows, under the lock, and writes nothing when it throws", async () => {
      const mine = new SqlSimPersistence(db.driver, "a");
      const theirs = new SqlSimPersistence(other, "b");
      await theirs.transact(0, writing({ upserts: [region], deletes: [] }));
      const seen = await mine.transact(0, (delta) => ({ changes: { upserts: [server], deletes: [] }, result: delta }));
      expect(seen).toEqual({ version: 2, result: { version: 1, complete: true, rows: [{ ...region, version: 1 }] } });
      await expect(
        theirs.transact(1, () => {
          throw new Error("the call failed");
        }),
      ).rejects.toThrow("the call failed");
      const late = await theirs.transact(1, (delta) => ({ changes: none, result: delta.rows.map((r) => [r.id, r.version]) }));
      expect(late.result).toEqual([["s1", 2]]);
      expect(late.version).toBeGreaterThanOrEqual(2);
    });

    it("serializes transactions of two connections: each sees the other's last write", async () => {
      const a = new SqlSimPersistence(db.driver, "a");
      const b = new SqlSimPersistence(other, "b");
      // Each side claims to know nothing, so every transaction sees the whole state: the row counts every increment.
      const increment = (p: SqlSimPersistence) =>
        p.transact(0, (delta) => {
          const row = delta.rows.find((r) => r.id === "n")?.data as { n: number } | undefined;
          return { changes: { upserts: [{ region: "R", kind: "region", id: "n", data: { n: (row?.n ?? 0) + 1 } }], deletes: [] }, result: undefined };
        });
      const versions = await Promise.all(Array.from({ length: 20 }, async (_, i) => (await increment(i % 2 ? a : b)).version));
      expect((await a.since(0)).rows).toEqual([{ region: "R", kind: "region", id: "n", data: { n: 20 }, version: 20 }]);
      expect(new Set(versions).size).toBe(20);
    });
  });
}
