/**
 * A port whose implementation is built on its first call, so a process that never calls it never
 * loads what the implementation is built on (database.ts: the Prisma client, most of a short CLI
 * command's start-up before, docs/speed.md). This works for ports whose members are all methods
 * returning promises (the store's ports are): a call is forwarded once the implementation is there.
 */

/** A port: every member a method that returns a promise. */
type AsyncPort<T> = { [K in keyof T]: (...args: never[]) => Promise<unknown> };

/** `load`, run on the first call and its promise kept; after a failed load the next call runs it again. */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    }));
}

/** `load()`'s port, loaded on the first call of any of its methods (again after a failed load). */
export function lazyPort<T extends AsyncPort<T>>(load: () => Promise<T>): T {
  const port = loadOnce(load);
  return new Proxy({} as T, {
    get(_target, member) {
      // not a method of the port: `then` (so that awaiting the port itself is not a call) and symbols
      if (member === "then" || typeof member === "symbol") return undefined;
      return async (...args: unknown[]) => {
        const target = await port();
        const method: unknown = Reflect.get(target, member);
        if (typeof method !== "function") throw new TypeError(`${member} is not a method of this port`);
        return Reflect.apply(method, target, args) as unknown;
      };
    },
  });
}
