/**
 * Opens the database Hearth keeps its state in. The driver adapter is chosen from the URL:
 * `file:` -> SQLite through better-sqlite3 (WAL journal and a busy timeout, so a console server and
 * a CLI can share one file). `postgres://` URLs are recognised but refused for now: the generated
 * client is built from the SQLite schema, and Prisma rejects a PostgreSQL adapter for it; peers on
 * PostgreSQL need a second client generated from a postgresql schema.
 */
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../generated/prisma/client";
import { StoreError } from "./errors";

/** The generated Prisma client type, re-exported so callers need not reach into generated/. */
export type HearthPrisma = InstanceType<typeof PrismaClient>;

/** Default database when DATABASE_URL is unset (same as prisma.config.ts). */
export const DEFAULT_DATABASE_URL = "file:./data/hearth.db";

/** How long a SQLite writer waits for another process's write lock before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/** Which database family a URL points to. */
export function databaseKind(url: string): "sqlite" | "postgres" {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  throw new StoreError("UnsupportedDatabase", `unsupported DATABASE_URL "${url}": use a file:<path> URL (SQLite)`);
}

/**
 * Creates a Prisma client for `url`. For SQLite the file's folder is created if missing and the
 * journal is switched to WAL before the client is returned.
 */
export async function createPrismaClient(url: string): Promise<HearthPrisma> {
  if (databaseKind(url) === "postgres") {
    throw new StoreError("UnsupportedDatabase", "DATABASE_URL points to PostgreSQL, which this build does not support yet: use a file: URL (SQLite)");
  }
  const file = url.slice("file:".length);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS }) });
  // WAL lets readers (the console's event poller) run while another process writes.
  await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  return prisma;
}
