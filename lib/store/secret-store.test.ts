import { afterAll, describe, expect, it } from "vitest";
import { createSqlDriver } from "./client";
import { SqlSecretStore } from "./secret-store";
import { startTestPostgres } from "./testing/postgres";
import { createTempDatabase } from "./testing/temp-database";

const postgres = await startTestPostgres();
afterAll(() => postgres?.stop());

for (const kind of ["SQLite", "PostgreSQL"] as const) {
  const server = kind === "PostgreSQL" ? postgres : undefined;
  describe.skipIf(kind === "PostgreSQL" && !postgres)(`SqlSecretStore on ${kind}`, () => {
    it("keeps the first of concurrent first writers, and replaces on put", async () => {
      const db = await createTempDatabase("hearth-secrets-", server);
      const other = await createSqlDriver(db.url);
      try {
        const [a, b] = [new SqlSecretStore(db.driver), new SqlSecretStore(other)];
        expect(await a.get("key")).toBeUndefined();
        const agreed = await Promise.all([a.putIfAbsent("key", "from-a"), b.putIfAbsent("key", "from-b")]);
        expect(agreed[0]).toBe(agreed[1]);
        expect(["from-a", "from-b"]).toContain(agreed[0]);
        expect(await b.putIfAbsent("key", "later")).toBe(agreed[0]);
        await b.put("key", "replaced");
        await a.put("new", "value");
        expect([await a.get("key"), await b.get("new")]).toEqual(["replaced", "value"]);
      } finally {
        await other.close();
        await db.cleanup();
      }
    });
  });
}
