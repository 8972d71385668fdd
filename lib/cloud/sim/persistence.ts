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
 *
 * A SQL table `(region TEXT, kind TEXT, id TEXT, data TEXT, PRIMARY KEY (region, kind, id))` holding
 * `data` as JSON text is enough. `data` values are owned by the caller once passed; they never alias the sim's memory.
 */
import type { EntityKind } from "./records";

/** What a row holds: one entity, or a region's settings (kind "region", id = region name). */
export type SimRowKind = EntityKind | "region";

/** The identity of a stored row. */
export interface SimRowKey { region: string; kind: SimRowKind; id: string }

/** A stored row: its key plus the entity's state as JSON-serialisable data. */
export interface SimRow extends SimRowKey { data: unknown }

/** One batch of changes to store. */
export interface SimChanges { upserts: SimRow[]; deletes: SimRowKey[] }

/** The port implemented by lib/store (Prisma) and by createMemoryPersistence (tests). */
export interface SimPersistence {
  load(): Promise<SimRow[]>;
  save(changes: SimChanges): Promise<void>;
}

/** The key string of a row, for maps keyed by row identity. */
export function rowKey(key: SimRowKey): string {
  return `${key.region}\u0000${key.kind}\u0000${key.id}`;
}
