/**
 * The recovery sweep (StackEngine.recover), which every engine process runs from time to time: each
 * stack IN_PROGRESS whose lease has expired (or that has no lease) belonged to an engine that went
 * down, and this engine takes it over and completes it from the recorded state (resume.ts: CREATE,
 * UPDATE, DELETE, ROLLBACK, SUSPEND, RESUME, CHECK; where completing is impossible the stack fails
 * with the reason). Root stacks are taken over here; a child stack whose parent is in progress too is
 * taken over by the parent's resource when its hook runs again (nested.ts); an orphaned child (its
 * parent not in progress) on its own. A create or update that failed with rollback enabled and whose
 * engine died before the rollback began (its expired lease is still there) is rolled back, and a
 * top-level stack stored but never started (INIT_COMPLETE for longer than a lease) is created. Cheap
 * when there is nothing to do: a listing of the stacks IN_PROGRESS and one of those INIT_COMPLETE, a
 * lease read for each, and a listing of the expired leases.
 */
import type { EngineCore } from "./core";
import type { StackRecord } from "../ports";
import { abandoned, takeOver } from "./resume";

/** Takes over every abandoned stack (at once: each take-over waits only for its first write) and continues it in the background; returns their ids. */
export async function recoverStacks(core: EngineCore): Promise<string[]> {
  if (core.closed) return [];
  const stacks = await core.store.listStacks({ includeNested: true, status: "IN_PROGRESS" });
  const inProgress = new Set(stacks.map((s) => s.id));
  // creates whose engine died between storing the stack and starting (top-level stacks only)
  stacks.push(...(await core.store.listStacks({ status: "INIT_COMPLETE" })));
  // a lease left behind on a stack that is not in progress: its engine died between two writes; a
  // create or update that failed with rollback enabled still has its rollback to run
  for (const lock of await core.store.expiredLocks(core.clock.now())) {
    // the lock table also holds other leases (`signal:<stack>/<resource>`, the HA monitor's `ha:<id>`):
    // not stacks, so no stack read for them (stack ids never hold a colon)
    if (lock.stackId.includes(":")) continue;
    const stack = await core.store.getStack(lock.stackId);
    if (stack?.status === "FAILED") stacks.push(stack);
  }
  // a child whose parent is in progress is its parent's resource's to take over
  const candidates = stacks.filter((s) => !core.running.has(s.id) && !(s.parentId && inProgress.has(s.parentId)) && abandoned(core, s));
  const taken = await Promise.all(
    candidates.map(async (stack) => {
      const lock = await core.store.getLock(stack.id);
      if (lock && lock.expiresAt > core.clock.now()) return undefined;
      return (await takeOver(core, stack))?.stackId;
    }),
  );
  return taken.filter((id): id is string => id !== undefined);
}
