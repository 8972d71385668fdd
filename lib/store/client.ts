/**
 * Opens the database Hearth keeps its state in, as a Prisma client (identity, templates, secrets and
 * the simulated cloud's rows) and as a SQL driver (the stack store's hot path), both chosen from the
 * URL: `file:` -> SQLite through better-sqlite3 (WAL journal, so a console server and CLI runs can
 * share one file); `postgres://` or `postgresql://` -> PostgreSQL through pg, with the client
 * generated from prisma/postgres/schema.prisma (the same models; Prisma refuses a PostgreSQL adapter
 * for a client generated for SQLite). The PostgreSQL modules load only when a PostgreSQL URL is used.
 */
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../generated/prisma/client";
import { StoreError } from "./errors";
import type { SqlDriver } from "./sql/driver";
import { SqliteDriver } from "./sql/sqlite-driver";

/** The generated Prisma client type (both generated clients have this API), so callers need not reach into generated/. */
export type HearthPrisma = InstanceType<typeof PrismaClient>;

/** Default database when DATABASE_URL is unset (same as prisma.config.ts). */
export const DEFAULT_DATABASE_URL = "file:./data/hearth.db";

/** How long a SQLite writer of the Prisma client waits for another connection's write lock before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

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
function sqliteFile(url: string): string {
  const file = url.slice("file:".length);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return file;
}

/** Creates a Prisma client for `url`; for SQLite, the file's folder is created and the journal switched to WAL first. */
export async function createPrismaClient(url: string): Promise<HearthPrisma> {
  if (databaseKind(url) === "postgres") {
    const [{ PrismaClient: PostgresClient }, { PrismaPg }] = await Promise.all([import("../../generated/prisma-postgres/client"), import("@prisma/adapter-pg")]);
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as HearthPrisma;
  }
  sqliteFile(url);
  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS }) });
  // WAL lets readers (the console's event poller) run while another process writes.
  await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  return prisma;
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
