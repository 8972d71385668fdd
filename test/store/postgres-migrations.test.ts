/**
 * The PostgreSQL schema and migrations stay in step with the SQLite ones (prisma/postgres/generate.ts
 * makes them from prisma/schema.prisma): the same migration names, the schema file regenerated as
 * is, and, where a PostgreSQL server is available, the migrations applied in order give exactly the
 * tables, columns and indexes that Prisma's script for the current schema gives from empty.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { postgresSchema } from "../../prisma/postgres/schema-text";
import { createSqlDriver } from "../../lib/store/client";
import { MIGRATIONS_DIRS, runMigrations, splitStatements } from "../../lib/store/migrate";
import type { SqlDriver } from "../../lib/store/sql/driver";
import { startTestPostgres } from "../../lib/store/testing/postgres";

const names = (dir: string) => fs.readdirSync(dir).filter((name) => fs.existsSync(path.join(dir, name, "migration.sql"))).sort();
const postgres = await startTestPostgres();
afterAll(() => postgres?.stop());

/** Tables, columns (type, nullability, default) and index definitions of the public schema. */
async function shape(driver: SqlDriver): Promise<unknown> {
  const columns = await driver.query(
    `SELECT table_name, column_name, data_type, is_nullable, regexp_replace(coalesce(column_default, ''), '"[A-Za-z]+_seq"', 'seq') AS column_default
     FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, column_name`,
  );
  const indexes = await driver.query("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY indexname");
  return { columns, indexes };
}

describe("the PostgreSQL migrations", () => {
  it("have the same names as the SQLite ones", () => {
    expect(names(MIGRATIONS_DIRS.postgres)).toEqual(names(MIGRATIONS_DIRS.sqlite));
  });

  it("come with prisma/postgres/schema.prisma generated from prisma/schema.prisma", () => {
    expect(fs.readFileSync("prisma/postgres/schema.prisma", "utf8")).toBe(postgresSchema(fs.readFileSync("prisma/schema.prisma", "utf8")));
  });

  it.skipIf(!postgres)("build exactly the schema Prisma builds from empty", async () => {
    const migrated = await postgres!.createDatabase();
    const fresh = await postgres!.createDatabase();
    const [a, b] = [await createSqlDriver(migrated.url), await createSqlDriver(fresh.url)];
    try {
      await runMigrations(a, MIGRATIONS_DIRS.postgres);
      const script = execFileSync("npx", ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/postgres/schema.prisma", "--script"], {
        encoding: "utf8",
        env: { ...process.env, CHECKPOINT_DISABLE: "1" },
      });
      await b.transaction(async (tx) => {
        for (const statement of splitStatements(script)) await tx.run(statement);
      });
      const built = (await shape(a)) as { columns: unknown[] };
      expect(built.columns.length).toBeGreaterThan(50);
      expect(built).toEqual(await shape(b));
    } finally {
      await a.close();
      await b.close();
      await migrated.drop();
      await fresh.drop();
    }
  });
});
