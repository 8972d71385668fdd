/**
 * The persistence port of the simulated cloud.
 *
 * The sim keeps its state in memory and writes every change through this port. The unit of storage is
 * a row: one entity (a server, a volume, a port ...) or one region's settings, identified by
 * (region, kind, id), with its state as a plain JSON value in `data`. An implementation only has to
 * store rows and give them all back:
 *
 * - `load()` returns every stored row (any order; an empty array means a fresh cloud, which the sim
 *   then fills with DevStack's defaults and saves).
 * - `save(changes)` upserts `changes.upserts` and removes `changes.deletes`. Calls never overlap: the
 *   sim waits for one save to finish before it starts the next, and coalesces the changes made in
 *   between into one batch (so a batch holds at most one row per key). Apply a batch atomically if
 *   the store can (e.g. one SQL transaction).
 * - `get(key)` (optional) returns one row: it lets several processes share the store (see below).
 *
 * A SQL table `(region TEXT, kind TEXT, id TEXT, data TEXT, PRIMARY KEY (region, kind, id))` holding
 * `data` as JSON text is enough. `data` values are owned by the store once passed; they never alias
 * the sim's memory.
 *
 * Sharing: every batch also rewrites the REVISION_KEY row with a new token. A process that sees a
 * token it did not write reloads everything before its next call. Rows changed by two processes at
 * the same time are last-writer-wins; everything else converges.
 */
import type { EntityKind } from "./records";

/**
 * What a row holds: one entity, a region's settings (kind "region", id = region name), a stamped call
 * carried out (kind "token", id = the stamp), or the revision token (REVISION_KEY).
 */
export type SimRowKind = EntityKind | "region" | "token" | "revision";

/** The identity of a stored row. */
export interface SimRowKey { region: string; kind: SimRowKind; id: string }

/** A stored row: its key plus the entity's state as JSON-serialisable data. */
export interface SimRow extends SimRowKey { data: unknown }

/** One batch of changes to store. */
export interface SimChanges { upserts: SimRow[]; deletes: SimRowKey[] }

/** The row every saved batch rewrites with a new token, so processes sharing a store notice each other. */
export const REVISION_KEY: Readonly<SimRowKey> = { region: "*", kind: "revision", id: "revision" };

/** The port implemented by lib/store (Prisma) and by createMemoryPersistence (tests). */
export interface SimPersistence {
  load(): Promise<SimRow[]>;
  save(changes: SimChanges): Promise<void>;
  /**
   * Optional: one row by key (undefined when absent). Implement it when several processes share the
   * store: before each call the sim then reads REVISION_KEY and, when another process has saved since,
   * reloads everything. Without it a process never sees the others' changes.
   */
  get?(key: SimRowKey): Promise<SimRow | undefined>;
}

/** The key string of a row, for maps keyed by row identity. */
export function rowKey(key: SimRowKey): string {
  return `${key.region}\u0000${key.kind}\u0000${key.id}`;
}
