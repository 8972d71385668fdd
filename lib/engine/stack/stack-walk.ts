/**
 * Walking a stack's resources with the scheduler, and turning the walk's result into Heat's stack
 * status reason ("Resource CREATE failed: ...", "Create timed out", "Stack UPDATE cancelled").
 */
import { DependencyGraph } from "../graph";
import { walkGraph, type NodeTask } from "../scheduler";
import type { CompiledStack } from "../template/types";
import { resourceFailureReason, stackFailureReason, timedOutReason } from "./failure";
import type { Operation } from "./operation";
import { abortUnfinished } from "./resource-ops";
import type { Action } from "../ports";

/** The dependency graph of a compiled stack. */
export function graphOf(compiled: CompiledStack): DependencyGraph {
  return DependencyGraph.fromDependencies(Object.fromEntries(Object.values(compiled.resources).map((r) => [r.name, r.dependsOn])));
}

/** A graph over `names`, ordered by the dependencies the given compiled stacks know (first one wins). */
export function graphFor(names: Iterable<string>, ...sources: (CompiledStack | undefined)[]): DependencyGraph {
  const nodes = [...new Set(names)];
  const edges: [string, string][] = [];
  for (const n of nodes) {
    const res = sources.find((s) => s?.resources[n])?.resources[n];
    for (const d of res?.dependsOn ?? []) edges.push([n, d]);
  }
  return new DependencyGraph(nodes, edges);
}

/** Options of walkStack. */
export interface StackWalkOptions {
  reverse?: boolean;
  only?: ReadonlySet<string>;
}

/**
 * Walks the graph under the operation's signal and what is left of the stack timeout (counted from
 * the action's start); returns the failure reason, if any. When nothing is left (an operation taken
 * over after its timeout passed while no engine held it) nothing runs: the resources a crashed engine
 * left in progress fail as aborted, and the action times out.
 */
export async function walkStack(op: Operation, graph: DependencyGraph, action: Action, task: NodeTask, options: StackWalkOptions = {}): Promise<string | undefined> {
  const left = op.timeLeftMs();
  if (left === 0) {
    const walked = new Set(options.only ?? graph.nodes());
    for (const rec of [...op.records.values(), ...op.retired]) if (walked.has(rec.name) && rec.status === "IN_PROGRESS") await abortUnfinished(op, rec);
    return timedOutReason(action);
  }
  const result = await walkGraph(graph, task, {
    concurrency: op.core.concurrency,
    reverse: options.reverse,
    only: options.only,
    signal: op.signal,
    timeout: left === undefined ? undefined : { ms: left, clock: op.core.clock },
  });
  if (result.timedOut) return timedOutReason(action);
  if (op.cause) return op.cause.kind === "cancel" ? `Stack ${action} cancelled` : op.cause.message;
  const first = result.failed[0];
  if (first === undefined) return undefined;
  const outcome = result.outcomes.get(first);
  const error = outcome?.status === "failed" ? outcome.error : undefined;
  return stackFailureReason(action, resourceFailureReason(error, first));
}
