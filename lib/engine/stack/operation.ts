/**
 * One running operation on one stack: its in-memory copy of the stack and resource records, its
 * abort signal, and the only way lifecycle code changes state. Each change is committed to the store
 * together with its event BEFORE the caller moves on; the event is then published to the sink.
 */
import { EngineError } from "../errors";
import { initResourceRecord } from "./records";
import type { CompiledResource, CompiledStack } from "../template/types";
import type { ResourcePlugin } from "../resources/types";
import { type EngineCore, isoNow, newId } from "./core";
import type { Action, EventRecord, ResourceRecord, StackRecord, Status, StoreChange } from "../ports";
import { providerPlugin } from "./provider";

/** Why an operation was aborted. */
export interface AbortCause {
  kind: "cancel" | "timeout" | "shutdown" | "lock-lost" | "parent";
  message: string;
  rollback: boolean;
}

/** The reason an aborted operation's signal carries: its cause, so nested operations can follow it. */
export class OperationAborted extends Error {
  constructor(readonly abortCause: AbortCause) {
    super(abortCause.message);
    this.name = "OperationAborted";
  }
}

/**
 * The cause a nested operation takes on when its parent's signal aborts: a parent that lost its lease
 * leaves its child to the engine that has the lease too (the child writes nothing more either);
 * anything else aborts the child as "parent".
 */
export function causeFromParent(reason: unknown): AbortCause {
  if (reason instanceof OperationAborted && reason.abortCause.kind === "lock-lost") return reason.abortCause;
  return { kind: "parent", message: "The parent stack operation was aborted", rollback: false };
}

/** What an event says; the operation adds the stack and the time. */
type EventFields = Pick<EventRecord, "resourceName" | "physicalResourceId" | "resourceType" | "isStackEvent" | "action" | "status" | "reason">;

/** An operation's state; lifecycle modules receive one. */
export class Operation {
  private controller = new AbortController();
  /** Current copies of resources, by logical name. */
  readonly records = new Map<string, ResourceRecord>();
  /** Replaced old copies and removed resources still waiting to be deleted. */
  retired: ResourceRecord[] = [];
  compiled: CompiledStack | undefined;
  /** Values of get_attr with arguments (attributeAt): record id -> JSON [attribute, ...path] -> value; not persisted. */
  readonly attributeCache = new Map<string, Map<string, unknown>>();
  cause: AbortCause | undefined;
  /** Called after each state change is stored (startOperation returns once the first one is). */
  onStored: (() => void) | undefined;
  /**
   * When the stack's current action began (ms on the engine's clock): its first IN_PROGRESS, or, for
   * an operation taken over, the one recorded in its events (resume.ts). The stack timeout counts from it.
   */
  actionStartedAt: number | undefined;

  private constructor(
    readonly core: EngineCore,
    public stack: StackRecord,
    /** A read-only operation (attribute reads outside any operation) never writes to the store. */
    readonly readOnly: boolean,
  ) {}

