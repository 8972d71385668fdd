/**
 * The contract between lib/services and its callers (app/ pages, server actions, route handlers,
 * the CLI). `getHearth()` in lib/services/index.ts returns one `Hearth` per process, wired from the
 * environment: SQLite (DATABASE_URL, default file:./data/hearth.db) + the simulated cloud.
 * Callers never touch Prisma, the store or the cloud directly.
 */
import type { Diagnostic } from "../engine/diagnostics";
import type { Identity } from "./identity";
import type { SavedTemplates } from "./templates";
import type { HaConsole } from "./ha/view";
import type { VolumeGuest } from "./volume-data";
import type { CreateOptions, OperationHandle, OutputQuery, PreviewResult, StackOutput, UpdateOptions, UpdatePreview, ValidateResult } from "../engine/stack/api";
import type { CloudObject, EventRecord, FloatingIp, Network, Port, RegionInfo, ResourceRecord, Server, StackRecord, Volume } from "../engine/ports";
import type { AbandonData } from "../engine/stack/abandon";
import type { OwnerOverride } from "../federation/ownership";
import type { Resolution } from "../federation/resolve";
import type { StackInput } from "../engine/template/types";

/** A stack as lists show it. */
export interface StackSummary {
  id: string;
  name: string;
  status: string; // e.g. CREATE_COMPLETE
  statusReason: string;
  regions: string[];
  createdAt: string;
  updatedAt: string | null;
  parentId: string | null;
  /** The stack that owns this one when it is a remote child (its tags record it), else null. */
  owner: StackOwner | null;
}

/** The owner of a remote child stack, as its tags record it (lib/federation/ownership.ts). */
export interface StackOwner {
  region: string;
  stackId: string;
  resource: string;
  generation: number;
  /** The owner is a stack of the child's own region. */
  local: boolean;
}

/** A stack with its resources and children (its outputs are computed on request: Hearth.outputs). */
export interface StackDetail {
  stack: StackRecord;
  resources: ResourceRecord[];
  /** Nested stacks owned by this stack's resources. */
  children: StackSummary[];
}

/** One resource of a stack's dependency graph, as compiled from its stored template. */
export interface TopologyResource {
  name: string;
  type: string;
  region: string;
  /** Resources this one waits for (get_resource, get_attr and depends_on). */
  dependsOn: string[];
}

/** A stack's dependency graph, for the console's topology view. */
export interface StackTopology {
  stackId: string;
  resources: TopologyResource[];
  /** Set when the stored template no longer compiles: the graph then has no edges. */
  error?: string;
}

/** Fault injection commands of the simulated cloud (`hearth cloud fault ...`). */
export type FaultCommand =
  | { kind: "fail-next"; region: string; operation: string; count: number; message?: string }
  | { kind: "crash-server"; serverId: string }
  | { kind: "hang-server"; serverId: string }
  | { kind: "recover-server"; serverId: string }
  | { kind: "region-offline"; region: string }
  | { kind: "region-online"; region: string }
  | { kind: "clear"; region?: string };

/** What the simulated cloud holds, for `hearth cloud ... list` and the console. */
export interface CloudInventory {
  regions: RegionInfo[];
  servers: Server[];
  volumes: Volume[];
  networks: Network[];
  ports: Port[];
  floatingIps: FloatingIp[];
  /** Placeholder objects (the cloud port's generic kind, lib/engine/ports/objects.ts). */
  objects: CloudObject[];
}

/**
 * The service facade. Stack arguments accept a name or an id. Every call is scoped to one project
 * (`projectId`): stacks of other projects are not found; `forProject` gives the same Hearth seen
 * from another project (the REST API uses the token's project).
 */
