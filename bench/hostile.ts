/**
 * Hostile-input benchmark: every case of test/hostile/limit-cases.ts (a template that multiplies lists,
 * the billion laughs, deep nesting, oversized texts, runaway nested stacks...) sent through the REST API
 * and the CLI, each surface on its own Hearth (scratch SQLite, instant cloud). Prints per case and
 * surface: whether it was refused (it must be), wall ms, heap growth, RSS growth, and how much the
 * process's peak RSS grew (what the request cost at worst). Nothing is asserted on the numbers.
 * Extend it by adding a case to HOSTILE_CASES.
 *
 *   npx tsx bench/hostile.ts [--tiny]        (--tiny: one run per case instead of the median of 3)
 */
import { HOSTILE_CASES, type HostileCase } from "../test/hostile/limit-cases";
import { SURFACES, type Surface } from "../test/hostile/surfaces";
import { median, ms, printTable, TINY, type Cell } from "./support";

const RUNS = TINY ? 1 : 3;

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** What one submission cost. */
interface Cost {
  refused: boolean;
  wallMs: number;
  heapBytes: number;
  rssBytes: number;
  peakGrowthBytes: number;
}

async function measure(surface: Surface, c: HostileCase, stackName: string): Promise<Cost> {
  const before = process.memoryUsage();
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  const t0 = performance.now();
  const outcome = await surface.submit(c, stackName);
  const wallMs = performance.now() - t0;
  const after = process.memoryUsage();
  return {
    refused: outcome.refused && c.refusal.test(outcome.text),
    wallMs,
    heapBytes: after.heapUsed - before.heapUsed,
    rssBytes: after.rss - before.rss,
    peakGrowthBytes: process.resourceUsage().maxRSS * 1024 - peakBefore,
  };
}

async function main(): Promise<void> {
  const rows: Cell[][] = [];
  for (const name of Object.keys(SURFACES) as (keyof typeof SURFACES)[]) {
    const surfaces = new Map<string, Surface>();
    try {
      for (const [i, c] of HOSTILE_CASES.entries()) {
        if ((c.only ?? name) !== name) continue;
        const key = JSON.stringify(c.limits ?? {});
        if (!surfaces.has(key)) surfaces.set(key, await SURFACES[name](c.limits));
        const costs: Cost[] = [];
        for (let run = 0; run < RUNS; run++) costs.push(await measure(surfaces.get(key)!, c, `bench${i}r${run}`));
        const mid = (pick: (cost: Cost) => number) => median(costs.map(pick));
        rows.push([c.name, name, costs.every((cost) => cost.refused) ? "refused" : "NOT REFUSED", ms(mid((x) => x.wallMs)), mb(mid((x) => x.heapBytes)), mb(mid((x) => x.rssBytes)), mb(Math.max(...costs.map((x) => x.peakGrowthBytes)))]);
      }
    } finally {
      for (const surface of surfaces.values()) await surface.close();
    }
  }
  printTable(["case", "surface", "answer", "wall ms", "heap growth", "RSS growth", "peak RSS growth"], rows, `Hostile input (${RUNS === 1 ? "one run" : `median of ${RUNS}`} per case)`);
}

await main();
