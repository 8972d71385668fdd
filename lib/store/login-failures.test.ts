/**
 * The login throttle's counts in the database (SqlLoginFailures), on SQLite and PostgreSQL: a key
 * takes `limit` failures in the window, then is full; both keys or neither are recorded; old failures
 * leave the window; a right password's failure is taken back. Two connections (two processes' drivers)
 * racing for one key's tries get exactly `limit` of them between them.
 */
import { afterAll, describe, expect, it } from "vitest";
import { createSqlDriver } from "./client";
import { SqlLoginFailures } from "./login-failures";
import { startTestPostgres } from "./testing/postgres";
import { createTempDatabase, type TempDatabase } from "./testing/temp-database";

const postgres = await startTestPostgres();
afterAll(() => postgres?.stop());

/** The stored rows, by key. */
async function rows(db: TempDatabase): Promise<Record<string, number[]>> {
  const found = await db.driver.query<{ key: string; times: string }>(`SELECT "key", "times" FROM "LoginFailures" ORDER BY "key"`);
  return Object.fromEntries(found.map((row) => [row.key, JSON.parse(row.times) as number[]]));
}

for (const kind of ["SQLite", "PostgreSQL"] as const) {
  describe.skipIf(kind === "PostgreSQL" && !postgres)(`SqlLoginFailures on ${kind}`, () => {
    const temp = () => createTempDatabase("hearth-login-", kind === "PostgreSQL" ? postgres : undefined);

    it("records failures up to the limit, all keys or none, and forgets those out of the window", async () => {
      const db = await temp();
      try {
        const store = new SqlLoginFailures(db.driver);
        for (let t = 1; t <= 3; t++) expect(await store.record(["user:a", "address:x"], t * 1000, t * 1000 - 60_000, 3)).toBeUndefined();
        expect(await store.record(["user:b", "address:x"], 4000, 4000 - 60_000, 3)).toEqual({ key: "address:x", times: [1000, 2000, 3000] });
        expect(await store.record(["user:a"], 4000, 4000 - 60_000, 3)).toEqual({ key: "user:a", times: [1000, 2000, 3000] });
        expect(await rows(db)).toEqual({ "address:x": [1000, 2000, 3000], "user:a": [1000, 2000, 3000] });
        // at 61.5 s the first failure (1 s) has left the window
        expect(await store.record(["user:a", "address:x"], 61_500, 1500, 3)).toBeUndefined();
        expect(await rows(db)).toEqual({ "address:x": [2000, 3000, 61_500], "user:a": [2000, 3000, 61_500] });
        await store.takeBack("address:x", 61_500);
        await store.forget("user:a");
        expect(await rows(db)).toEqual({ "address:x": [2000, 3000] });
        expect(await store.record(["address:x"], 200_000, 140_000, 3)).toBeUndefined();
        expect(await rows(db)).toEqual({ "address:x": [200_000] });
      } finally {
        await db.cleanup();
      }
    });

    it("gives two connections racing for one key exactly the limit's tries between them", async () => {
      const db = await temp();
      const other = await createSqlDriver(db.url);
      try {
        const stores = [new SqlLoginFailures(db.driver), new SqlLoginFailures(other)];
        const at = Date.now();
        const results = await Promise.all(Array.from({ length: 24 }, (_, i) => stores[i % 2].record([`user:u`, `address:${i % 3}`], at + i, at - 60_000, 5)));
        expect(results.filter((full) => full === undefined)).toHaveLength(5);
        expect(results.filter((full) => full?.key === "user:u")).toHaveLength(19);
        expect((await rows(db))["user:u"]).toHaveLength(5);
      } finally {
        await other.close();
        await db.cleanup();
      }
    });
  });
}
