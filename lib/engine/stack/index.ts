/**
 * The stack engine: `createEngine(options)` wires the lifecycle (lib/engine/stack) to the template
 * compiler (lib/engine/template). See api.ts for the StackEngine contract; the ports it runs on
 * (store, cloud, clock, nested stacks) are in lib/engine/ports.
 */
import { compileStack } from "../template";
import type { EngineOptions, StackEngine } from "./api";
import { HearthEngine } from "./engine";

/** Creates an engine over the given store, cloud and registry. */
export function createEngine(options: EngineOptions): StackEngine {
  return new HearthEngine(options, compileStack);
}

export { HearthEngine } from "./engine";
export { systemClock } from "./system-clock";
export type * from "./api";
