import { rm } from "node:fs/promises";
import path from "node:path";

/** Files of the e2e database (SQLite keeps a journal / WAL beside it). */
const DB_FILES = ["e2e.db", "e2e.db-journal", "e2e.db-wal", "e2e.db-shm"];

/** Deletes the e2e database before the server starts, so each run begins with no stacks. */
export default async function globalSetup(): Promise<void> {
  const dir = path.resolve(import.meta.dirname, "..", "data");
  await Promise.all(DB_FILES.map((file) => rm(path.join(dir, file), { force: true })));
}
