/**
 * A short-lived read cache in front of the IdentityStore for the lookups every REST request makes to
 * validate its token (the token, its user, its project, the user's roles on it): a client polling
 * `stack show` would otherwise pay four Prisma queries a request (measured: a fifth of the REST path's
 * CPU on a create of 1000, docs/speed.md). Any other call through the store (every write, and reads
 * not listed) empties the cache first, so this process always reads its own changes; a change made by
 * another process sharing the database is seen within READ_TTL_MS (keystonemiddleware in front of
 * Heat caches validated tokens for 300 s by default).
 */
import type { IdentityStore } from "./ports";

/** How long a cached read may be served (ms). */
export const READ_TTL_MS = 1000;

/** The lookups of token validation, cached; every other member of the store clears the cache. */
const CACHED = new Set<PropertyKey>(["findToken", "findUser", "findProject", "rolesOn"]);

/** Entries kept at most (distinct tokens, users, projects); past it the cache starts over. */
const MAX_ENTRIES = 1000;

/** `store` with its token-validation lookups cached for `ttlMs`; `now` is the clock (ms). */
export function cacheIdentityReads(store: IdentityStore, ttlMs = READ_TTL_MS, now: () => number = Date.now): IdentityStore {
  const cache = new Map<string, { at: number; value: Promise<unknown> }>();
  /** A call that is not a cached read: the cache is emptied before it and again once it settles (a read started meanwhile may predate it). */
  const uncached = (call: () => unknown) => {
    cache.clear();
    const result = call();
    if (result instanceof Promise) void result.finally(() => cache.clear()).catch(() => undefined);
    return result;
  };
  const cached = (key: string, call: () => Promise<unknown>) => {
    const hit = cache.get(key);
    if (hit && now() - hit.at < ttlMs) return hit.value.then((value) => structuredClone(value));
    if (cache.size >= MAX_ENTRIES) cache.clear();
    const read = call();
    cache.set(key, { at: now(), value: read });
    // a failed read is not remembered
    read.catch(() => cache.get(key)?.value === read && cache.delete(key));
    return read.then((value) => structuredClone(value));
  };
  return new Proxy(store, {
    get(target, member, receiver) {
      const value: unknown = Reflect.get(target, member, receiver);
      if (typeof value !== "function") return value;
      const call = (args: unknown[]) => () => Reflect.apply(value, target, args) as Promise<unknown>;
      if (!CACHED.has(member)) return (...args: unknown[]) => uncached(call(args));
      return (...args: unknown[]) => cached(`${String(member)}\u0000${args.map(String).join("\u0000")}`, call(args));
    },
  });
}
