/**
 * The engine's public API: what lib/services (and through it the CLI, REST API and console) call.
 * lib/engine/stack implements it as `createEngine(options)`.
 * Every operation validates first and refuses bad input with a ValidationError before anything
 * is allocated; a busy stack is refused with EngineError("Conflict").
 */
import type { Clock, CloudProvider, EventSink, IdentityProvider, RemoteNestedProvider, ResourceRecord, StackRecord, StackStore } from "../ports";
import type { Diagnostic } from "../diagnostics";
import type { EngineLimits } from "../limits";
import type { TypeRegistry } from "../resources/types";
import type { StackInput, ParameterDefinition, ParameterGroup } from "../template/types";
import type { AbandonData } from "./abandon";

/** Wiring of an engine instance. */
export interface EngineOptions {
  store: StackStore;
  cloud: CloudProvider;
  registry: TypeRegistry;
  /** Receives each event after it is stored. */
  sink?: EventSink;
  clock?: Clock;
  /** Identity of this engine process in locks (e.g. "engine-<host>-<pid>"). */
  owner: string;
  /** Region used when neither the resource nor the stack names one. */
  defaultRegion: string;
  /** Max resources worked on at once per operation (default 64, the size of a Heat engine worker's RPC thread pool). */
  concurrency?: number;
  /** Lease length for stack locks (default 30 s); renewed while an operation runs. */
  lockTtlMs?: number;
  /** First poll interval for check*Complete (default 20 ms, backing off to 1 s). */
  pollIntervalMs?: number;
  /** Seeded randomness for RandomString and friends. */
  random?: () => number;
  /** Makes pre-signed signal URLs (ScalingPolicy's signal_url and alarm_url); lib/services provides one. */
  presigner?: SignalPresigner;
  /** The identity service the OS::Keystone::* types manage (lib/services provides Hearth's own); none: they fail. */
  identity?: IdentityProvider;
  /** Limits over Heat's defaults (HEAT_LIMITS): template size, resources per stack, nesting depth, function budget. */
  limits?: Partial<EngineLimits>;
  /** Runs nested stacks of regions served elsewhere (a federation's remote Heat); none: every region is local. */
  remoteNested?: RemoteNestedProvider;
}

/** Makes pre-signed URLs that deliver a signal to one resource; only the holder of the secret can make them. */
export interface SignalPresigner {
  url(target: { stackId: string; resource: string; action: string }): string;
}

/** Options of create. */
export interface CreateOptions {
  projectId: string;
  region?: string;
  /** Heat's default is rollback disabled; --enable-rollback turns it on. */
  enableRollback?: boolean;
  timeoutMins?: number;
  tags?: string[];
  /**
   * Adopt: take over the physical resources this abandon data names instead of creating any (ADOPT
   * action); the input is the data's template and environment (adoptInput in adopt.ts) or the caller's.
   */
  adoptData?: AbandonData;
}

/** Options of update. */
export interface UpdateOptions {
  /** Reuse the stored template/parameters/environments where the input leaves them out (PATCH). */
  existing?: boolean;
  enableRollback?: boolean;
  timeoutMins?: number;
}

/** One output of a stack, computed when read; an output that cannot be resolved carries its error instead of a value. */
export interface StackOutput {
  key: string;
  value?: unknown;
  description?: string;
  error?: string;
}

/** A resource's attributes as read now: every declared attribute's value, and why each unreadable one could not be read. */
export interface LiveAttributes {
  /** Every attribute the type declares; one that could not be read is null (as Heat shows it). */
  values: Record<string, unknown>;
  /** The attributes that could not be read (their region offline, say), with the cloud's reason. */
  errors: Record<string, string>;
}

/** Which outputs StackEngine.outputs computes. */
export interface OutputQuery {
  /** Only this output (none when the template has no output of that name). */
  key?: string;
  /** false: keys and descriptions only, no value is computed (Heat's output list). */
  resolve?: boolean;
}

/** A started operation: the stack id at once, and a promise settled when it ends (never rejects). */
export interface OperationHandle {
  stackId: string;
  done: Promise<StackRecord>;
}

/** Result of validate: Heat's validate answer plus our diagnostics. */
export interface ValidateResult {
  valid: boolean;
  diagnostics: Diagnostic[];
  description?: string;
  parameters: Record<string, ParameterDefinition>;
  parameterGroups: ParameterGroup[];
}

/** One resource as preview shows it. */
export interface PreviewResource {
  name: string;
  type: string;
  region: string;
  dependsOn: string[];
  properties: Record<string, unknown>;
}

