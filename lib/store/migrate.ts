/**
 * Our own migration runner: applies <migrations>/<name>/migration.sql in name order, each in ONE
 * transaction together with its row in `_prisma_migrations` (the table shape, checksum and
 * timestamps Prisma's `migrate deploy` writes, so `prisma migrate status` agrees). Prisma's JS-engine
 * migrate commands fail on PostgreSQL and are not shipped in a built app, so start-up uses this.
 * PostgreSQL runs DDL transactionally, so a failed migration leaves nothing behind on either
 * database. Two processes starting together never apply a migration twice: each transaction first
 * takes the writer lock (SQLite's BEGIN IMMEDIATE, a PostgreSQL advisory lock) and then checks.
 */
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { StoreError } from "./errors";
import type { SqlDialect, SqlDriver, SqlExecutor } from "./sql/driver";

/** Where each database family's migrations live, relative to the project root (same names in both). */
export const MIGRATIONS_DIRS: Record<SqlDialect, string> = {
  sqlite: path.join("prisma", "migrations"),
  postgres: path.join("prisma", "postgres", "migrations"),
};

/** A migration found on disk. */
export interface MigrationFile {
  name: string;
  sql: string;
}

/** The names of the migrations of `dir` (folders holding a migration.sql), in name (timestamp) order. */
function migrationNames(dir: string): string[] {
  if (!fs.existsSync(dir)) throw new StoreError("MigrationFailed", `migrations folder not found: ${dir}`);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort(); // code-unit order: the names are ASCII timestamps, and localeCompare's collator costs ~7 ms to start
}

/** Reads the scripts of the migrations `names` of `dir`. */
function readMigrations(dir: string, names: string[]): MigrationFile[] {
  return names.map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

/**
 * Splits a migration script into statements (one per driver call). Prisma's generated scripts
 * end every statement with `;` at the end of a line and put no `;` inside literals.
 */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((chunk) => chunk.split("\n").filter((line) => !line.trim().startsWith("--")).join("\n").trim())
    .filter((statement) => statement.length > 0);
}

/** Prisma's `_prisma_migrations` table, as `migrate deploy` creates it on each database. */
const HISTORY_TABLE: Record<SqlDialect, string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL,
    "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`,
  postgres: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
};

/** The advisory lock key migrations serialize on (PostgreSQL). */
const MIGRATION_LOCK = 7_406_212;

/** Takes the migration writer lock inside `tx` (SQLite's BEGIN IMMEDIATE already holds it). */
async function lockMigrations(tx: SqlExecutor, dialect: SqlDialect): Promise<void> {
  if (dialect === "postgres") await tx.query("SELECT pg_advisory_xact_lock(?::bigint)", [MIGRATION_LOCK]);
}

/** Names already recorded as applied. */
async function appliedNames(tx: Pick<SqlExecutor, "query">): Promise<Set<string>> {
  const rows = await tx.query<{ migration_name: string }>('SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL');
  return new Set(rows.map((row) => row.migration_name));
}

/** Records `migration` as applied, as Prisma does (checksum: SHA-256 of the file). */
async function record(tx: SqlExecutor, migration: MigrationFile, startedAt: string): Promise<void> {
  const checksum = createHash("sha256").update(migration.sql).digest("hex");
  await tx.run(
    'INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "started_at", "applied_steps_count") VALUES (?, ?, ?, ?, ?, 1)',
    [randomUUID(), checksum, new Date().toISOString(), migration.name, startedAt],
  );
}

/**
 * Databases made before this runner recorded their migrations in `_hearth_migrations` (SQLite
 * only): carry those names over once, so nothing is applied twice.
 */
async function adoptLegacyHistory(tx: SqlExecutor, dialect: SqlDialect, migrations: MigrationFile[]): Promise<void> {
  if (dialect !== "sqlite") return;
  const legacy = await tx.query<{ name: string }>("SELECT \"name\" FROM sqlite_master WHERE type = 'table' AND name = '_hearth_migrations'");
  if (legacy.length === 0) return;
  const done = await appliedNames(tx);
  const names = new Set((await tx.query<{ name: string }>('SELECT "name" FROM "_hearth_migrations"')).map((row) => row.name));
  for (const migration of migrations) if (names.has(migration.name) && !done.has(migration.name)) await record(tx, migration, new Date().toISOString());
  await tx.run('DROP TABLE "_hearth_migrations"');
}

/**
 * True when every migration named in `names` is recorded as applied: one read, no lock, so a start
 * on an up-to-date database (every start but the first after an upgrade) neither reads the scripts
 * nor takes the writer lock once per migration. False when the history table is missing too.
 */
async function allApplied(driver: SqlDriver, names: string[]): Promise<boolean> {
  try {
    const done = await appliedNames(driver);
    return names.every((name) => done.has(name));
  } catch {
    return false;
  }
}

/** Applies every pending migration of `dir`; returns the names applied by this call. */
export async function runMigrations(driver: SqlDriver, dir: string): Promise<string[]> {
  const names = migrationNames(dir);
  if (await allApplied(driver, names)) return [];
  const migrations = readMigrations(dir, names);
  await driver.transaction(async (tx) => {
    await lockMigrations(tx, driver.dialect);
    await tx.run(HISTORY_TABLE[driver.dialect]);
    await adoptLegacyHistory(tx, driver.dialect, migrations);
  });
  const applied: string[] = [];
  for (const migration of migrations) {
    try {
      const ran = await driver.transaction(async (tx) => {
        const startedAt = new Date().toISOString();
        await lockMigrations(tx, driver.dialect);
        if ((await appliedNames(tx)).has(migration.name)) return false;
        for (const statement of splitStatements(migration.sql)) await tx.run(statement);
        await record(tx, migration, startedAt);
        return true;
      });
      if (ran) applied.push(migration.name);
    } catch (error) {
      throw new StoreError("MigrationFailed", `migration ${migration.name} failed (nothing of it was applied): ${(error as Error).message}`);
    }
  }
  return applied;
}
