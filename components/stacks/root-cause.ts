/**
 * The path from a failed stack to the root cause of its failure: the stack, the resource that failed
 * first, and when that resource owns a nested stack, the nested stack's first failed resource, down
 * to the original reason. Also which resource failed first, for highlighting it live.
 */
import type { EventRecord, ResourceRecord, StackRecord } from "@/lib/engine/ports";

/** What one level of the path is read from: a stack, its resources and its own events. */
export interface StackLevel {
  stack: Pick<StackRecord, "id" | "name" | "action" | "status" | "statusReason">;
  resources: Pick<ResourceRecord, "name" | "type" | "action" | "status" | "statusReason" | "nestedStackId">[];
  events: readonly EventRecord[];
}

/** One step: a failed resource of a stack, with its reason and the nested stack it owns. */
export interface RootCauseStep {
  stackId: string;
  stackName: string;
  resource: string;
  type: string;
  status: string;
  reason: string;
  nestedStackId: string | null;
}

/** Nesting deeper than this is not followed (guards against a corrupt parent cycle). */
const MAX_DEPTH = 16;

/**
 * The resource of `stackId` whose FAILED event came first in the stack's latest operation (the
 * events after its last stack IN_PROGRESS event), or undefined when none failed.
 */
export function firstFailedResource(events: readonly EventRecord[], stackId: string): string | undefined {
  const own = events.filter((e) => e.stackId === stackId).toSorted((a, b) => a.seq - b.seq);
  const started = own.findLast((e) => e.isStackEvent && e.status === "IN_PROGRESS")?.seq ?? 0;
  return own.find((e) => !e.isStackEvent && e.status === "FAILED" && e.seq > started)?.resourceName;
}

/** The failed resource of a level to follow: the first to fail if it still is FAILED, else any FAILED one. */
export function failedStep(level: StackLevel): RootCauseStep | undefined {
  const failed = level.resources.filter((r) => r.status === "FAILED");
  const first = firstFailedResource(level.events, level.stack.id);
  const chosen = failed.find((r) => r.name === first) ?? failed[0];
  if (!chosen) return undefined;
  return {
    stackId: level.stack.id,
    stackName: level.stack.name,
    resource: chosen.name,
    type: chosen.type,
    status: `${chosen.action}_${chosen.status}`,
    reason: chosen.statusReason,
    nestedStackId: chosen.nestedStackId,
  };
}

/**
 * Follows failed resources down through nested stacks. `load` reads a nested stack's level (undefined
 * when it is gone). Empty when the stack has not failed or no resource of it did (e.g. a timeout).
 */
export async function rootCausePath(top: StackLevel, load: (stackId: string) => Promise<StackLevel | undefined>): Promise<RootCauseStep[]> {
  if (top.stack.status !== "FAILED") return [];
  const path: RootCauseStep[] = [];
  let level: StackLevel | undefined = top;
  while (level && path.length < MAX_DEPTH) {
    const step = failedStep(level);
    if (!step) break;
    path.push(step);
    level = step.nestedStackId ? await load(step.nestedStackId) : undefined;
  }
  return path;
}

/** The original reason of a failure: the deepest step's reason, or the stack's own reason. */
export function originalReason(stackReason: string, path: readonly RootCauseStep[]): string {
  return path.at(-1)?.reason || stackReason;
}
