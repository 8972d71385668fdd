/**
 * Opens the database Hearth keeps its state in as a SQL driver (the stack store, secrets, the
 * simulated cloud's rows, login failures), chosen from the URL: `file:` -> SQLite through
 * better-sqlite3 (WAL journal, so a console server and CLI runs can share one file); `postgres://` or
 * `postgresql://` -> PostgreSQL through pg, whose modules load only when a PostgreSQL URL is used. The
 * Prisma client (identity, templates) is prisma-client.ts, which nothing here imports, so a process
 * that never reads those tables never loads Prisma (docs/speed.md).
 */
import fs from "node:fs";
import path from "node:path";
import { StoreError } from "./errors";
import type { SqlDriver } from "./sql/driver";
import { SqliteDriver } from "./sql/sqlite-driver";

/** Default database when DATABASE_URL is unset (same as prisma.config.ts). */
export const DEFAULT_DATABASE_URL = "file:./data/hearth.db";

/** Which database family a URL points to. */
export function databaseKind(url: string): "sqlite" | "postgres" {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  throw new StoreError("UnsupportedDatabase", `unsupported DATABASE_URL "${url}": use file:<path> (SQLite) or postgresql://user:password@host:port/database`);
}

/** The URL without its password, for messages. */
export function redactedUrl(url: string): string {
  return url.replace(/^(\w+:\/\/[^:@/]+):[^@/]*@/, "$1:***@");
}

/** The SQLite file a `file:` URL names, its folder created if missing. */
export function sqliteFile(url: string): string {
  const file = url.slice("file:".length);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return file;
}

/** HEARTH_DB_SYNC=full: every commit is flushed to disk (survives a power loss), at the price measured in docs/store.md. */
function fsyncEachCommit(): boolean {
  return process.env.HEARTH_DB_SYNC === "full";
}

/**
 * Opens the SQL driver for `url` and checks that the database answers; an unreachable server or a
 * refused login is one StoreError line (DatabaseUnreachable) naming the URL without its password.
 */
export async function createSqlDriver(url: string): Promise<SqlDriver> {
  if (databaseKind(url) === "sqlite") return new SqliteDriver(sqliteFile(url), fsyncEachCommit());
  const { PostgresDriver } = await import("./sql/postgres-driver");
  const driver = new PostgresDriver(url, fsyncEachCommit());
  try {
    await driver.query("SELECT 1");
    return driver;
  } catch (error) {
    await driver.close().catch(() => undefined);
    const reason = (error as Error).message || (error as { code?: string }).code || String(error);
    throw new StoreError("DatabaseUnreachable", `cannot use the PostgreSQL database ${redactedUrl(url)}: ${reason.split("\n")[0]}`);
  }
}
