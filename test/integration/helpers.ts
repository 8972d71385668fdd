/**
 * Shared setup of the integration tests: a test engine with the real template compiler, the real
 * plugins and the simulated cloud (instant by default, realistic transition times on the fake clock
 * when `slow`), plus helpers to read back events and the cloud.
 */
import { createSimCloud, type SimCloud } from "../../lib/cloud/sim";
import type { SignalPresigner } from "../../lib/engine/stack/api";
import type { StackStore } from "../../lib/engine/ports";
import { createTestEngine, FakeClock, type TestEngine } from "../../lib/engine/testing";

/** A test engine plus its simulated cloud. */
export interface Rig extends TestEngine {
  sim: SimCloud;
}

/** Builds a rig; `slow` gives cloud operations their realistic durations on the fake clock. */
export function rig(options: { slow?: boolean; clock?: FakeClock; store?: StackStore; sim?: SimCloud; owner?: string; seed?: number; lockTtlMs?: number; presigner?: SignalPresigner } = {}): Rig {
  const clock = options.clock ?? new FakeClock();
  const sim = options.sim ?? createSimCloud({ seed: 3, speed: options.slow ? 1 : 0, apiSpeed: 0, clock });
  const t = createTestEngine({ clock, store: options.store, cloud: sim, owner: options.owner, seed: options.seed, lockTtlMs: options.lockTtlMs, presigner: options.presigner });
  return { ...t, sim };
}

/** "name ACTION_STATUS" lines of a stack's stored events. */
export async function eventLines(store: StackStore, stackId: string): Promise<string[]> {
  return (await store.listEvents(stackId)).map((e) => `${e.resourceName} ${e.action}_${e.status}`);
}

/** The project every integration test uses. */
export const PROJECT = { projectId: "demo" };
