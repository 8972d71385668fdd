/**
 * Recovery after a crash: every stack left IN_PROGRESS whose lock has expired (or that has no lock)
 * is failed cleanly, as Heat does when an engine restarts: resources that were IN_PROGRESS become
 * FAILED ("Engine went down during resource CREATE"), then the stack ("Engine went down during stack
 * CREATE"), unless a resource had already failed in that action: then the stack keeps that recorded
 * reason ("Resource CREATE failed: ..."). A later update or delete carries on from there.
 */
import type { EngineCore } from "./core";
import { stackFailureReason } from "./failure";
import { Operation } from "./operation";
import type { StackRecord } from "../ports";

async function failInterrupted(core: EngineCore, stack: StackRecord): Promise<void> {
  const op = await Operation.load(core, stack);
  const records = [...op.records.values(), ...op.retired];
  // a resource that had already failed in this action is why the stack fails: its recorded reason is
  // kept, as the crashed engine would have reported it, rather than replaced by "Engine went down"
  const failedFirst = records.find((rec) => rec.action === stack.action && rec.status === "FAILED" && rec.statusReason);
  for (const rec of records) {
    if (rec.status === "IN_PROGRESS") await op.setResource(rec, rec.action, "FAILED", `Engine went down during resource ${rec.action}`);
  }
  const reason = failedFirst ? stackFailureReason(stack.action, failedFirst.statusReason) : `Engine went down during stack ${stack.action}`;
  await op.setStack(stack.action, "FAILED", reason);
}

/** Fails every abandoned IN_PROGRESS stack; returns their ids. */
export async function recoverStacks(core: EngineCore): Promise<string[]> {
  const now = core.clock.now();
  const stacks = await core.store.listStacks({ includeNested: true });
  const handled: string[] = [];
  for (const stack of stacks) {
    if (stack.status !== "IN_PROGRESS" || core.running.has(stack.id)) continue;
    const lock = await core.store.getLock(stack.id);
    if (lock && lock.expiresAt > now) continue;
    if (!(await core.store.acquireLock(stack.id, core.owner, core.lockTtlMs))) continue;
    try {
      await failInterrupted(core, stack);
      handled.push(stack.id);
    } finally {
      await core.store.releaseLock(stack.id, core.owner);
    }
  }
  return handled;
}
