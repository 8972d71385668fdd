/**
 * The engine's wiring, shared by every lifecycle module: options with defaults applied, the
 * template compiler, and the operations this engine instance is running right now.
 */
import { HEAT_LIMITS, type EngineLimits } from "../limits";
import type { Clock, CloudProvider, EventSink, IdentityProvider, NestedStackOps, ResourceRecord, StackStore } from "../ports";
import type { TypeRegistry } from "../resources/types";
import type { CompiledStack, CompileOptions, CompileResult, StackInput } from "../template/types";
import type { EngineOptions, SignalPresigner } from "./api";
import type { Operation } from "./operation";
import { systemClock } from "./system-clock";

/** Compiles a template against parameters, environments and the registry (template/compileStack). */
export type Compiler = (input: StackInput, options: CompileOptions) => CompileResult;

/** A running operation as other parts of the engine see it (cancel, signals, close). */
export interface RunningOperation {
  stackId: string;
  /** The stack's generation when the operation took its lock (each IN_PROGRESS it stores moves it on). */
  startGeneration: number;
  /** Aborts the operation; `rollback` asks an update to roll back afterwards (cancel_update). */
  cancel(reason: string, rollback: boolean): void;
  /** The live operation, once loaded (signals reach its in-memory records). */
  operation(): Operation | undefined;
  /** Settles when the operation has ended and released its lock. */
  finished: Promise<unknown>;
}

/** Everything the lifecycle modules need, defaults applied. */
export interface EngineCore {
  store: StackStore;
  cloud: CloudProvider;
  registry: TypeRegistry;
  sink?: EventSink;
  clock: Clock;
  owner: string;
  defaultRegion: string;
  concurrency: number;
  lockTtlMs: number;
  pollIntervalMs: number;
  random: () => number;
  /** The limits every compile and create enforces. */
  limits: EngineLimits;
  compile: Compiler;
  /** The last compiled definition of each stack, so later operations need not compile it again. */
  compiled: Map<string, { key: string; stack: CompiledStack }>;
  /** Operations running in this engine instance, by stack id (nested stacks included). */
  running: Map<string, RunningOperation>;
  /** Set by close() or a simulated crash: no new operation starts. */
  closed: boolean;
  /** Nested stack operations for a resource of a running operation (CoreLinks.nestedFor on this core). */
  readonly nestedFor: (op: Operation, rec: ResourceRecord, signal: AbortSignal) => NestedStackOps;
  /** Delivers a signal to a resource (CoreLinks.signalResource on this core; plugins reach it through ctx.signalPeer). */
  readonly signalResource: (stackId: string, resource: string, details: unknown) => Promise<void>;
  presigner?: SignalPresigner;
  identity?: IdentityProvider;
  /** Signals being handled, by "<stack id>/<resource>": a later signal waits for the earlier one. */
  signalQueues: Map<string, Promise<void>>;
  /**
   * New top-level stacks being admitted, by project: the name and stacks-per-project checks and the
   * insert of one create run after the earlier one's (inTurn), so concurrent creates in this engine
   * cannot all pass the checks before any is stored.
   */
  admissions: Map<string, Promise<void>>;
}

/**
 * Lifecycle functions that lower modules (the resource runtime) call through the core. The engine
 * passes them in at construction: they run create, update and delete, which import those lower
 * modules, so importing them here would make a cycle.
 */
export interface CoreLinks {
  /** Nested stack operations for `rec` of `op` (nested.ts, nestedOps). */
  nestedFor(core: EngineCore, op: Operation, rec: ResourceRecord, signal: AbortSignal): NestedStackOps;
  /** Delivers a signal to a resource of a stack (resource-commands.ts, signalResource). */
  signalResource(core: EngineCore, stackId: string, resource: string, details: unknown): Promise<void>;
}

/** Applies the documented defaults to EngineOptions and binds `links` to the new core. */
export function makeCore(options: EngineOptions, compile: Compiler, links: CoreLinks): EngineCore {
  const core: EngineCore = {
    store: options.store,
    cloud: options.cloud,
    registry: options.registry,
    sink: options.sink,
    clock: options.clock ?? systemClock,
    owner: options.owner,
    defaultRegion: options.defaultRegion,
    concurrency: options.concurrency ?? 64,
    lockTtlMs: options.lockTtlMs ?? 30_000,
    pollIntervalMs: options.pollIntervalMs ?? 20,
    random: options.random ?? Math.random,
    limits: { ...HEAT_LIMITS, ...options.limits },
    presigner: options.presigner,
    identity: options.identity,
    signalQueues: new Map(),
    admissions: new Map(),
    compile,
    compiled: new Map(),
    running: new Map(),
    closed: false,
    nestedFor: (op, rec, signal) => links.nestedFor(core, op, rec, signal),
    signalResource: (stackId, resource, details) => links.signalResource(core, stackId, resource, details),
  };
  return core;
}

/** Runs `work` once every earlier work queued under `key` has settled: one at a time per key. */
export async function inTurn<T>(queues: Map<string, Promise<void>>, key: string, work: () => Promise<T>): Promise<T> {
  const mine = (queues.get(key) ?? Promise.resolve()).then(work);
  const tail = mine.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, tail);
  try {
    return await mine;
  } finally {
    if (queues.get(key) === tail) queues.delete(key);
  }
}

/** A new unique id (UUID v4), never derived from seeded randomness so restarted engines cannot collide. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}

/** Current time as an ISO string, from the engine's clock. */
export function isoNow(core: EngineCore): string {
  return new Date(core.clock.now()).toISOString();
}
