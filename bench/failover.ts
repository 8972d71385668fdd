/**
 * Failover benchmark: the active/passive example (examples/ha) on the in-memory store and the simulated
 * cloud, on a fake clock, with the real engine, plugins and HA monitor. For each latency model (cloud
 * latency zero; the default model at speed 1) and trigger (a signal; a crash of the active server,
 * found by the monitor), it measures the time until the new active serves with the volume attached
 * (the activate step's event), split into
 *   detection  simulated ms from the crash to the failover's start (0 for a signal),
 *   cloud      simulated ms of the failover itself (cloud transitions and the engine's poll waits),
 *   engine     real ms the engine worked during the failover (compute, store, events),
 * and the time until the group is back to full strength. Medians of RUNS failovers per row.
 *
 *   npx tsx bench/failover.ts [--tiny]
 */
import fs from "node:fs";
import path from "node:path";
import { createSimCloud } from "../lib/cloud/sim";
import { defaultRegistry } from "../lib/engine/resources";
import { createEngine } from "../lib/engine/stack";
import type { EventRecord } from "../lib/engine/ports";
import { FakeClock, MemoryStackStore } from "../lib/engine/testing";
import { HaMonitor } from "../lib/services/ha/monitor";
import { createPresigner } from "../lib/services/ha/presign";
import { createSignalDispatcher } from "../lib/services/ha/signal-urls";
import { median, ms as fmt, printTable, TINY } from "./support";

const RUNS = TINY ? 1 : 5;
const examples = path.resolve(import.meta.dirname, "../examples/ha");
const input = {
  template: fs.readFileSync(path.join(examples, "active-passive.yaml"), "utf8"),
  files: { "ha_server.yaml": fs.readFileSync(path.join(examples, "ha_server.yaml"), "utf8") },
};

/** An event with the real time it was published at. */
interface Mark {
  event: EventRecord;
  real: number;
}

interface Sample {
  detection: number;
  cloud: number;
  engine: number;
  full: number;
}

async function bench(speed: number, trigger: "signal" | "crash"): Promise<Sample[]> {
  const clock = new FakeClock();
  const marks: Mark[] = [];
  const sim = createSimCloud({ seed: 11, speed, apiSpeed: 0, clock });
  const store = new MemoryStackStore(() => clock.now());
  const engine = createEngine({
    store,
    cloud: sim,
    registry: defaultRegistry,
    clock,
    owner: "bench",
    defaultRegion: "RegionOne",
    sink: { publish: (event) => marks.push({ event, real: performance.now() }) },
    presigner: createPresigner("bench", "http://127.0.0.1:3000"),
  });
  let signalledAt = 0;
  const signal = (stackId: string, resource: string, details: unknown) => {
    signalledAt = performance.now();
    return engine.signal(stackId, resource, details);
  };
  const dispatch = createSignalDispatcher("bench", signal);
  const monitor = new HaMonitor({ store, cloud: sim, clock, signal, owner: "bench", leaseMs: 30_000, post: dispatch.byUrl });
  const stack = await clock.run((await engine.create("pair", input, { projectId: "bench" })).done);
  if (stack.status !== "COMPLETE") throw new Error(stack.statusReason);
  const active = async () => (await engine.resourceAttributes(stack.id, "server_failover_policy")).active_member as string;
  const samples: Sample[] = [];
  for (let run = 0; run < RUNS; run++) {
    await clock.advance(120_000); // past the grace period of the last failover
    const from = await active();
    const start = marks.length;
    const crashedAt = clock.now();
    if (trigger === "signal") {
      await clock.run(signal(stack.id, "server_failover_policy", { reason: "bench", force: true }));
    } else {
      sim.faults.crashServer(from);
      monitor.start();
      while ((await active()) === from) await clock.advance(500);
      await clock.run(monitor.stop());
    }
    const events = marks.slice(start).filter((m) => m.event.resourceName === "server_failover_policy");
    const began = events.find((m) => m.event.reason.startsWith("Failover from"))!;
    const serving = events.find((m) => m.event.reason.startsWith("Failover 5/6"))!;
    const full = events.find((m) => m.event.reason.startsWith("Failover 6/6"))!;
    const at = (m: Mark) => Date.parse(m.event.time);
    samples.push({
      detection: Math.max(0, at(began) - crashedAt), // a signal starts at once (sub-ms jitter of the sim clock aside)
      cloud: at(serving) - at(began),
      engine: serving.real - signalledAt,
      full: at(full) - crashedAt,
    });
  }
  await engine.close();
  return samples;
}


const rows: string[][] = [];
const models = [["latency 0", 0], ["default (speed 1)", 1]] as const;
for (const [model, speed] of TINY ? models.slice(0, 1) : models) {
  for (const trigger of ["signal", "crash"] as const) {
    const s = await bench(speed, trigger);
    const d = median(s.map((x) => x.detection));
    const c = median(s.map((x) => x.cloud));
    const e = median(s.map((x) => x.engine));
    const total = d + c + e;
    rows.push([model, trigger, fmt(d), fmt(c), fmt(e), fmt(total), `${((e / total) * 100).toFixed(1)}%`, fmt(median(s.map((x) => x.full)))]);
  }
}
const header = ["cloud model", "trigger", "detection ms (sim)", "cloud ms (sim)", "engine ms (real)", "to serving ms", "engine share", "to full strength ms (sim)"];
printTable(header, rows, `Failover of examples/ha/active-passive.yaml, median of ${RUNS} per row`);
