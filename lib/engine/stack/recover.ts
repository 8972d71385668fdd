/**
 * The recovery sweep (StackEngine.recover), which every engine process runs from time to time: each
 * stack IN_PROGRESS whose lease has expired (or that has no lease) belonged to an engine that went
 * down, and this engine takes it over and completes it from the recorded state (resume.ts: CREATE,
 * UPDATE, DELETE, ROLLBACK, SUSPEND, RESUME, CHECK; where completing is impossible the stack fails
 * with the reason). Root stacks are taken over here; a child stack whose parent is in progress too is
 * taken over by the parent's resource when its hook runs again (nested.ts); an orphaned child (its
 * parent not in progress) on its own. A create or update that failed with rollback enabled and whose
 * engine died before the rollback began (its expired lease is still there) is rolled back. Cheap when
 * there is nothing to do: one listing of the stacks IN_PROGRESS, one lease read for each, and one
 * listing of the expired leases.
 */
import type { EngineCore } from "./core";
import { abandoned, takeOver } from "./resume";

/** Takes over every abandoned IN_PROGRESS stack and continues it in the background; returns their ids. */
export async function recoverStacks(core: EngineCore): Promise<string[]> {
  if (core.closed) return [];
  const stacks = await core.store.listStacks({ includeNested: true, status: "IN_PROGRESS" });
  const inProgress = new Set(stacks.map((s) => s.id));
  const taken: string[] = [];
  for (const stack of stacks) {
    if (stack.status !== "IN_PROGRESS" || core.running.has(stack.id)) continue;
    if (stack.parentId && inProgress.has(stack.parentId)) continue;
    const lock = await core.store.getLock(stack.id);
    if (lock && lock.expiresAt > core.clock.now()) continue;
    if (await takeOver(core, stack)) taken.push(stack.id);
  }
  // a lease left behind on a stack that is not in progress: its engine died between two writes; a
  // create or update that failed with rollback enabled still has its rollback to run
  for (const lock of await core.store.expiredLocks(core.clock.now())) {
    const stack = await core.store.getStack(lock.stackId);
    if (!stack || stack.status !== "FAILED" || !abandoned(stack) || core.running.has(stack.id)) continue;
    if (stack.parentId && inProgress.has(stack.parentId)) continue;
    if (await takeOver(core, stack)) taken.push(stack.id);
  }
  return taken;
}
