/**
 * The end-to-end benchmark: every shape created then deleted through each chosen path (CLI, REST
 * API, console), printed beside Heat 19's figures with Heat's time / ours; then the peak RSS of one
 * `hearth stack create` process per size, which must stay under 400 MB at 5000 and grow linearly.
 * The CLI gets its own database (its processes would otherwise share the in-process server's); the
 * API and the console share the server Hearth of this process, as the console server serves both.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { printTable, type Cell } from "../support";
import { apiPath } from "./api-path";
import { cliCreatePeakRssMb, cliPath } from "./cli-path";
import { consolePath } from "./console-path";
import { type CpuCost, openCpuMeter } from "./cpu";
import type { E2ePath } from "./path";
import { benchEnvironment, comparisonShapes, flat, HEAT_SECONDS, memorySizes, shapeTemplate } from "./scenarios";

/** The paths the benchmark can take. */
export const E2E_PATHS = ["cli", "api", "console"] as const;
export type E2ePathName = (typeof E2E_PATHS)[number];

/** How to run it. */
export interface EndToEndOptions {
  paths: readonly E2ePathName[];
  tiny: boolean;
  /** The database a path uses ("cli" or "server"): a SQLite file of its own, or one PostgreSQL for all. */
  databaseUrl(user: "cli" | "server"): string;
  /** Where templates and reports go. */
  dir: string;
  /** When given, the measurements are also written to this file as JSON (an EndToEndReport). */
  report?: string;
}

/** One create or delete as measured: wall ms, and for the server paths (run in this process) its CPU. */
export interface Measurement {
  wallMs: number;
  cpu?: CpuCost;
}

/** What `--report` writes: the measurements by "<path> <shape label> <action>". */
export type EndToEndReport = Record<string, Measurement>;

const ADMIN_PASSWORD = "bench-admin-secret";
const MEMORY_BUDGET_MB = 400;

/** Opens one path (the server ones in this process, on the server database). */
async function openPath(name: E2ePathName, options: EndToEndOptions): Promise<E2ePath> {
  if (name === "cli") return cliPath(options.dir, benchEnvironment(options.databaseUrl("cli"), ADMIN_PASSWORD));
  Object.assign(process.env, benchEnvironment(options.databaseUrl("server"), ADMIN_PASSWORD), { HEARTH_SIM_SPEED: "0" });
  return name === "api" ? apiPath(ADMIN_PASSWORD) : consolePath(ADMIN_PASSWORD);
}

/** Seconds cell and Heat's time / ours. */
function versus(heat: number | undefined, ms: number): Cell[] {
  return [(ms / 1000).toFixed(2), heat === undefined ? "-" : `${(heat / (ms / 1000)).toFixed(1)}x`];
}

/** Runs the benchmark and prints its tables. */
export async function runEndToEnd(options: EndToEndOptions): Promise<void> {
  const shapes = comparisonShapes(options.tiny);
  const times: EndToEndReport = {};
  const suffix = Date.now().toString(36);
  const meter = await openCpuMeter(options.databaseUrl("server"));
  try {
    for (const name of options.paths) {
      const route = await openPath(name, options);
      /** Wall time as the path measured it; CPU only where Hearth runs in this process (not the CLI's children). */
      const measured = async (step: () => Promise<number>): Promise<Measurement> => {
        const { value, cpu } = await meter.measure(step);
        return { wallMs: value, cpu: name === "cli" ? undefined : cpu };
      };
      for (const shape of shapes) {
        const stack = `bench-${name}-${shape.label.replace(/\W+/g, "-")}-${suffix}`;
        times[`${name} ${shape.label} create`] = await measured(() => route.create(stack, shapeTemplate(shape)));
        times[`${name} ${shape.label} delete`] = await measured(() => route.delete(stack));
      }
    }
  } finally {
    await meter.close();
    // The server paths share this process's Hearth: close it once they are done.
    if (options.paths.some((p) => p !== "cli")) await (await (await import("../../lib/services")).getHearth()).close();
  }
  if (options.report) fs.writeFileSync(options.report, JSON.stringify(times));
  const rows = shapes.flatMap((shape) =>
    (["create", "delete"] as const).map((action) => {
      const key = `${shape.label} ${action}`;
      const heat = HEAT_SECONDS[key];
      return [key, heat === undefined ? "-" : heat.toFixed(2), ...options.paths.flatMap((p) => versus(heat, times[`${p} ${key}`].wallMs))];
    }),
  );
  const head = ["scenario (OS::Heat::None)", "Heat 19 s", ...options.paths.flatMap((p) => [`${p} s`, `Heat/${p}`])];
  printTable(head, rows, "End to end, wall seconds as the user waits (Heat/x: how many times faster than Heat 19's best path)");
  if (options.paths.includes("cli")) await printMemory(options);
}

/** Peak RSS of one CLI create per size, with the growth per 1000 resources from the row before (constant when linear). */
async function printMemory(options: EndToEndOptions): Promise<void> {
  const env = benchEnvironment(options.databaseUrl("cli"), ADMIN_PASSWORD);
  const rows: Cell[][] = [];
  let previous: { n: number; rss: number } | undefined;
  for (const n of memorySizes(options.tiny)) {
    const rss = await cliCreatePeakRssMb(options.dir, env, `bench-rss-${n}-${Date.now().toString(36)}`, shapeTemplate(flat(n)));
    if (rss === undefined) {
      console.log("Peak RSS: not measured (needs GNU time at /usr/bin/time: apt-get install time)");
      return;
    }
    const growth = previous ? (((rss - previous.rss) / (n - previous.n)) * 1000).toFixed(1) : "-";
    rows.push([n, rss.toFixed(0), growth, n === 5000 ? `${((rss / MEMORY_BUDGET_MB) * 100).toFixed(0)}% of ${MEMORY_BUDGET_MB} MB` : "-"]);
    previous = { n, rss };
  }
  printTable(["resources (flat)", "peak RSS MB", "MB per 1000 more", "budget"], rows, "Memory: one `hearth stack create --wait` process (Heat 19: 6 GB at 5000)");
}

/** A scratch folder for the run (removed at exit unless HEARTH_BENCH_KEEP is set). */
export function scratchDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-bench-e2e-"));
  if (!process.env.HEARTH_BENCH_KEEP) process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
