/**
 * Engine overhead benchmark: creates and deletes stacks on the in-memory store (no database) and an
 * instant simulated cloud, with the real template compiler and plugins, on the real clock. Prints,
 * per scenario and action: resources, wall ms, the part of it spent compiling the template (measured
 * by a strict validate of the same input), per-resource overhead ms ((wall - critical path) /
 * resources, compile included), the critical path and wall / critical; each the best of 3 runs.
 * Real Heat spends ~35 ms per no-op resource.
 *
 *   npx tsx bench/engine-create.ts
 */
import { createSimCloud } from "../lib/cloud/sim";
import { DependencyGraph } from "../lib/engine/graph";
import { createRegistry } from "../lib/engine/resources";
import { createEngine } from "../lib/engine/stack";
import type { StackEngine } from "../lib/engine/stack/api";
import { MemoryStackStore } from "../lib/engine/testing";

interface Scenario {
  name: string;
  resources: Record<string, { type: string; depends_on?: string[]; properties?: Record<string, unknown> }>;
  /** Seconds each resource waits (for the critical path). */
  waitSecs: number;
}

/** `layers` x `width` resources of `type`; each depends on the same column of the layer before. */
function layered(name: string, type: string, layers: number, width: number, properties?: Record<string, unknown>, waitSecs = 0): Scenario {
  const resources: Scenario["resources"] = {};
  for (let l = 0; l < layers; l++) {
    for (let w = 0; w < width; w++) {
      resources[`r${l}_${w}`] = { type, properties, ...(l ? { depends_on: [`r${l - 1}_${w}`] } : {}) };
    }
  }
  return { name, resources, waitSecs };
}

const REPEATS = 3;

const scenarios: Scenario[] = [
  layered("1000 OS::Heat::None, flat", "OS::Heat::None", 1, 1000),
  layered("1000 OS::Heat::None, 10 chained layers", "OS::Heat::None", 10, 100),
  layered("200 TestResource wait 1 s, width 50", "OS::Heat::TestResource", 4, 50, { wait_secs: 1, action_wait_secs: { delete: 0 } }, 1),
];

function criticalPathMs(s: Scenario, action: "create" | "delete"): number {
  const graph = DependencyGraph.fromDependencies(Object.fromEntries(Object.entries(s.resources).map(([n, r]) => [n, r.depends_on ?? []])));
  return graph.criticalPath(() => (action === "create" ? s.waitSecs * 1000 : 0));
}

async function timed(start: () => Promise<{ done: Promise<{ status: string; statusReason: string }> }>): Promise<number> {
  const t0 = performance.now();
  const stack = await (await start()).done;
  const ms = performance.now() - t0;
  if (stack.status !== "COMPLETE") throw new Error(`bench stack failed: ${stack.statusReason}`);
  return ms;
}

/** One create + delete of a scenario: compile, create and delete wall times in ms. */
async function once(engine: StackEngine, s: Scenario, name: string) {
  const template = JSON.stringify({ heat_template_version: "2018-08-31", resources: s.resources });
  const c0 = performance.now();
  await engine.validate({ template }, { strict: true });
  const compile = performance.now() - c0;
  let stackId = "";
  const create = await timed(async () => {
    const h = await engine.create(name, { template }, { projectId: "bench" });
    stackId = h.stackId;
    return h;
  });
  const del = await timed(() => engine.delete(stackId));
  return { compile, create, delete: del };
}

/** Best of REPEATS runs (the machine is shared: the minimum is the least disturbed measurement). */
async function run(engine: StackEngine, s: Scenario, i: number) {
  const runs: Awaited<ReturnType<typeof once>>[] = [];
  for (let r = 0; r < REPEATS; r++) runs.push(await once(engine, s, `bench-${i}-${r}`));
  const best = (k: "compile" | "create" | "delete") => Math.min(...runs.map((x) => x[k]));
  const n = Object.keys(s.resources).length;
  return (["create", "delete"] as const).map((action) => {
    const wall = best(action);
    const critical = criticalPathMs(s, action);
    return {
      scenario: s.name,
      action,
      resources: n,
      "wall ms": Math.round(wall),
      "compile ms": action === "create" ? Math.round(best("compile")) : 0,
      "overhead ms/resource": +((wall - critical) / n).toFixed(3),
      "critical path ms": critical,
      "wall/critical": critical ? +(wall / critical).toFixed(3) : "n/a",
    };
  });
}

async function main() {
  const engine = createEngine({
    store: new MemoryStackStore(),
    cloud: createSimCloud({ seed: 1, speed: 0 }),
    registry: createRegistry(),
    owner: "bench",
    defaultRegion: "RegionOne",
    concurrency: 64,
  });
  await run(engine, layered("warm-up", "OS::Heat::None", 1, 50), -1);
  const rows = [];
  for (const [i, s] of scenarios.entries()) rows.push(...(await run(engine, s, i)));
  console.table(rows);
  await engine.close();
}

await main();
