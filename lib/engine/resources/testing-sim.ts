/**
 * Test wiring for service-backed plugins: a simulated cloud whose transitions run on a shared manual
 * clock (speed 0.001: a server build takes a few fake ms, so the first poll still sees BUILD and the
 * next one ACTIVE; API calls never wait), plus harness construction on that cloud.
 */
import { createSimCloud, type SimCloud } from "../../cloud/sim";
import type { ResourcePlugin } from "./types";
import { createHarness, createManualClock, type HarnessOptions, type ManualClock, type ResourceHarness } from "./testing-context";

/** A sim cloud and a clock shared by every harness made through `harness`. */
export interface SimBench {
  sim: SimCloud;
  clock: ManualClock;
  harness(plugin: ResourcePlugin, options?: HarnessOptions): ResourceHarness;
}

/** Builds a SimBench (seeded, all three regions). */
export function createSimBench(seed = 1): SimBench {
  const clock = createManualClock();
  const sim = createSimCloud({ seed, speed: 0.001, clock });
  return { sim, clock, harness: (plugin, options = {}) => createHarness(plugin, { cloud: sim, clock, ...options }) };
}
