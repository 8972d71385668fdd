/**
 * Stuck detection: which resources of an in-progress stack have been IN_PROGRESS for longer than
 * expected, so the page can say what the stack is waiting for instead of spinning silently. How long
 * a type usually takes is the registry's fact (ResourcePlugin.expectedMs), not this module's: the
 * server reads it (stack-context.ts typeExpectations) and hands the small result to the page, so the browser does not
 * load the registry (and Heat's whole catalogue) for it.
 */
import type { GanttSpan } from "./gantt";

/** A resource in progress for longer than its expectation. */
export interface StuckResource {
  resource: string;
  type: string;
  action: string;
  elapsedMs: number;
  expectedMs: number;
}

/** How long each type usually takes: the types that declare it, and the default for every other. */
export interface TypeExpectations {
  byType: Readonly<Record<string, number>>;
  fallback: number;
}

/** The expected duration of one resource type: its plugin's, else the default (provider templates too). */
export function expectedMs(type: string, expectations: TypeExpectations): number {
  return expectations.byType[type] ?? expectations.fallback;
}

/** Open spans older than their type's expectation at `now`, longest waiting first. */
export function stuckResources(spans: readonly GanttSpan[], now: number, expectations: TypeExpectations): StuckResource[] {
  return spans
    .filter((s) => s.end === null)
    .map((s) => ({ resource: s.resource, type: s.type, action: s.action, elapsedMs: now - s.start, expectedMs: expectedMs(s.type, expectations) }))
    .filter((s) => s.elapsedMs > s.expectedMs)
    .toSorted((a, b) => b.elapsedMs - a.elapsedMs);
}