  /** Loads the stack's resources into a new operation. */
  static async load(core: EngineCore, stack: StackRecord, readOnly = false): Promise<Operation> {
    const op = new Operation(core, stack, readOnly);
    for (const r of await core.store.listResources(stack.id)) {
      if (r.replacedBy) op.retired.push(r);
      else op.records.set(r.name, r);
    }
    return op;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /**
   * Starts a new phase after a cancelled one (rollback after cancel_update): a fresh signal.
   * Returns false when the cause forbids any further work (shutdown, lost lock, parent aborted).
   */
  private restart(): boolean {
    if (this.cause && this.cause.kind !== "cancel") return false;
    if (this.controller.signal.aborted) this.controller = new AbortController();
    this.cause = undefined;
    return true;
  }

  /**
   * Whether a failed phase rolls back: a failure or timeout does unless rollback is disabled; a cancel
   * does when it asked to (Heat's cancel_update rolls back even with rollback disabled); a shutdown,
   * lost lock or aborted parent never does. Prepares a fresh signal when it does.
   */
  shouldRollback(): boolean {
    const wanted = this.cause ? this.cause.kind === "cancel" && this.cause.rollback : !this.stack.disableRollback;
    return wanted && this.restart();
  }

  /** Aborts the operation once; the first cause wins. */
  abort(cause: AbortCause): void {
    if (this.cause) return;
    this.cause = cause;
    this.controller.abort(new OperationAborted(cause));
  }

  /** The plugin for a compiled resource: the registry's, or a provider-template one. */
  pluginFor(res: Pick<CompiledResource, "name" | "type" | "provider">): ResourcePlugin {
    const plugin = this.core.registry.get(res.type);
    if (plugin) return plugin;
    if (res.provider) {
      const source = { ...res.provider, files: this.stack.files };
      return providerPlugin(res.type, source);
    }
    throw new EngineError("NotFound", `The Resource Type (${res.type}) could not be found.`);
  }

  /** The plugin for a stored record (provider-backed types resolve through the compiled stack). */
  pluginOf(rec: ResourceRecord): ResourcePlugin {
    const compiled = this.compiled?.resources[rec.name];
    if (compiled && compiled.type === rec.type) return this.pluginFor(compiled);
    return this.core.registry.get(rec.type) ?? providerPlugin(rec.type);
  }

  /** Drops every cached attribute of `rec` (after an in-place update changed it). */
  forgetAttributes(rec: ResourceRecord): void {
    rec.attributes = {};
    this.attributeCache.delete(rec.id);
  }

  /** A fresh INIT record for a compiled resource (not yet saved). */
  newRecord(res: CompiledResource): ResourceRecord {
    return initResourceRecord({ id: newId(), stackId: this.stack.id, name: res.name, type: res.type, region: res.region, createdAt: isoNow(this.core) });
  }


  /**
   * What is left of the stack timeout for the current action (ms, 0 once it has passed), counted from
   * its start; undefined when the stack has no timeout.
   */
  timeLeftMs(): number | undefined {
    const mins = this.stack.timeoutMins;
    if (!mins) return undefined;
    const now = this.core.clock.now();
    return Math.max(0, mins * 60_000 - (now - (this.actionStartedAt ?? now)));
  }

  /**
   * Moves the stack to a new state: the patch and its event stored as one unit. An IN_PROGRESS of an
   * action the stack is not already running starts that action (its timeout counts from here).
   */
  async setStack(action: Action, status: Status, reason: string, patch: Partial<StackRecord> = {}): Promise<void> {
    const now = isoNow(this.core);
    const change: Partial<StackRecord> = { ...patch, action, status, statusReason: reason, updatedAt: now };
    // every operation (and rollback phase) moves the generation on, so a concurrent writer is detectable
    if (status === "IN_PROGRESS") change.generation = this.stack.generation + 1;
    const starts = status === "IN_PROGRESS" && !(this.stack.status === "IN_PROGRESS" && this.stack.action === action);
    const event: EventFields = { resourceName: this.stack.name, physicalResourceId: this.stack.id, resourceType: "OS::Heat::Stack", isStackEvent: true, action, status, reason };
    await this.commitWithEvent({ stack: { id: this.stack.id, patch: change } }, event);
    this.stack = { ...this.stack, ...change };
    if (starts) this.actionStartedAt = Date.parse(now);
  }

  /** Moves a resource to a new state: the record and its event stored as one unit. */
  async setResource(rec: ResourceRecord, action: Action, status: Status, reason: string): Promise<void> {
    this.stamp(rec, action, status, reason);
    await this.commitWithEvent({ resources: [rec] }, this.eventAbout(rec, action, status, reason));
  }

  /**
   * Completes a resource's last action (a delete) and drops its record, as one unit: its COMPLETE
   * event and the record's removal are stored together, so no DELETE_COMPLETE record is left between.
   */
  async dropResource(rec: ResourceRecord, action: Action, reason: string): Promise<void> {
    this.stamp(rec, action, "COMPLETE", reason);
    await this.commitWithEvent({ deletedResources: [rec.id] }, this.eventAbout(rec, action, "COMPLETE", reason));
  }

  private stamp(rec: ResourceRecord, action: Action, status: Status, reason: string): void {
    rec.action = action;
    rec.status = status;
    rec.statusReason = reason;
    rec.updatedAt = isoNow(this.core);
  }

  /** Appends an event about a resource without changing its state (signals, progress notes). */
  resourceEvent(rec: ResourceRecord, action: Action, status: Status, reason: string): Promise<void> {
    return this.commitWithEvent({}, this.eventAbout(rec, action, status, reason));
  }

  private eventAbout(rec: ResourceRecord, action: Action, status: Status, reason: string): EventFields {
    return { resourceName: rec.name, physicalResourceId: rec.physicalId, resourceType: rec.type, isStackEvent: false, action, status, reason };
  }

  /**
   * Stores `change` and its event as one unit, then publishes the event. An operation stopped because
   * its engine lost the lease, or is closing, writes nothing more: the stack stays as recorded
   * (IN_PROGRESS) for the engine that has the lease, or for a peer's recovery sweep to take over.
   */
  private async commitWithEvent(change: StoreChange, e: EventFields): Promise<void> {
    if (this.cause && (this.cause.kind === "lock-lost" || this.core.closed)) {
      throw new EngineError("Conflict", `Stack ${this.stack.name} is left to another engine: ${this.cause.message}`);
    }
    const [stored] = await this.core.store.commit({ ...change, events: [{ ...e, stackId: this.stack.id, stackName: this.stack.name, time: isoNow(this.core) }] });
    this.onStored?.();
    this.core.sink?.publish(stored);
  }
}
