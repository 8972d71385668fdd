/**
 * A StackStore wrapper that can be cut off: after halt(), every write fails and renewals stop, as if
 * the process had died. Used by the engine's simulated crash (tests of recovery).
 */
import type { StackStore } from "../ports";

const READS = ["getStack", "findStackByName", "listStacks", "listResources", "listEvents", "getLock", "expiredLocks"] as const;
const WRITES = [
  "commit", "createStack", "updateStack", "purgeStack", "saveResource", "deleteResource", "appendEvent",
  "acquireLock", "renewLock", "releaseLock",
] as const;

/** The wrapped store and its switch. */
export interface HaltingStore {
  store: StackStore;
  halt(): void;
}

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

/** Wraps `inner`; reads always pass through, writes only until halt(). */
export function haltingStore(inner: StackStore): HaltingStore {
  let halted = false;
  const store: Record<string, AnyMethod> = {};
  const method = (key: keyof StackStore) => (inner[key] as AnyMethod).bind(inner);
  for (const key of READS) store[key] = method(key);
  for (const key of WRITES) {
    const call = method(key);
    store[key] = (...args) => (halted ? Promise.reject(new Error("engine halted")) : call(...args));
  }
  return { store: store as unknown as StackStore, halt: () => (halted = true) };
}
