/**
 * The e2e web server: empties the e2e database, then runs the console as `npm start` does, with
 * the admin password the global setup logs in with (HEARTH_BOOTSTRAP_PASSWORD, required).
 * Playwright starts web servers before its globalSetup, so the reset has to happen here, and only
 * when Playwright starts its own server (a reused one keeps its data).
 */
import { rm } from "node:fs/promises";
import path from "node:path";

const dataDir = path.resolve(import.meta.dirname, "..", "data");
// SQLite keeps a journal / WAL beside the database file.
const dbFile = path.basename(process.env.DATABASE_URL?.replace(/^file:/, "") || "e2e.db");
for (const suffix of ["", "-journal", "-wal", "-shm"]) {
  await rm(path.join(dataDir, dbFile + suffix), { force: true });
}
// The global setup logs in as the identity admin: the fresh database must know its password.
if (!process.env.HEARTH_BOOTSTRAP_PASSWORD) {
  throw new Error("e2e/serve.mjs: set HEARTH_BOOTSTRAP_PASSWORD (playwright.config.ts passes the one in e2e/support/admin.ts)");
}
await import("../scripts/start.mjs");
