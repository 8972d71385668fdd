/**
 * Taking over an operation a crashed engine left IN_PROGRESS, as Heat's convergence engine does: the
 * lease is taken with the store's conditional acquireLock (two peers never both take it), the
 * recorded state is loaded, and the recorded action is carried to its end under the normal run
 * machinery (lease renewal, events, timeouts), with a stack event saying who took over from whom:
 * - CREATE: resources CREATE_COMPLETE stay, IN_PROGRESS ones run their hooks again with their
 *   recorded attempt (the cloud answers a repeated client token with the first run's objects), INIT
 *   ones are created; then the stack completes, or fails (and rolls back when enabled).
 * - UPDATE: converges onto the stored new definition with the usual diff rules, finishing a
 *   half-done replacement; ROLLBACK converges back onto `previous` (of an update) or deletes
 *   everything (of a create, which has no `previous`); DELETE goes on deleting.
 * - SUSPEND, RESUME, CHECK: the resources that have not completed the action run it.
 * - a create or update that FAILED with rollback enabled, whose engine died before its rollback
 *   began (its lease is still there, expired): the rollback is run; a top-level stack stored but
 *   never started (INIT_COMPLETE for longer than a lease): the create is run.
 * - anything else (ADOPT, whose abandon data is not stored), a definition that no longer compiles:
 *   the stack fails with the reason, and a later update or delete converges it.
 * A child stack is taken over by its parent's resource (nested.ts waits for its lease here).
 */
import { ValidationError } from "../diagnostics";
import { busyStack } from "../errors";
import type { Action, StackRecord } from "../ports";
import type { OperationHandle } from "./api";
import type { EngineCore } from "./core";
import { continueCreate, continueCreateRollback } from "./create";
import { compileOrThrow, compileStored, storedDefinition } from "./definition";
import { continueDelete } from "./delete";
import type { Operation } from "./operation";
import { untilStackFree } from "./lease-wait";
import { startOperation, type StartOptions } from "./run";
import { continueStackAction } from "./stack-actions";
import { allRecords } from "./teardown";
import { continueUpdate, continueUpdateRollback } from "./update";

/**
 * Whether `stack` is work an engine abandoned (given that its lease has expired): IN_PROGRESS; a create
 * or update FAILED with rollback enabled, whose engine died before the rollback began; or a top-level
 * stack stored for a create that never started (INIT_COMPLETE for longer than a lease: its engine
 * died between storing it and starting the create).
 */
export function abandoned(core: EngineCore, stack: StackRecord): boolean {
  if (stack.deletedAt) return false;
  if (stack.status === "IN_PROGRESS") return true;
  if (stack.action === "INIT") return stack.parentId === null && Date.parse(stack.createdAt) + core.lockTtlMs <= core.clock.now();
  return stack.status === "FAILED" && !stack.disableRollback && (stack.action === "CREATE" || stack.action === "UPDATE");
}

/** The stack event of a take-over: "Engine engine-a went down; engine-b resumed stack CREATE". */
function takeOverReason(previousOwner: string | undefined, owner: string, action: Action): string {
  return `${previousOwner ? `Engine ${previousOwner}` : "An engine"} went down; ${owner} resumed stack ${action}`;
}

/**
 * Takes over `listed` (a stack seen abandoned) when its lease can be taken and the stack is still
 * abandoned once it is; undefined when another engine holds it or it has ended. Like any operation,
 * the continued one runs in the background: the handle's `done` settles when it has ended.
 */
export async function takeOver(core: EngineCore, listed: StackRecord, start: StartOptions = {}): Promise<OperationHandle | undefined> {
  if (core.closed || core.running.has(listed.id)) return undefined;
  const previousOwner = (await core.store.getLock(listed.id))?.owner;
  if (!(await core.store.acquireLock(listed.id, core.owner, core.lockTtlMs))) return undefined;
  let started = false;
  try {
    // read again under the lease: a peer may have finished the stack since it was listed
    const stack = await core.store.getStack(listed.id);
    if (!stack || !abandoned(core, stack)) return undefined;
    const { done } = await startOperation(core, stack, (op) => continueOperation(op, previousOwner), start);
    started = true;
    return { stackId: stack.id, done };
  } finally {
    if (!started && !core.running.has(listed.id)) await core.store.releaseLock(listed.id, core.owner).catch(() => undefined);
  }
}

/**
 * Takes over a child stack a crashed engine left IN_PROGRESS, for its parent's resource: waits (on the
 * engine's clock, at most twice the lease) for the dead engine's lease on it to expire, or a live
 * holder's to be released (lease-wait.ts), then carries its operation to its end; the child's final
 * record, or undefined when it was no longer in progress.
 */
