/**
 * Stuck detection: which resources of an in-progress stack have been IN_PROGRESS for longer than
 * expected, so the page can say what the stack is waiting for instead of spinning silently. How long
 * a type usually takes is the registry's fact (ResourcePlugin.expectedMs), not this module's.
 */
import { defaultRegistry } from "@/lib/engine/resources";
import { DEFAULT_EXPECTED_MS, type TypeRegistry } from "@/lib/engine/resources/types";
import type { GanttSpan } from "./gantt";

/** A resource in progress for longer than its expectation. */
export interface StuckResource {
  resource: string;
  type: string;
  action: string;
  elapsedMs: number;
  expectedMs: number;
}

/** The expected duration of one resource type: its plugin's, else the default (provider templates too). */
export function expectedMs(type: string, registry: TypeRegistry = defaultRegistry): number {
  return registry.get(type)?.expectedMs ?? DEFAULT_EXPECTED_MS;
}

/** Open spans older than their type's expectation at `now`, longest waiting first. */
export function stuckResources(spans: readonly GanttSpan[], now: number, registry: TypeRegistry = defaultRegistry): StuckResource[] {
  return spans
    .filter((s) => s.end === null)
    .map((s) => ({ resource: s.resource, type: s.type, action: s.action, elapsedMs: now - s.start, expectedMs: expectedMs(s.type, registry) }))
    .filter((s) => s.elapsedMs > s.expectedMs)
    .toSorted((a, b) => b.elapsedMs - a.elapsedMs);
}