/** Result of preview: what would be created, where. */
export interface PreviewResult {
  resources: PreviewResource[];
  regions: string[];
  diagnostics: Diagnostic[];
}

/** What an update does to one resource (Heat's preview_update buckets). */
export type UpdateChangeKind = "none" | "update" | "replace" | "create" | "delete";

/** One resource as an update preview shows it. */
export interface UpdatePreviewResource {
  name: string;
  type: string;
  region: string;
  kind: UpdateChangeKind;
  /** Top-level properties whose values change (update and replace). */
  changed: string[];
  /** Why, when the kind alone does not say (a type change, unhealthy, an update that will fail). */
  reason?: string;
}

/** Result of previewUpdate: the target's resources in creation order, then the ones deleted. */
export interface UpdatePreview {
  resources: UpdatePreviewResource[];
}

/** The engine. */
export interface StackEngine {
  validate(input: StackInput, options?: { region?: string; strict?: boolean }): Promise<ValidateResult>;
  preview(name: string, input: StackInput, options: CreateOptions): Promise<PreviewResult>;
  create(name: string, input: StackInput, options: CreateOptions): Promise<OperationHandle>;
  update(stackId: string, input: Partial<StackInput>, options?: UpdateOptions): Promise<OperationHandle>;
  /** What update would do to each resource, without changing anything; refuses bad input as update does. */
  previewUpdate(stackId: string, input: Partial<StackInput>, options?: UpdateOptions): Promise<UpdatePreview>;
  delete(stackId: string): Promise<OperationHandle>;
  /** Heat's abandon data of a stack (stack export); changes nothing. */
  exportStack(stackId: string): Promise<AbandonData>;
  /** Forgets a stack without deleting its physical resources; returns its abandon data (for a later adopt). */
  abandon(stackId: string): Promise<AbandonData>;
  /** Cancels a running create/update; an update is rolled back (cancel_update). */
  cancel(stackId: string, options?: { rollback?: boolean }): Promise<void>;
  check(stackId: string): Promise<OperationHandle>;
  suspend(stackId: string): Promise<OperationHandle>;
  resume(stackId: string): Promise<OperationHandle>;
  /** Sends a signal to a resource (WaitConditionHandle, ScalingPolicy, SoftwareDeployment...). */
  signal(stackId: string, resource: string, details: unknown): Promise<void>;
  /** Marks a resource (un)healthy; an unhealthy resource is replaced by the next update. */
  markUnhealthy(stackId: string, resource: string, unhealthy: boolean, reason?: string): Promise<void>;
  /** Live attributes of a resource (read from the cloud now; one that cannot be read is null). */
  resourceAttributes(stackId: string, resource: string): Promise<Record<string, unknown>>;
  /** Live attributes of a resource with why each unreadable one could not be read (for `resource show`). */
  liveAttributes(stackId: string, resource: string): Promise<LiveAttributes>;
  /** A resource's metadata as Heat shows it: the template's resolved `metadata`, under what the resource set itself. */
  resourceMetadata(stackId: string, resource: string): Promise<Record<string, unknown>>;
  /** Resources of a stack, current copies only. */
  resources(stackId: string): Promise<ResourceRecord[]>;
  /**
   * A stack's outputs computed now from its resources' current attributes (as Heat does on show);
   * `key` picks one, `resolve: false` gives keys and descriptions only. A deleted stack has none.
   */
  outputs(stackId: string, query?: OutputQuery): Promise<StackOutput[]>;
  /**
   * The recovery sweep every engine process runs from time to time: each stack an engine left
   * IN_PROGRESS (its lease expired, or none) is taken over (the store's conditional acquireLock, so
   * two peers never both take it) and its recorded action (create, update, delete, rollback,
   * suspend, resume, check; nested stacks through their parent's resource) carried on from the
   * recorded state to its end, in the background like any operation; a create or update that failed
   * with rollback enabled and whose engine died before the rollback is rolled back. Where completing
   * is impossible (the definition no longer compiles, an adopt) the stack fails with the reason, and a
   * later update converges it. Each take-over is a stack event ("Engine A went down; B resumed stack
   * CREATE"). Returns the ids taken over; cheap when there is nothing to do.
   */
  recover(): Promise<string[]>;
  /**
   * Stops accepting work and stops running operations where they are, writing nothing more (their
   * stacks stay IN_PROGRESS with the lease released, for a peer's or the next start's recover() to
   * finish at once); waits for signals being handled (process shutdown).
   */
  close(): Promise<void>;
}
