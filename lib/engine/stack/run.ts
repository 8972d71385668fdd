/**
 * Running an operation under the stack lock: refuse a busy stack, take the lease (owner + expiry),
 * renew it while the work runs, release it at the end. The returned promise never rejects.
 */
import { conflict, EngineError } from "../errors";
import type { EngineCore, RunningOperation } from "./core";
import { Operation } from "./operation";
import type { StackRecord } from "./ports";

/** Options of startOperation. */
export interface StartOptions {
  /** The parent operation's signal, for nested stacks: aborting it aborts this operation too. */
  parentSignal?: AbortSignal;
}

function busy(stack: StackRecord, owner: string): EngineError {
  return conflict(`Stack ${stack.name} is busy: ${stack.action} IN_PROGRESS by ${owner}`);
}

/** Renews the lock every third of its lifetime; a lost lock aborts the operation. */
async function keepLock(core: EngineCore, op: Operation, stop: AbortSignal): Promise<void> {
  const every = Math.max(1, Math.floor(core.lockTtlMs / 3));
  try {
    for (;;) {
      await core.clock.sleep(every, stop);
      if (!(await core.store.renewLock(op.stack.id, core.owner, core.lockTtlMs))) {
        op.abort({ kind: "lock-lost", message: "Another engine took over the stack lock", rollback: false });
        return;
      }
    }
  } catch {
    // stopped: the operation ended (or the engine went away)
  }
}

/**
 * Takes the stack's lock and runs `body` on a new Operation; throws Conflict at once if the stack is
 * busy. `done` resolves (never rejects) with the stored stack once the work has ended and the lock
 * is released.
 */
export async function startOperation(
  core: EngineCore,
  stack: StackRecord,
  body: (op: Operation) => Promise<void>,
  options: StartOptions = {},
): Promise<{ done: Promise<StackRecord> }> {
  if (core.closed) throw new EngineError("Conflict", "The engine is shutting down");
  if (core.running.has(stack.id)) throw busy(stack, core.owner);
  if (!(await core.store.acquireLock(stack.id, core.owner, core.lockTtlMs))) {
    throw busy(stack, (await core.store.getLock(stack.id))?.owner ?? "another engine");
  }
  if (core.running.has(stack.id)) throw busy(stack, core.owner);
  let op: Operation | undefined;
  const early: { message: string; rollback: boolean }[] = [];
  const entry: RunningOperation = {
    stackId: stack.id,
    cancel: (message, rollback) => (op ? op.abort({ kind: "cancel", message, rollback }) : early.push({ message, rollback })),
    operation: () => op,
    finished: Promise.resolve(),
  };
  core.running.set(stack.id, entry);
  const done = (async () => {
    const stopRenewing = new AbortController();
    const parent = options.parentSignal;
    const onParent = () => op?.abort({ kind: "parent", message: "The parent stack operation was aborted", rollback: false });
    try {
      op = await Operation.load(core, stack);
      for (const c of early) op.abort({ kind: "cancel", ...c });
      if (parent?.aborted) onParent();
      parent?.addEventListener("abort", onParent, { once: true });
      void keepLock(core, op, stopRenewing.signal);
      await body(op);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      try {
        await op?.setStack(op.stack.action, "FAILED", `Internal error: ${message}`);
      } catch {
        // the store is unreachable (or the engine was halted): recovery will fail the stack
      }
    } finally {
      parent?.removeEventListener("abort", onParent);
      stopRenewing.abort();
      core.running.delete(stack.id);
      await core.store.releaseLock(stack.id, core.owner).catch(() => undefined);
    }
    return (await core.store.getStack(stack.id).catch(() => undefined)) ?? op?.stack ?? stack;
  })();
  entry.finished = done;
  return { done };
}
