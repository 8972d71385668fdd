/**
 * Recovery after a crash: every stack left IN_PROGRESS whose lock has expired (or that has no lock)
 * is failed cleanly, as Heat does when an engine restarts: resources that were IN_PROGRESS become
 * FAILED ("Engine went down during resource CREATE"), then the stack ("Engine went down during stack
 * CREATE"). A later update or delete carries on from there.
 */
import type { EngineCore } from "./core";
import { Operation } from "./operation";
import type { StackRecord } from "../ports";

async function failInterrupted(core: EngineCore, stack: StackRecord): Promise<void> {
  const op = await Operation.load(core, stack);
  for (const rec of [...op.records.values(), ...op.retired]) {
    if (rec.status === "IN_PROGRESS") await op.setResource(rec, rec.action, "FAILED", `Engine went down during resource ${rec.action}`);
  }
  await op.setStack(stack.action, "FAILED", `Engine went down during stack ${stack.action}`);
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
