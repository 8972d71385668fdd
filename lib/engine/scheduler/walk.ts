/**
 * The DAG walker: runs one task per node of a DependencyGraph, each the moment its last dependency
 * has finished (event driven: no polling, no timer per node), at most `concurrency` at once.
 * A node whose dependency failed (or was skipped) is skipped with a reason naming the upstream
 * failure. Cancellation is an AbortSignal; a per-walk timeout aborts the running tasks the same way.
 */
import type { DependencyGraph } from "../graph";
import type { Clock } from "../ports";

/** How one node ended. */
export type NodeOutcome =
  | { status: "complete" }
  | { status: "failed"; error: unknown }
  | { status: "skipped"; reason: string };

/** The task run for each node; it must honour `signal` (stop promptly once it is aborted). */
export type NodeTask = (node: string, signal: AbortSignal) => Promise<void>;

/** Options of a walk. */
export interface WalkOptions {
  /** Max tasks running at once (at least 1). */
  concurrency: number;
  /** Walk dependents first (deletion order). */
  reverse?: boolean;
  /** Only walk these nodes; edges through other nodes still order them (default: every node). */
  only?: ReadonlySet<string>;
  /** Cancels the walk: running tasks see their signal aborted, nothing new starts. */
  signal?: AbortSignal;
  /** Aborts the walk after `ms` on `clock` (Heat's stack timeout). */
  timeout?: { ms: number; clock: Clock };
  /**
   * After a failure, start no new node (Heat's behaviour for create and update: running tasks
   * finish, the rest are skipped). false keeps walking independent branches (default true).
   */
  stopOnFailure?: boolean;
}

/** Result of a walk: the outcome of every walked node, and why it stopped early if it did. */
export interface WalkResult {
  outcomes: Map<string, NodeOutcome>;
  /** Nodes that failed, in the order they failed. */
  failed: string[];
  timedOut: boolean;
  cancelled: boolean;
}

/** The error a walk's signal is aborted with when its timeout elapses. */
export class WalkTimeoutError extends Error {
  constructor(ms: number) {
    super(`timed out after ${ms} ms`);
    this.name = "WalkTimeoutError";
  }
}

/** Walks `graph`, running `task` for each node in dependency order (reverse order if asked). */
export function walkGraph(graph: DependencyGraph, task: NodeTask, options: WalkOptions): Promise<WalkResult> {
  return new Walk(graph, task, options).run();
}

class Walk {
  private readonly nodes: string[];
  private readonly downstreamOf = new Map<string, string[]>();
  private readonly waitingOn = new Map<string, number>();
  private readonly ready: string[] = [];
  private readyHead = 0;
  private readonly started = new Set<string>();
  private readonly outcomes = new Map<string, NodeOutcome>();
  private readonly failed: string[] = [];
  private readonly controller = new AbortController();
  private readonly taskSignals = new Set<AbortController>();
  private readonly timer = new AbortController();
  private running = 0;
  private timedOut = false;
  private finish!: () => void;

  constructor(
    private readonly graph: DependencyGraph,
    private readonly task: NodeTask,
    private readonly options: WalkOptions,
  ) {
    const only = options.only;
    this.nodes = graph.nodes().filter((n) => !only || only.has(n));
  }

  async run(): Promise<WalkResult> {
    const done = new Promise<void>((resolve) => (this.finish = resolve));
    const external = this.options.signal;
    const onAbort = () => this.controller.abort(external?.reason);
    if (external?.aborted) onAbort();
    else external?.addEventListener("abort", onAbort, { once: true });
    this.controller.signal.addEventListener("abort", () => {
      for (const own of this.taskSignals) own.abort(this.controller.signal.reason);
    });
    this.startTimer();
    for (const n of this.nodes) {
      this.downstreamOf.set(n, this.neighbours(n, "down"));
      const count = this.neighbours(n, "up").length;
      this.waitingOn.set(n, count);
      if (count === 0) this.ready.push(n);
    }
    this.pump();
    await done;
    external?.removeEventListener("abort", onAbort);
    this.timer.abort();
    return {
      outcomes: this.outcomes,
      failed: this.failed,
      timedOut: this.timedOut,
      cancelled: !this.timedOut && this.controller.signal.aborted,
    };
  }

