/**
 * Stack update (and the rollback of a failed one): converge the stack's resources onto a target
 * definition. Forward over the target's graph: new -> create, changed -> in place or replace (create
 * the new copy first unless the type says otherwise), unchanged -> nothing, no event. Then, in reverse
 * order, delete removed resources and replaced copies. A rollback converges back onto the previous
 * definition, swapping a replaced copy back in where the old one still exists.
 */
import { EngineError } from "../errors";
import type { CompiledResource, CompiledStack, StackInput } from "../template/types";
import type { OperationHandle, UpdateOptions } from "./api";
import type { EngineCore } from "./core";
import { compileOrThrow, compileStored, type Definition, storedDefinition, updatedDefinition } from "./definition";
import { checkNestedUpdate } from "./limits";
import { liveStack } from "./load";
import type { Operation } from "./operation";
import type { Action } from "../ports";
import { createResource, deleteResource, failResource, resolvedProperties, updateResource, wasStarted } from "./resource-ops";
import { startOperation, type StartOptions } from "./run";
import { graphOf, walkStack } from "./stack-walk";
import { prepareForReplace, restoreAfterFailedReplace } from "./replace-hooks";
import { deleteRecords } from "./teardown";
import { checkImmutableParameters } from "./parameters";
import { checkTimeout } from "./options";
import { decideUpdate, mustReplace, type UpdateDecision } from "./update-diff";

/** Validates the new definition and starts the update. */
export async function updateStack(core: EngineCore, stackId: string, input: Partial<StackInput>, options: UpdateOptions = {}, start: StartOptions = {}): Promise<OperationHandle> {
  checkTimeout(options.timeoutMins);
  const stack = await liveStack(core, stackId);
  if (stack.action === "DELETE") throw new EngineError("BadRequest", `Updating a stack when it is deleting (${stack.action}_${stack.status})`);
  const def = updatedDefinition(stack, input, options.existing === true);
  const target = compileOrThrow(core, def, stack);
  const current = compileStored(core, stack);
  checkImmutableParameters(current, target);
  await checkNestedUpdate(core, stack, Object.keys(target.resources).length);
  const disableRollback = options.enableRollback === undefined ? stack.disableRollback : !options.enableRollback;
  const timeoutMins = options.timeoutMins ?? stack.timeoutMins;
  const { done } = await startOperation(
    core,
    stack,
    async (op) => {
      const previous = storedDefinition(op.stack);
      await op.setStack("UPDATE", "IN_PROGRESS", "Stack UPDATE started", {
        ...def,
        previous,
        disableRollback,
        timeoutMins,
      });
      await continueUpdate(op, target, current, previous);
    },
    start,
  );
  return { stackId, done };
}

/**
 * Converges onto `target` (the stored new definition), completing the update, or failing it and
 * rolling back onto `previous` when enabled. Used by an update, and by an engine taking over one a
 * crashed engine left IN_PROGRESS: what the first run finished is unchanged and gets no event, a
 * half-done resource is continued with its recorded attempt, a half-done replacement is finished.
 */
export async function continueUpdate(op: Operation, target: CompiledStack, current: CompiledStack | undefined, previous: Definition): Promise<void> {
  const failure = await converge(op, target, current, "UPDATE", false);
  if (!failure) return op.setStack("UPDATE", "COMPLETE", "Stack UPDATE completed successfully");
  await op.setStack("UPDATE", "FAILED", failure);
  if (!op.shouldRollback()) return;
  await op.setStack("ROLLBACK", "IN_PROGRESS", "Stack ROLLBACK started");
  await continueUpdateRollback(op, current ?? compileStored(op.core, op.stack, previous), target, previous);
}