export async function resumeChild(core: EngineCore, child: StackRecord, start: StartOptions, signal: AbortSignal): Promise<StackRecord | undefined> {
  await untilStackFree(core, child.id, core.clock.now() + 2 * core.lockTtlMs, signal);
  const lock = await core.store.getLock(child.id);
  if (lock && lock.expiresAt > core.clock.now()) throw busyStack(child, lock.owner);
  const handle = await takeOver(core, child, start);
  return handle?.done;
}

/**
 * Writes the take-over event, puts a crash's half-written records straight and continues the stack's
 * action (or starts its rollback, or the create that never started).
 */
async function continueOperation(op: Operation, previousOwner: string | undefined): Promise<void> {
  const stored = op.stack.action;
  const action = op.stack.status === "FAILED" ? "ROLLBACK" : stored === "INIT" ? "CREATE" : stored;
  // an action carried on keeps what is left of its timeout (a rollback or create that never began starts now)
  op.actionStartedAt = (await recordedStart(op)) ?? op.core.clock.now();
  await op.setStack(action, "IN_PROGRESS", takeOverReason(previousOwner, op.core.owner, action));
  await tidyRecords(op);
  let run: () => Promise<void>;
  try {
    run = continuation(op);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return failTakenOver(op, `its template no longer compiles: ${error.message}`);
  }
  await run();
}

/**
 * When the stack's action IN_PROGRESS began, from its events: the first of the stack events of that
 * action IN_PROGRESS that end its history (its start, then the take-overs since); undefined when
 * the stack is not in progress or has no such event.
 */
async function recordedStart(op: Operation): Promise<number | undefined> {
  const { stack } = op;
  if (stack.status !== "IN_PROGRESS") return undefined;
  const events = (await op.core.store.listEvents(stack.id)).filter((e) => e.isStackEvent);
  let start: string | undefined;
  for (let k = events.length - 1; k >= 0 && events[k].action === stack.action && events[k].status === "IN_PROGRESS"; k--) start = events[k].time;
  return start === undefined ? undefined : Date.parse(start);
}

/** What carries the stack's recorded action on (compiling its definitions first: a ValidationError when they no longer compile). */
function continuation(op: Operation): () => Promise<void> {
  const { core, stack } = op;
  const action = stack.action;
  const previous = stack.previous;
  if (action === "CREATE") {
    op.compiled = compileOrThrow(core, storedDefinition(stack), stack);
    return () => continueCreate(op);
  }
  if (action === "UPDATE" && previous) {
    const target = compileOrThrow(core, storedDefinition(stack), stack);
    return () => continueUpdate(op, target, compileStored(core, stack, previous), previous);
  }
  if (action === "ROLLBACK" && previous) return () => continueUpdateRollback(op, compileStored(core, stack, previous), compileStored(core, stack), previous);
  if (action === "ROLLBACK") {
    op.compiled = compileStored(core, stack);
    return () => continueCreateRollback(op);
  }
  if (action === "DELETE") return () => continueDelete(op);
  if (action === "SUSPEND" || action === "RESUME" || action === "CHECK") return () => continueStackAction(op, action, true);
  const why = action === "UPDATE" ? "the definition it was leaving is not recorded" : `a stack ${action} cannot be resumed`;
  return () => failTakenOver(op, why);
}

/**
 * Puts straight what a crash left between two writes: a record whose DELETE completed is dropped (its
 * resource is gone), and an old copy whose replacement was never stored is the current copy again.
 */
async function tidyRecords(op: Operation): Promise<void> {
  for (const rec of allRecords(op)) {
    if (rec.action !== "DELETE" || rec.status !== "COMPLETE") continue;
    await op.core.store.deleteResource(rec.id);
    if (op.records.get(rec.name) === rec) op.records.delete(rec.name);
    op.retired = op.retired.filter((r) => r !== rec);
  }
  const ids = new Set(allRecords(op).map((r) => r.id));
  for (const old of op.retired) {
    if (!old.replacedBy || ids.has(old.replacedBy) || op.records.has(old.name)) continue;
    old.replacedBy = null;
    await op.core.store.saveResource(old);
    op.records.set(old.name, old);
  }
  op.retired = op.retired.filter((r) => r.replacedBy);
}

/** Fails a stack that cannot be carried on: resources IN_PROGRESS fail, then the stack, with the reason. */
async function failTakenOver(op: Operation, why: string): Promise<void> {
  const action = op.stack.action;
  for (const rec of allRecords(op)) {
    if (rec.status === "IN_PROGRESS") await op.setResource(rec, rec.action, "FAILED", `Engine went down during resource ${rec.action}`);
  }
  await op.setStack(action, "FAILED", `Engine went down during stack ${action}; it cannot be resumed: ${why}`);
}
