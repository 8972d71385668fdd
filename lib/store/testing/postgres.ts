/**
 * Test helper: a PostgreSQL server for the store tests. HEARTH_TEST_POSTGRES_URL names one (CI
 * starts a throwaway cluster and exports it); otherwise, where Debian's PostgreSQL is installed, a
 * throwaway cluster is made with initdb and pg_ctl (as user `postgres` when running as root) on
 * port 55432 + the vitest worker number, in a temporary folder that stop() removes. Each test
 * database is created fresh and dropped afterwards. Without either, `startTestPostgres` gives
 * undefined and the PostgreSQL tests skip.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/** A server to make databases on. */
export interface TestPostgres {
  /** A new, empty database: its URL and how to drop it. */
  createDatabase(): Promise<{ url: string; drop(): Promise<void> }>;
  /** Stops the throwaway cluster (nothing for a server given by URL). */
  stop(): Promise<void>;
}

const BIN_ROOT = "/usr/lib/postgresql";

/** The folder holding initdb and pg_ctl, when Debian's PostgreSQL is installed. */
function postgresBin(): string | undefined {
  if (!fs.existsSync(BIN_ROOT)) return undefined;
  const versions = fs.readdirSync(BIN_ROOT).filter((v) => fs.existsSync(path.join(BIN_ROOT, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
  return versions[0] && path.join(BIN_ROOT, versions[0], "bin");
}

/** Runs a PostgreSQL tool as a user it accepts (never root). */
function runAsServerUser(command: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const quoted = [command, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  if (asRoot) execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", quoted], { stdio: "pipe" });
  else execFileSync(command, args, { stdio: "pipe" });
}

/** Starts a throwaway cluster; its superuser `hearth` logs in without a password on 127.0.0.1. */
function startCluster(bin: string): { adminUrl: string; stop(): void } {
  const port = 55432 + Number(process.env.VITEST_POOL_ID ?? 0);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-pg-"));
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres", dir]);
  const data = path.join(dir, "data");
  runAsServerUser(path.join(bin, "initdb"), ["-D", data, "-U", "hearth", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=400`;
  runAsServerUser(path.join(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", path.join(dir, "server.log"), "-w", "start"]);
  return {
    adminUrl: `postgresql://hearth@127.0.0.1:${port}/postgres`,
    stop() {
      runAsServerUser(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The test server, or undefined when there is none to use. */
export async function startTestPostgres(): Promise<TestPostgres | undefined> {
  const given = process.env.HEARTH_TEST_POSTGRES_URL;
  const bin = given ? undefined : postgresBin();
  if (!given && !bin) return undefined;
  const cluster = given ? undefined : startCluster(bin!);
  const adminUrl = given ?? cluster!.adminUrl;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  let count = 0;
  return {
    async createDatabase() {
      const name = `hearth_test_${process.pid}_${++count}_${Math.random().toString(36).slice(2, 8)}`;
      await admin.query(`CREATE DATABASE "${name}"`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return { url: url.toString(), drop: () => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined) };
    },
    async stop() {
      await admin.end();
      cluster?.stop();
    },
  };
}
