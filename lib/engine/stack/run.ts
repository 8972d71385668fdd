/**
 * Running an operation under the stack lock: refuse a busy stack, take the lease (owner + expiry),
 * renew it while the work runs, release it at the end. The returned promise never rejects.
 */
import { busyStack, EngineError } from "../errors";
import type { EngineCore, RunningOperation } from "./core";
import { causeFromParent, Operation } from "./operation";
import type { StackRecord } from "../ports";

/** Options of startOperation. */
export interface StartOptions {
  /** The parent operation's signal, for nested stacks: aborting it aborts this operation too. */
  parentSignal?: AbortSignal;
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

/** How long a new operation waits for a holder that has already stored its stack's final state. */
const SETTLE_LIMIT_MS = 5_000;

/**
 * Whether the lock's holder has stored a final state (COMPLETE or FAILED after its own IN_PROGRESS)
 * and only has its lock left to release. A client that saw that state may act on it at once (as
 * with Heat), so such a holder is waited for instead of being answered "busy". A holder still
 * starting (no IN_PROGRESS of its own stored yet) or working is busy.
 */
async function settling(core: EngineCore, stackId: string, local: RunningOperation | undefined): Promise<boolean> {
  const stored = await core.store.getStack(stackId);
  if (!stored || stored.status === "IN_PROGRESS") return false;
  return local === undefined || stored.generation > local.startGeneration;
}

/** When a wait for a settling holder that starts now must give up. */
export function settleDeadline(core: EngineCore): number {
  return core.clock.now() + Math.min(SETTLE_LIMIT_MS, core.lockTtlMs);
}

/**
 * One short pause while the stack's lock holder (`local`, this engine's operation, or another
 * engine's) is settling; false, without pausing, when the holder is busy or the deadline has passed.
 */
export async function pauseWhileSettling(core: EngineCore, stackId: string, local: RunningOperation | undefined, deadline: number): Promise<boolean> {
  if (core.clock.now() >= deadline || !(await settling(core, stackId, local))) return false;
  const stop = new AbortController();
  const pause = core.clock.sleep(core.pollIntervalMs, stop.signal).catch(() => undefined);
  await (local ? Promise.race([local.finished, pause]) : pause);
  stop.abort();
  return true;
}

/**
 * Takes the stack's lease for this engine, waiting (bounded) for a holder that is settling; throws
 * Conflict when the stack is busy. Sound across engines: the lease is only ever taken through the
 * store's conditional acquireLock.
 */
async function takeLock(core: EngineCore, stack: StackRecord): Promise<void> {
  const deadline = settleDeadline(core);
  for (;;) {
    const local = core.running.get(stack.id);
    // the same owner may take its own lease again: an operation of this engine that started meanwhile is a holder too
    if (!local && (await core.store.acquireLock(stack.id, core.owner, core.lockTtlMs)) && !core.running.has(stack.id)) return;
    const holder = local ? core.owner : ((await core.store.getLock(stack.id))?.owner ?? "another engine");
    if (!(await pauseWhileSettling(core, stack.id, local, deadline))) throw busyStack(stack, holder);
  }
}

/**
 * Takes the stack's lock and runs `body` on a new Operation; throws Conflict if the stack is busy
 * (after waiting for a holder that is only settling, see takeLock). Returns once the operation has
 * stored its first state change (or ended). `done` resolves (never rejects) with the stored stack once the work has ended and the lock
 * is released.
 */
export async function startOperation(
  core: EngineCore,
  stack: StackRecord,
  body: (op: Operation) => Promise<void>,
  options: StartOptions = {},
): Promise<{ done: Promise<StackRecord> }> {
  if (core.closed) throw new EngineError("Conflict", "The engine is shutting down");
  await takeLock(core, stack);
  if (core.running.has(stack.id)) throw busyStack(stack, core.owner);
  let op: Operation | undefined;
  const early: { message: string; rollback: boolean }[] = [];
  const entry: RunningOperation = {
    stackId: stack.id,
    startGeneration: stack.generation,
    cancel: (message, rollback) => (op ? op.abort({ kind: "cancel", message, rollback }) : early.push({ message, rollback })),
    operation: () => op,
    finished: Promise.resolve(),
  };
  core.running.set(stack.id, entry);
  // as Heat's create returns a stack already CREATE_IN_PROGRESS: the caller gets control back once the
  // operation has stored its first state change (or ended), never while the stack still shows its old state
  let recorded!: () => void;
  const started = new Promise<void>((resolve) => (recorded = resolve));
  const done = (async () => {
    const stopRenewing = new AbortController();
    const parent = options.parentSignal;
    const onParent = () => op?.abort(causeFromParent(parent?.reason));
    try {
      op = await Operation.load(core, stack);
      op.onStored = recorded;
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
      // the lease goes first: a new operation of this engine waits for this entry, so it cannot take the
      // lease (the same owner may) and then lose it to this late release
      await core.store.releaseLock(stack.id, core.owner).catch(() => undefined);
      core.running.delete(stack.id);
      recorded();
    }
    return (await core.store.getStack(stack.id).catch(() => undefined)) ?? op?.stack ?? stack;
  })();
  entry.finished = done;
  await started;
  return { done };
}
