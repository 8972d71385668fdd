/**
 * The store port: stacks, resources, events and locks. lib/store implements it (Prisma),
 * lib/engine/testing fakes it (memory).
 * Every state change is written through these before the engine moves on, so another engine
 * process can resume or fail an interrupted operation.
 */

/** Heat's stack and resource actions. */
export type Action =
  | "INIT"
  | "CREATE"
  | "UPDATE"
  | "DELETE"
  | "ROLLBACK"
  | "SUSPEND"
  | "RESUME"
  | "CHECK"
  | "ADOPT"
  | "SIGNAL";

/** Heat's statuses. */
export type Status = "IN_PROGRESS" | "COMPLETE" | "FAILED";

/** A stack as stored. */
export interface StackRecord {
  id: string;
  name: string;
  projectId: string;
  /** Owner stack for nested stacks (OS::Heat::Stack, groups, provider templates). */
  parentId: string | null;
  /** The owning resource's logical name in the parent. */
  parentResource: string | null;
  /** Default region of the stack's resources. */
  region: string;
  action: Action;
  status: Status;
  statusReason: string;
  /** The last template, environments, files and parameters applied (for update --existing, rollback). */
  template: string;
  templateName: string | null;
  environments: { name: string; text: string }[];
  files: Record<string, string>;
  parameters: Record<string, unknown>;
  /** Previous definition kept for rollback of an update. */
  previous: { template: string; templateName: string | null; environments: { name: string; text: string }[]; files: Record<string, string>; parameters: Record<string, unknown> } | null;
  disableRollback: boolean;
  timeoutMins: number | null;
  tags: string[];
  /** Increases on every operation; used to detect a concurrent writer (split brain). */
  generation: number;
  createdAt: string;
  updatedAt: string | null;
  deletedAt: string | null;
}

/** A resource as stored. Names are unique per stack, except a replaced resource kept until cleanup. */
export interface ResourceRecord {
  id: string;
  stackId: string;
  name: string;
  type: string;
  region: string;
  physicalId: string | null;
  action: Action;
  status: Status;
  statusReason: string;
  /** Resolved properties last applied (for update diffs). */
  properties: Record<string, unknown>;
  /** Cached attribute values captured after create/update (what get_attr reads). */
  attributes: Record<string, unknown>;
  /** Plugin-owned key/value data. */
  data: Record<string, string>;
  /** Nested stack id for OS::Heat::Stack, groups and provider templates. */
  nestedStackId: string | null;
  /** Set by mark-unhealthy: the next update replaces the resource. */
  unhealthy: boolean;
  /** Set on the old copy during a replacement: the id of its successor. */
  replacedBy: string | null;
  createdAt: string;
  updatedAt: string | null;
}

/** An event: one state transition of a stack or a resource. */
export interface EventRecord {
  id: string;
  /** Monotonic per store; SSE resumes from the last seen sequence number. */
  seq: number;
  stackId: string;
  stackName: string;
  /** Logical resource name; the stack's own name for stack-level events (as Heat does). */
  resourceName: string;
  physicalResourceId: string | null;
  resourceType: string;
  /** true for the stack's own transitions. */
  isStackEvent: boolean;
  action: Action;
  status: Status;
  reason: string;
  time: string;
}

/** A lease on a stack: one engine operates a stack at a time. */
export interface StackLock {
  stackId: string;
  owner: string;
  expiresAt: number;
}

/** Query for listing stacks. */
export interface StackFilter {
  projectId?: string;
  name?: string;
  status?: string;
  includeNested?: boolean;
  includeDeleted?: boolean;
  parentId?: string;
  /** Only stacks holding a resource (of any state) of one of these types: the HA monitor's watch list, an indexed query. */
  resourceTypes?: readonly string[];
}

/**
 * One unit of writes, applied all or nothing in this order: the stack patch (refused with NotFound
 * when the stack is gone), the resource records (insert or replace by id), the deletions, then the
 * events. A state change and the event that records it travel as one unit, so both are durable together.
 */
export interface StoreChange {
  stack?: { id: string; patch: Partial<StackRecord> };
  resources?: ResourceRecord[];
  deletedResources?: string[];
  events?: Omit<EventRecord, "id" | "seq">[];
}

/** Persistence port. Writes are durable when the promise resolves. */
export interface StackStore {
  /**
   * Applies a unit of writes atomically; resolves (durable) with its events as stored. Units
   * committed concurrently may share one database transaction: that is how a scheduler step's
   * changes reach the database in one batch.
   */
  commit(change: StoreChange): Promise<EventRecord[]>;
  createStack(record: StackRecord): Promise<void>;
  getStack(id: string): Promise<StackRecord | undefined>;
  /** Finds a live (not deleted) top-level or nested stack by name within a project. */
  findStackByName(projectId: string, name: string): Promise<StackRecord | undefined>;
  listStacks(filter: StackFilter): Promise<StackRecord[]>;
  updateStack(id: string, patch: Partial<StackRecord>): Promise<void>;
  /** Removes the stack, its resources and its events. */
  purgeStack(id: string): Promise<void>;

  listResources(stackId: string): Promise<ResourceRecord[]>;
  /** Inserts or replaces by `id`. */
  saveResource(record: ResourceRecord): Promise<void>;
  deleteResource(id: string): Promise<void>;

  /** Appends an event and returns it with its id and sequence number. */
  appendEvent(event: Omit<EventRecord, "id" | "seq">): Promise<EventRecord>;
  /** Events of a stack after a sequence number, in order. */
  listEvents(stackId: string, afterSeq?: number, limit?: number): Promise<EventRecord[]>;

  /** Takes the lock if free or expired; returns false if another owner holds it. */
  acquireLock(stackId: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Extends a held lock; false if the caller lost it. */
  renewLock(stackId: string, owner: string, ttlMs: number): Promise<boolean>;
  releaseLock(stackId: string, owner: string): Promise<void>;
  getLock(stackId: string): Promise<StackLock | undefined>;
  /** Locks whose expiry has passed (their stacks need recovery). */
  expiredLocks(now: number): Promise<StackLock[]>;
}

/** Notified after each event is stored (feeds SSE streams and the CLI's --wait). */
export interface EventSink {
  publish(event: EventRecord): void;
}