  /** Walked neighbours of `node` upstream (must finish first) or downstream, looking through excluded nodes. */
  private neighbours(node: string, way: "up" | "down"): string[] {
    const next = (n: string) =>
      (way === "up") !== !!this.options.reverse ? this.graph.dependenciesOf(n) : this.graph.dependentsOf(n);
    const only = this.options.only;
    if (!only) return next(node);
    const out = new Set<string>();
    const seen = new Set<string>();
    const stack = next(node);
    while (stack.length) {
      const n = stack.pop()!;
      if (seen.has(n)) continue;
      seen.add(n);
      if (only.has(n)) out.add(n);
      else stack.push(...next(n));
    }
    return [...out];
  }

  private startTimer(): void {
    const t = this.options.timeout;
    if (!t) return;
    t.clock.sleep(t.ms, this.timer.signal).then(
      () => {
        if (this.outcomes.size === this.nodes.length) return;
        this.timedOut = true;
        this.controller.abort(new WalkTimeoutError(t.ms));
      },
      () => undefined, // the walk ended first
    );
  }

  /** Why nothing new may start, or undefined. */
  private stopReason(): string | undefined {
    if (this.timedOut) return "the operation timed out";
    if (this.controller.signal.aborted) return "the operation was cancelled";
    if (this.failed.length && this.options.stopOnFailure !== false) return `${this.failed[0]} failed`;
    return undefined;
  }

  /** Starts ready nodes while there is room, or skips every node not started once the walk stops. */
  private pump(): void {
    const stop = this.stopReason();
    if (stop) {
      for (const n of this.nodes) if (!this.started.has(n)) this.skip(n, `not started: ${stop}`);
    } else {
      const limit = Math.max(1, this.options.concurrency);
      while (this.running < limit && this.readyHead < this.ready.length) this.start(this.ready[this.readyHead++]);
    }
    if (this.outcomes.size === this.nodes.length) this.finish();
  }

  /**
   * Runs a node's task with a signal of its own, aborted with the walk's: each task's waits listen to
   * their own signal, so the walk's signal keeps one listener however many tasks run.
   */
  private start(node: string): void {
    this.running++;
    this.started.add(node);
    const own = new AbortController();
    this.taskSignals.add(own);
    let promise: Promise<void>;
    try {
      promise = this.task(node, own.signal);
    } catch (error) {
      promise = Promise.reject(error);
    }
    promise.then(
      () => this.settle(node, own, { status: "complete" }),
      (error: unknown) => this.settle(node, own, { status: "failed", error }),
    );
  }

  private settle(node: string, own: AbortController, outcome: NodeOutcome): void {
    this.taskSignals.delete(own);
    this.running--;
    this.outcomes.set(node, outcome);
    if (outcome.status === "failed") {
      this.failed.push(node);
      // once the walk is aborted, pump() skips the rest naming the cancellation or timeout instead
      if (!this.controller.signal.aborted) this.skipDownstream(node, `dependency ${node} failed`);
    } else {
      for (const d of this.downstreamOf.get(node)!) {
        const left = this.waitingOn.get(d)! - 1;
        this.waitingOn.set(d, left);
        if (left === 0 && !this.outcomes.has(d)) this.ready.push(d);
      }
    }
    this.pump();
  }

  /** Skips everything downstream of a failed node, naming it (iterative: chains may be long). */
  private skipDownstream(node: string, reason: string): void {
    const stack = [...this.downstreamOf.get(node)!];
    while (stack.length) {
      const n = stack.pop()!;
      if (this.outcomes.has(n) || this.started.has(n)) continue;
      this.skip(n, reason);
      stack.push(...this.downstreamOf.get(n)!);
    }
  }

  private skip(node: string, reason: string): void {
    this.started.add(node);
    this.outcomes.set(node, { status: "skipped", reason });
  }
}
