/**
 * A StackStore wrapper that can be cut off: after halt(), every write fails and renewals stop, as if
 * the process had died. Used by the engine's simulated crash (tests of recovery) and by close().
 */
import type { StackStore } from "./ports";

const WRITES = new Set<keyof StackStore>([
  "createStack", "updateStack", "purgeStack", "saveResource", "deleteResource", "appendEvent",
  "acquireLock", "renewLock", "releaseLock",
]);

/** The wrapped store and its switch. */
export interface HaltingStore {
  store: StackStore;
  halt(): void;
}

/** Wraps `inner`; reads always pass through, writes only until halt(). */
export function haltingStore(inner: StackStore): HaltingStore {
  let halted = false;
  const store = new Proxy(inner, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== "function") return value;
      if (!WRITES.has(key as keyof StackStore)) return value.bind(target);
      return (...args: unknown[]) => (halted ? Promise.reject(new Error("engine halted")) : value.apply(target, args));
    },
  });
  return { store, halt: () => (halted = true) };
}
