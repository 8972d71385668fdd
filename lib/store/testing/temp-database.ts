/**
 * Test helpers: a SQLite file in a fresh temporary folder, either as a bare URL (for code that opens
 * and migrates its own database, like createHearth), migrated with an open client (store tests), or
 * migrated and opened as the store's ports (services tests).
 * Used by the store, services and CLI tests so that none of them touches data/.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient, type HearthPrisma } from "../client";
import { openDatabase, type HearthDatabase } from "../database";
import { MIGRATIONS_DIR, runMigrations } from "../migrate";

/** A database file location and how to remove it. */
export interface TempDatabaseFile {
  url: string;
  remove(): void;
}

/** A temporary database: its URL, an open client, and a cleanup that closes and removes it. */
export interface TempDatabase {
  url: string;
  prisma: HearthPrisma;
  cleanup(): Promise<void>;
}

/** A not-yet-created SQLite file under the OS temp folder. */
export function tempDatabaseFile(prefix = "hearth-test-"): TempDatabaseFile {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { url: `file:${path.join(dir, "hearth.db")}`, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Creates and migrates a fresh SQLite file, with a client open on it. */
export async function createTempDatabase(prefix = "hearth-test-"): Promise<TempDatabase> {
  const file = tempDatabaseFile(prefix);
  const prisma = await createPrismaClient(file.url);
  await runMigrations(prisma, MIGRATIONS_DIR);
  return {
    url: file.url,
    prisma,
    async cleanup() {
      await prisma.$disconnect();
      file.remove();
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