/** Converges back onto `back` (the previous definition, compiled) from `left`, the definition being left. */
export async function continueUpdateRollback(op: Operation, back: CompiledStack | undefined, left: CompiledStack | undefined, previous: Definition): Promise<void> {
  if (!back) return op.setStack("ROLLBACK", "FAILED", "The previous template no longer compiles");
  const rollbackFailure = await converge(op, back, left, "ROLLBACK", true);
  if (rollbackFailure) return op.setStack("ROLLBACK", "FAILED", rollbackFailure);
  await op.setStack("ROLLBACK", "COMPLETE", "Stack ROLLBACK completed successfully", previous);
}

/** Converges onto `target`; `other` is the definition being left (for cleanup order and policies). */
async function converge(op: Operation, target: CompiledStack, other: CompiledStack | undefined, action: Action, rollback: boolean): Promise<string | undefined> {
  op.compiled = target;
  const failure = await walkStack(op, graphOf(target), action, (name, signal) => convergeResource(op, target.resources[name], signal, rollback));
  if (failure) return failure;
  for (const rec of [...op.records.values()]) {
    if (target.resources[rec.name]) continue;
    op.records.delete(rec.name);
    op.retired.push(rec);
  }
  const doomed = [...op.retired];
  if (doomed.length === 0) return undefined;
  return deleteRecords(op, doomed, action, other, target);
}

async function convergeResource(op: Operation, res: CompiledResource, signal: AbortSignal, rollback: boolean): Promise<void> {
  const cur = op.records.get(res.name);
  // a create a crashed engine left IN_PROGRESS is continued on the same record (and attempt)
  if (!cur || !wasStarted(cur) || (cur.action === "CREATE" && cur.status === "IN_PROGRESS")) return createResource(op, res, cur ?? op.newRecord(res), signal);
  const plugin = op.pluginFor(res);
  let decision: UpdateDecision = { kind: "replace" };
  if (!mustReplace(cur, res.type)) {
    try {
      decision = decideUpdate(cur, plugin, await resolvedProperties(op, res.name, plugin, signal));
    } catch (error) {
      throw await failResource(op, cur, "UPDATE", error, signal);
    }
  }
  // the current copy is what the target wants (after a rollback that was taken over, the copy swapped back)
  if (decision.kind === "none") return;
  if (rollback && (await swapBack(op, res.name, signal))) return;
  if (decision.kind === "update") return updateResource(op, cur, plugin, decision.change, signal);
  return replace(op, res, signal);
}

/**
 * Rollback of a replacement: the old copy, still there, becomes current again; the new one is retired.
 * Only asked while the current copy is not what the previous definition wants, so a rollback taken
 * over after its swap was stored does not swap the copies a second time. The old copy takes back what
 * it freed for its replacement before the swap is stored, so a take-over before the swap restores again.
 */
async function swapBack(op: Operation, name: string, signal: AbortSignal): Promise<boolean> {
  const cur = op.records.get(name)!;
  const old = op.retired.find((r) => r.name === name && r.replacedBy === cur.id && r.status === "COMPLETE");
  if (!old) return false;
  await restoreAfterFailedReplace(op, old, cur, signal);
  old.replacedBy = null;
  cur.replacedBy = old.id;
  op.retired = [...op.retired.filter((r) => r !== old), cur];
  op.records.set(name, old);
  await op.core.store.saveResource(cur);
  await op.core.store.saveResource(old);
  return true;
}

/**
 * Replaces a resource: make-before-break by default (the old copy first frees what the new one must
 * take, before it is marked replaced, so a take-over of a crash in between prepares again), or
 * break-before-make if the plugin asks.
 */
async function replace(op: Operation, res: CompiledResource, signal: AbortSignal): Promise<void> {
  const old = op.records.get(res.name)!;
  const fresh = op.newRecord(res);
  if (op.pluginFor(res).replaceCreateFirst === false) {
    await deleteResource(op, old, res.deletionPolicy, signal);
  } else {
    await prepareForReplace(op, old, signal);
    old.replacedBy = fresh.id;
    await op.core.store.saveResource(old);
    op.retired.push(old);
  }
  await createResource(op, res, fresh, signal);
}