export interface Hearth {
  /** The project this view acts in. */
  readonly projectId: string;
  /** This Hearth scoped to another project (shares engine, store and cloud; close only the original). */
  forProject(projectId: string): Hearth;
  /** Users, projects, roles and tokens (the Keystone subset behind /identity/v3). */
  identity: Identity;
  validate(input: StackInput, options?: { region?: string; strict?: boolean }): Promise<ValidateResult>;
  preview(name: string, input: StackInput, options?: Partial<CreateOptions>): Promise<PreviewResult>;
  create(name: string, input: StackInput, options?: Partial<CreateOptions>): Promise<OperationHandle>;
  /** Refused (Conflict) for a stack with an owner unless `overrideOwner` (so are delete, abandon, cancel, suspend and resume). */
  update(stack: string, input: Partial<StackInput>, options?: UpdateOptions & OwnerOverride): Promise<OperationHandle>;
  /** What update would do to each resource (no change / in place / replace / create / delete); changes nothing. */
  previewUpdate(stack: string, input: Partial<StackInput>, options?: UpdateOptions): Promise<UpdatePreview>;
  delete(stack: string, options?: OwnerOverride): Promise<OperationHandle>;
  /** Heat's abandon data of a stack (stack export); changes nothing. */
  exportStack(stack: string): Promise<AbandonData>;
  /** Forgets a stack, leaving its cloud resources in place; its abandon data, for a later adopt (create with adoptData). */
  abandon(stack: string, options?: OwnerOverride): Promise<AbandonData>;
  /** Cancels a running create/update; an update is rolled back unless `rollback` is false (cancel_without_rollback). */
  cancel(stack: string, options?: { rollback?: boolean } & OwnerOverride): Promise<void>;
  check(stack: string): Promise<OperationHandle>;
  suspend(stack: string, options?: OwnerOverride): Promise<OperationHandle>;
  resume(stack: string, options?: OwnerOverride): Promise<OperationHandle>;
  /** Removes a stack's owner tags (hearth.owner.*): its owner detached it. Refused as update is without `overrideOwner`. */
  releaseOwner(stack: string, options?: OwnerOverride): Promise<void>;
  /** Resolves a diverged remote child of resource `resource` (lib/federation/resolve.ts); only in a region of a federation. */
  resolveDivergence(stack: string, resource: string, resolution: Resolution): Promise<void>;
  signal(stack: string, resource: string, details: unknown): Promise<void>;
  /**
   * Delivers the signal of a pre-signed URL (ScalingPolicy signal_url / alarm_url) after checking its
   * signature; throws a ServiceError with code "SignalUrlRefused" (lib/services/errors) for a forged or
   * malformed token. `readDetails` (the request body) is called only after the signature matched.
   */
  signalByToken(token: string, readDetails: () => Promise<unknown>): Promise<{ stackId: string; resource: string; action: string }>;
  markUnhealthy(stack: string, resource: string, unhealthy: boolean, reason?: string): Promise<void>;

  listStacks(filter?: { name?: string; status?: string; includeNested?: boolean }): Promise<StackSummary[]>;
  /** The project's stack records in one store read (what the Heat API's list filters, sorts and pages). */
  listStackRecords(filter?: { includeNested?: boolean }): Promise<StackRecord[]>;
  /** Throws EngineError("NotFound") for an unknown stack. */
  getStack(stack: string): Promise<StackDetail>;
  /** The stack's record alone, by name or id, reading none of its resources (a polled `stack show`); NotFound as getStack. */
  findStack(stack: string): Promise<StackRecord>;
  /**
   * A resource with its attributes read from the cloud now (never a cached copy); an attribute that
   * cannot be read (its region offline) is null, with the reason in `attributeErrors`.
   */
  getResource(stack: string, resource: string): Promise<{ resource: ResourceRecord; attributes: Record<string, unknown>; attributeErrors?: Record<string, string> }>;
  /**
   * A stack's outputs computed now from its resources' current attributes, as Heat computes them on
   * show (never a stored copy); each unresolvable output carries its error. See StackEngine.outputs.
   */
  outputs(stack: string, query?: OutputQuery): Promise<StackOutput[]>;
  /** A resource's metadata as Heat shows it (template `metadata` resolved, under what the resource set itself). */
  resourceMetadata(stack: string, resource: string): Promise<Record<string, unknown>>;
  /** A stack's events in sequence order; `nested` adds those of its nested stacks (as `subscribe` replays them). */
  listEvents(stack: string, options?: { afterSeq?: number; resource?: string; limit?: number; nested?: boolean }): Promise<EventRecord[]>;
  /** The sequence number of a stack's last stored event (0 when none): the cursor to follow an operation about to start from. */
  lastEventSeq(stack: string): Promise<number>;
  /** The dependency graph of a stack, from its stored template through the compiler. */
  topology(stack: string): Promise<StackTopology>;
  /**
   * Live events of one stack (and its nested stacks) as they are stored: first every stored event
   * after `afterSeq` (replay), then new ones. Returns an unsubscribe function.
   */
  subscribe(stackId: string, afterSeq: number, listener: (event: EventRecord) => void): Promise<() => void>;
  /** Stack-level events (status changes) of this project's stacks, nested ones included, from now on. Returns unsubscribe. */
  watchStacks(listener: (event: EventRecord) => void): Promise<() => void>;

  /** The cloud as this project sees it: its own objects and the shared ones (networks made at bootstrap, ...). */
  cloudInventory(region?: string): Promise<CloudInventory>;
  fault(command: FaultCommand): Promise<void>;
  /** Data on a simulated volume (through the server it is attached to). */
  volumeData(volumeId: string, key: string): Promise<string | undefined>;
  /** Volume data written and read through the server the volume is attached to, as a guest does (volume-data.ts). */
  volumeGuest: VolumeGuest;

  /** HA groups (FailoverPolicy + AutoScalingGroup): read model, fail over, drill, volume check (lib/services/ha/view.ts). */
  ha: HaConsole;

  /** Templates saved (and versioned) from the designer. */
  templates: SavedTemplates;

  /** Diagnostics-only helper for forms: parameter definitions of a template. */
  describeTemplate(input: StackInput): Promise<{ diagnostics: Diagnostic[]; result: ValidateResult }>;
  /** Stops engines and closes the database (tests, CLI exit). */
  close(): Promise<void>;
}
