/**
 * A store whose lock releases wait for a gate: the lock holder has stored its final state but has not
 * let go of the lease yet (the moment a client may already act on that state). Works on any StackStore.
 */
import type { StackStore } from "../ports";

/** Makes `store.releaseLock` wait until `open()` is called; returns the opener. */
export function gateLockReleases(store: StackStore): { open(): void } {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const release = store.releaseLock.bind(store);
  store.releaseLock = async (stackId, owner) => {
    await gate;
    return release(stackId, owner);
  };
  return { open: () => open() };
}
