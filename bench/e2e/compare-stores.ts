/**
 * SQLite and PostgreSQL side by side on the same end-to-end paths (issue 12 item 2: PostgreSQL within
 * 2x of SQLite): each round runs the benchmark once per store, each run a fresh process on a fresh
 * database (`bench/engine-create.ts --e2e <paths> --store <kind> --report <file>`), the stores' order
 * alternating between rounds, so a change in the machine's load falls on both. Prints the best of the
 * rounds per store: wall seconds, CPU seconds (Hearth's process, plus PostgreSQL's backends for that
 * store: its work runs in other processes) and PostgreSQL / SQLite for both, with the load average.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startTestPostgres, type TestPostgres } from "../../lib/store/testing/postgres";
import { printTable, type Cell } from "../support";
import type { EndToEndReport, Measurement } from "./run";

/** The stores compared, in the order of the first round. */
const STORES = ["sqlite", "postgres"] as const;
type Store = (typeof STORES)[number];

/** How to compare. */
export interface CompareOptions {
  /** The path names for --e2e (cli, api, console). */
  paths: readonly string[];
  tiny: boolean;
  rounds: number;
  /** Where the runs' reports go. */
  dir: string;
  /** A PostgreSQL database to reuse for every PostgreSQL run (HEARTH_BENCH_POSTGRES_URL); else a fresh one per run. */
  postgresUrl?: string;
}

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Runs one store's benchmark in a child process; resolves to its report. */
function runOnce(store: Store, options: CompareOptions, env: Record<string, string>, report: string): Promise<EndToEndReport> {
  const args = ["--import", "tsx", "bench/engine-create.ts", "--e2e", options.paths.join(","), "--store", store, "--report", report, ...(options.tiny ? ["--tiny"] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve(JSON.parse(fs.readFileSync(report, "utf8")) as EndToEndReport);
      else reject(new Error(`bench: the ${store} run exited ${code}: ${stderr.trim()}`));
    });
  });
}

/** The database environment of one run, and how to drop what it made. */
async function runDatabase(store: Store, options: CompareOptions, postgres: TestPostgres | undefined): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (store === "sqlite") return { env: {}, drop: async () => {} };
  if (options.postgresUrl) return { env: { HEARTH_BENCH_POSTGRES_URL: options.postgresUrl }, drop: async () => {} };
  const database = await postgres!.createDatabase();
  return { env: { HEARTH_BENCH_POSTGRES_URL: database.url }, drop: database.drop };
}

/** The smallest of each figure over the rounds (the least disturbed run on a shared machine). */
function best(runs: EndToEndReport[], key: string, figure: (m: Measurement) => number | undefined): number | undefined {
  const values = runs.map((run) => run[key] && figure(run[key])).filter((v): v is number => v !== undefined);
  return values.length ? Math.min(...values) : undefined;
}

const seconds = (ms: number | undefined): Cell => (ms === undefined ? "-" : (ms / 1000).toFixed(2));
const ratioOf = (pg: number | undefined, sqlite: number | undefined): Cell => (pg === undefined || !sqlite ? "-" : `${(pg / sqlite).toFixed(2)}x`);
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(" ");

/** Runs the rounds and prints the table. */
export async function compareStores(options: CompareOptions): Promise<void> {
  const postgres = options.postgresUrl ? undefined : await startTestPostgres();
  if (!options.postgresUrl && !postgres) {
    console.error("bench: comparing with PostgreSQL needs HEARTH_BENCH_POSTGRES_URL, HEARTH_TEST_POSTGRES_URL or PostgreSQL's binaries (/usr/lib/postgresql)");
    process.exit(2);
  }
  const loadBefore = load();
  const runs: Record<Store, EndToEndReport[]> = { sqlite: [], postgres: [] };
  try {
    for (let round = 0; round < options.rounds; round++) {
      for (const store of round % 2 ? [...STORES].reverse() : STORES) {
        const database = await runDatabase(store, options, postgres);
        try {
          runs[store].push(await runOnce(store, options, database.env, path.join(options.dir, `${store}-${round}.json`)));
        } finally {
          await database.drop();
        }
      }
    }
  } finally {
    await postgres?.stop();
  }
  const cpu = (m: Measurement) => m.cpu && m.cpu.clientMs + (m.cpu.serverMs ?? 0);
  const rows = Object.keys(runs.sqlite[0]).map((key) => {
    const wall = STORES.map((s) => best(runs[s], key, (m) => m.wallMs));
    const used = STORES.map((s) => best(runs[s], key, cpu));
    const server = best(runs.postgres, key, (m) => m.cpu?.serverMs);
    return [key, seconds(wall[0]), seconds(wall[1]), ratioOf(wall[1], wall[0]), seconds(used[0]), seconds(used[1]), seconds(server), ratioOf(used[1], used[0])];
  });
  printTable(
    ["path, scenario (OS::Heat::None)", "SQLite wall s", "PostgreSQL wall s", "PG/SQLite wall", "SQLite CPU s", "PostgreSQL CPU s", "of it PG backends s", "PG/SQLite CPU"],
    rows,
    `SQLite and PostgreSQL end to end, best of ${options.rounds} interleaved round(s), each run a fresh process and database; CPU: Hearth's process (+ PostgreSQL's backends), load average ${loadBefore} -> ${load()}`,
  );
}
