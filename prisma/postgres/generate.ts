/**
 * Keeps the PostgreSQL side of the schema in step with prisma/schema.prisma (the one source):
 *   npx tsx prisma/postgres/generate.ts
 * writes prisma/postgres/schema.prisma (the same models, provider postgresql, its client in
 * generated/prisma-postgres) and, for every SQLite migration without a PostgreSQL twin, the twin of
 * the same name: `prisma migrate diff` (which works offline for PostgreSQL) from the schema as it
 * was at the previous migration to the schema at this one. "The schema at a migration" is the
 * schema.prisma of the last commit that touched that migration's SQL (the working file for a
 * migration not committed yet). prisma/postgres/sync.test.ts checks the two folders agree.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { postgresSchema } from "./schema-text";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const SQLITE_MIGRATIONS = path.join(ROOT, "prisma", "migrations");
const POSTGRES_MIGRATIONS = path.join(ROOT, "prisma", "postgres", "migrations");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-pg-schema-"));

/** The SQLite schema.prisma as it was when `migration` was last changed (the working file if never committed). */
function schemaAt(migration: string): string {
  const file = path.join("prisma", "migrations", migration, "migration.sql");
  const commit = execFileSync("git", ["log", "-1", "--format=%H", "--", file], { cwd: ROOT, encoding: "utf8" }).trim();
  if (!commit) return fs.readFileSync(path.join(ROOT, "prisma", "schema.prisma"), "utf8");
  return execFileSync("git", ["show", `${commit}:prisma/schema.prisma`], { cwd: ROOT, encoding: "utf8" });
}

/** The PostgreSQL script that takes a database from `from` (undefined: empty) to `to` (SQLite schema texts). */
function diff(from: string | undefined, to: string): string {
  const write = (name: string, text: string) => {
    const file = path.join(scratch, name);
    fs.writeFileSync(file, postgresSchema(text));
    return file;
  };
  const source = from === undefined ? ["--from-empty"] : ["--from-schema-datamodel", write("from.prisma", from)];
  return execFileSync("npx", ["prisma", "migrate", "diff", ...source, "--to-schema-datamodel", write("to.prisma", to), "--script"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1" },
  });
}

fs.writeFileSync(path.join(ROOT, "prisma", "postgres", "schema.prisma"), postgresSchema(fs.readFileSync(path.join(ROOT, "prisma", "schema.prisma"), "utf8")));
fs.writeFileSync(path.join(POSTGRES_MIGRATIONS, "migration_lock.toml"), '# Made by prisma/postgres/generate.ts\nprovider = "postgresql"\n');
const names = fs.readdirSync(SQLITE_MIGRATIONS).filter((name) => fs.existsSync(path.join(SQLITE_MIGRATIONS, name, "migration.sql"))).sort();
let previous: string | undefined;
for (const name of names) {
  const schema = schemaAt(name);
  const target = path.join(POSTGRES_MIGRATIONS, name, "migration.sql");
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, diff(previous, schema));
    console.log(`wrote ${path.relative(ROOT, target)}`);
  }
  previous = schema;
}
fs.rmSync(scratch, { recursive: true, force: true });
