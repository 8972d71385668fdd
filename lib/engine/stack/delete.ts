/**
 * Stack delete: resources in reverse dependency order (current and retired copies); Retain keeps the
 * physical resource; a resource never created is just dropped. DELETE_COMPLETE marks the stack
 * deleted (hidden from listings, as `openstack stack list` does); DELETE_FAILED can be retried.
 * An operation still running in this engine (create, update...) is cancelled first, as Heat allows.
 */
import type { OperationHandle } from "./api";
import { type EngineCore, isoNow } from "./core";
import { compileStored } from "./definition";
import { liveStack } from "./load";
import type { Operation } from "./operation";
import { startOperation, type StartOptions } from "./run";
import { allRecords, deleteRecords } from "./teardown";

/** Starts deleting a stack. */
export async function deleteStack(core: EngineCore, stackId: string, options: StartOptions = {}): Promise<OperationHandle> {
  let stack = await liveStack(core, stackId);
  const running = core.running.get(stackId);
  if (running && stack.action !== "DELETE") {
    running.cancel(`Stack ${stack.action} cancelled: the stack is being deleted`, false);
    await running.finished;
    stack = await liveStack(core, stackId);
  }
  const { done } = await startOperation(core, stack, runDelete, options);
  return { stackId, done };
}

async function runDelete(op: Operation): Promise<void> {
  await op.setStack("DELETE", "IN_PROGRESS", "Stack DELETE started");
  await continueDelete(op);
}

/**
 * Deletes every resource the stack still records and marks it deleted. Used by a delete, and by an
 * engine taking over one a crashed engine left IN_PROGRESS: a resource already gone has no record
 * left, one half deleted runs its delete hooks again (the cloud's NotFound is "already gone").
 */
export async function continueDelete(op: Operation): Promise<void> {
  op.compiled = compileStored(op.core, op.stack);
  const previous = op.stack.previous ? compileStored(op.core, op.stack, op.stack.previous) : undefined;
  const failure = await deleteRecords(op, allRecords(op), "DELETE", op.compiled, previous);
  if (failure) return op.setStack("DELETE", "FAILED", failure);
  await op.setStack("DELETE", "COMPLETE", "Stack DELETE completed successfully", { deletedAt: isoNow(op.core) });
  op.core.compiled.delete(op.stack.id);
}
