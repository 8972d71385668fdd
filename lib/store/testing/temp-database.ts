/**
 * Test helpers: a fresh database, either as a bare URL (for code that opens and migrates its own
 * database, like createHearth), migrated with an open Prisma client and SQL driver (store tests), or
 * migrated and opened as the store's ports (services tests). SQLite files live in a fresh temporary
 * folder; `createTempDatabase(prefix, postgres)` makes a PostgreSQL database on a test server instead.
 * Used by the store, services and CLI tests so that none of them touches data/.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createSqlDriver } from "../client";
import { createPrismaClient, type HearthPrisma } from "../prisma-client";
import { openDatabase, type HearthDatabase } from "../database";
import { MIGRATIONS_DIRS, runMigrations } from "../migrate";
import type { SqlDriver } from "../sql/driver";
import type { TestPostgres } from "./postgres";

/** A database file location and how to remove it. */
export interface TempDatabaseFile {
  url: string;
  remove(): void;
}

/** A temporary, migrated database: its URL, an open client and driver, and a cleanup that closes and removes it. */
export interface TempDatabase {
  url: string;
  prisma: HearthPrisma;
  driver: SqlDriver;
  cleanup(): Promise<void>;
}

/** A not-yet-created SQLite file under the OS temp folder. */
export function tempDatabaseFile(prefix = "hearth-test-"): TempDatabaseFile {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { url: `file:${path.join(dir, "hearth.db")}`, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Creates and migrates a fresh database (SQLite, or on `postgres` when given), with a client and a driver open on it. */
export async function createTempDatabase(prefix = "hearth-test-", postgres?: TestPostgres): Promise<TempDatabase> {
  const place = postgres ? await postgres.createDatabase() : tempDatabaseFile(prefix);
  const driver = await createSqlDriver(place.url);
  await runMigrations(driver, MIGRATIONS_DIRS[driver.dialect]);
  const prisma = await createPrismaClient(place.url);
  return {
    url: place.url,
    prisma,
    driver,
    async cleanup() {
      await driver.close();
      await prisma.$disconnect();
      await ("drop" in place ? place.drop() : place.remove());
    },
  };
}

/** A temporary database opened as the store's ports: its URL, the ports, and a cleanup that closes and removes it. */
export interface TempPorts {
  url: string;
  database: HearthDatabase;
  cleanup(): Promise<void>;
}

/** Creates and migrates a fresh SQLite file (migrations of the working folder), opened as the store's ports. */
export async function openTempDatabase(prefix = "hearth-test-"): Promise<TempPorts> {
  const file = tempDatabaseFile(prefix);
  const database = await openDatabase(file.url, { migrateFrom: process.cwd() });
  return {
    url: file.url,
    database,
    async cleanup() {
      await database.close();
      file.remove();
    },
  };
}
