/**
 * Test wiring for the engine's service-backed plugins on the simulator: a simulated cloud whose
 * transitions run on a shared manual clock (speed 0.001: a server build takes a few fake ms, so the
 * first poll still sees BUILD and the next one ACTIVE; API calls never wait), with harnesses on it.
 * Plugin tests that need the sim's own behaviour (transitions, faults, quotas) live here; the rest run
 * beside their plugins in lib/engine on the instant cloud.
 */
import { createCloudBench, createManualClock, type CloudBench } from "../../../engine/resources/testing-context";
import { createSimCloud, type SimCloud } from "..";

/** Builds a bench on a seeded sim cloud with all three regions. */
export function createSimBench(seed = 1): CloudBench<SimCloud> {
  const clock = createManualClock();
  return createCloudBench(createSimCloud({ seed, speed: 0.001, clock }), clock);
}
