/**
 * Test helper: a migrated SQLite database in a temporary folder, one per call.
 * Used by the store, services and CLI tests so that none of them touches data/.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient, type HearthPrisma } from "../client";
import { MIGRATIONS_DIR, runMigrations } from "../migrate";

/** A temporary database: its URL, an open client, and a cleanup that closes and removes it. */
export interface TempDatabase {
  url: string;
  prisma: HearthPrisma;
  cleanup(): Promise<void>;
}

/** Creates and migrates a fresh SQLite file under the OS temp folder. */
export async function createTempDatabase(prefix = "hearth-test-"): Promise<TempDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const url = `file:${path.join(dir, "hearth.db")}`;
  const prisma = await createPrismaClient(url);
  await runMigrations(prisma, MIGRATIONS_DIR);
  return {
    url,
    prisma,
    async cleanup() {
      await prisma.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
