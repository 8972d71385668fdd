/**
 * Stuck detection: which resources of an in-progress stack have been IN_PROGRESS for longer than
 * expected, so the page can say what the stack is waiting for instead of spinning silently.
 */
import type { GanttSpan } from "./gantt";

/** How long any resource may be in progress before the page warns (30 s). */
export const DEFAULT_EXPECTED_MS = 30_000;

/** Types that normally take longer than the default (nested stacks wait for all their members). */
export const EXPECTED_MS_BY_TYPE: Readonly<Record<string, number>> = {
  "OS::Heat::Stack": 120_000,
  "OS::Heat::ResourceGroup": 120_000,
  "OS::Heat::AutoScalingGroup": 120_000,
  "OS::Heat::WaitCondition": 120_000,
  "OS::Heat::SoftwareDeployment": 120_000,
  "OS::Nova::Server": 60_000,
};

/** A resource in progress for longer than its expectation. */
export interface StuckResource {
  resource: string;
  type: string;
  action: string;
  elapsedMs: number;
  expectedMs: number;
}

/** The expected duration of one resource type. */
export function expectedMs(type: string, byType: Readonly<Record<string, number>> = EXPECTED_MS_BY_TYPE): number {
  return byType[type] ?? DEFAULT_EXPECTED_MS;
}

/** Open spans older than their type's expectation at `now`, longest waiting first. */
export function stuckResources(spans: readonly GanttSpan[], now: number, byType: Readonly<Record<string, number>> = EXPECTED_MS_BY_TYPE): StuckResource[] {
  return spans
    .filter((s) => s.end === null)
    .map((s) => ({ resource: s.resource, type: s.type, action: s.action, elapsedMs: now - s.start, expectedMs: expectedMs(s.type, byType) }))
    .filter((s) => s.elapsedMs > s.expectedMs)
    .toSorted((a, b) => b.elapsedMs - a.elapsedMs);
}
