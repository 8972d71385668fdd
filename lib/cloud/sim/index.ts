/**
 * The built-in simulated multi-region cloud.
 *
 *   const sim = createSimCloud({ seed: 7 });                 // in memory, ready at once
 *   const sim = await openSimCloud({ persistence, speed: 1 }); // restores saved state first
 *
 * With `persistence`, `createSimCloud` returns a cloud that must be `await sim.load()`ed before use;
 * `openSimCloud` does both. Every call that changes state is then one transaction on the port, shared
 * with every process on the same store (operator changes, faults and quotas: call `sim.flush()` to wait).
 */
import { SimCloud, type SimCloudOptions } from "./sim-cloud";

/** Creates a simulated cloud (ready at once unless `options.persistence` is given; then call load()). */
export function createSimCloud(options: SimCloudOptions = {}): SimCloud {
  return new SimCloud(options);
}

/** Creates a simulated cloud and loads its saved state (fresh regions get DevStack's defaults). */
export async function openSimCloud(options: SimCloudOptions = {}): Promise<SimCloud> {
  const sim = new SimCloud(options);
  await sim.load();
  return sim;
}

export { SimCloud, type SimCloudOptions, type SimInventory } from "./sim-cloud";
export type { FaultSummary } from "./faults";
export { SimFaults } from "./faults";
export type { SimChanges, SimPersistence, SimRow, SimRowKey, SimRowKind } from "./persistence";
export { createMemoryPersistence, type MemoryPersistence } from "./memory-persistence";
export type { SimClock } from "./region-state";
export { BASE_LATENCY_MS, type LatencyKind } from "./latency";
export { OPERATION_NAMES, PHASE_OPERATIONS } from "./region-client";
export { DEFAULT_QUOTA, FLAVORS } from "./catalog";
