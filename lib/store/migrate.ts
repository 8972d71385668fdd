/**
 * Our own migration runner: applies prisma/migrations/<name>/migration.sql in name order and records
 * each in `_hearth_migrations`. Prisma's `migrate deploy` needs its schema engine (which fails with
 * the JS engine on PostgreSQL and is not shipped in a built app), so start-up uses this instead.
 * Each migration runs in one transaction that first claims its row, so two processes starting
 * together never apply the same migration twice.
 */
import fs from "node:fs";
import path from "node:path";
import type { HearthPrisma } from "./client";
import { StoreError } from "./errors";

/** Where the migrations live, relative to the project root. */
export const MIGRATIONS_DIR = path.join("prisma", "migrations");

/** A migration found on disk. */
export interface MigrationFile {
  name: string;
  sql: string;
}

/** Reads the migrations of `dir` in name (timestamp) order. */
export function readMigrations(dir: string): MigrationFile[] {
  if (!fs.existsSync(dir)) throw new StoreError("MigrationFailed", `migrations folder not found: ${dir}`);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => ({ name: entry.name, sql: fs.readFileSync(path.join(dir, entry.name, "migration.sql"), "utf8") }))
    .sort((a, b) => a.name.localeCompare(b.name));
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

/** Applies every pending migration of `dir`; returns the names applied by this call. */
export async function runMigrations(prisma: HearthPrisma, dir: string): Promise<string[]> {
  await prisma.$executeRawUnsafe(
    'CREATE TABLE IF NOT EXISTS "_hearth_migrations" ("name" TEXT NOT NULL PRIMARY KEY, "appliedAt" TEXT NOT NULL)',
  );
  const rows = await prisma.$queryRawUnsafe<{ name: string }[]>('SELECT "name" FROM "_hearth_migrations"');
  const done = new Set(rows.map((row) => row.name));
  const applied: string[] = [];
  for (const migration of readMigrations(dir)) {
    if (done.has(migration.name)) continue;
    const claimed = await applyOne(prisma, migration);
    if (claimed) applied.push(migration.name);
  }
  return applied;
}

/** Runs one migration in a transaction; false when another process recorded it first. */
async function applyOne(prisma: HearthPrisma, migration: MigrationFile): Promise<boolean> {
  try {
    await prisma.$transaction(
      async (tx) => {
        // Claiming the row first takes the write lock and fails fast if someone else applied it.
        await tx.$executeRaw`INSERT INTO "_hearth_migrations" ("name", "appliedAt") VALUES (${migration.name}, ${new Date().toISOString()})`;
        for (const statement of splitStatements(migration.sql)) await tx.$executeRawUnsafe(statement);
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    return true;
  } catch (error) {
    const rows = await prisma.$queryRaw<{ name: string }[]>`SELECT "name" FROM "_hearth_migrations" WHERE "name" = ${migration.name}`;
    if (rows.length > 0) return false;
    throw new StoreError("MigrationFailed", `migration ${migration.name} failed: ${(error as Error).message}`);
  }
}
