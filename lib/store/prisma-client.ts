/**
 * The Prisma client on Hearth's database, for the tables its hot paths do not touch (identity,
 * saved templates): loaded only when one of those is first used (database.ts imports this module
 * dynamically), since loading the client and its query compiler was most of a short CLI command's
 * start-up (docs/speed.md). The same URL forms as client.ts; for PostgreSQL the client generated
 * from prisma/postgres/schema.prisma (Prisma refuses a PostgreSQL adapter for a client generated for
 * SQLite), whose modules load only when a PostgreSQL URL is used.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../generated/prisma/client";
import { databaseKind, sqliteFile } from "./client";

/** The generated Prisma client type (both generated clients have this API), so callers need not reach into generated/. */
export type HearthPrisma = InstanceType<typeof PrismaClient>;

/** How long a SQLite writer of the Prisma client waits for another connection's write lock before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

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
