/**
 * The persistence port of the simulated cloud: per-row versioned transactions.
 *
 * The sim keeps its state in memory and makes every API call that changes it one transaction through
 * this port, so any number of processes sharing one store behave like one cloud (docs/cloud-concurrency.md).
 * The unit of storage is a row: one entity (a server, a volume, a port ...), one region's settings
 * (kind "region", id = region name) or one stamped call carried out (kind "token", id = the stamp),
 * identified by (region, kind, id), with its state as a plain JSON value in `data`.
 *
 * The store keeps a version counter. Each transaction that writes gives every row it writes (and every
 * row it deletes, as a tombstone) the counter's next value, so a process that has seen everything up
 * to version `known` catches up with the rows of `version > known`. An implementation must:
 *
 * - `since(known)`: answer, without taking the write lock, the current version and every row (live or
 *   tombstone) written by transactions after `known` (0: everything live). When it can no longer list
 *   every tombstone newer than `known` (it pruned them), it answers `complete: true` with every live
 *   row instead, and the sim rebuilds its state from them. One cheap query when nothing changed.
 * - `transact(known, work)`: serialize the transaction with every other one of every process (e.g.
 *   SQLite's BEGIN IMMEDIATE, a row lock on the counter, or an optimistic check of the version), call
 *   `work` with what `since(known)` answers at that point, and write the changes it returns, all with the new
 *   version, in the same transaction; a batch without changes writes no row (it may still count a version).
 *   When `work` throws, nothing is written. It may call `work` again, with a newer delta, when what
 *   the last call returned was not written (a retried or optimistic transaction: run without the lock,
 *   written only if nobody wrote since the delta; lib/store/sim-persistence.ts does so on PostgreSQL);
 *   `work` discards its last unwritten call first, and leaves no trace when it throws. It resolves with
 *   the version the state now reflects and `work`'s result.
 *
 * `data` values are owned by the store once passed; they never alias the sim's memory. A SQL table
 * `(region, kind, id, data, version, deleted)` plus a one-row counter is enough (lib/store/sim-persistence.ts).
 */
import type { EntityKind } from "./records";

/** What a row holds: one entity, a region's settings, or a stamped call carried out. */
export type SimRowKind = EntityKind | "region" | "token";

/** The identity of a stored row. */
export interface SimRowKey { region: string; kind: SimRowKind; id: string }

/** A stored row: its key plus the entity's state as JSON-serialisable data. */
export interface SimRow extends SimRowKey { data: unknown }

/** One batch of changes to store. */
export interface SimChanges { upserts: SimRow[]; deletes: SimRowKey[] }

/** A row as a transaction left it: its version, and its data (absent: deleted, a tombstone). */
export interface SimRowChange extends SimRowKey { version: number; data?: unknown }

/** What changed after a known version (see SimPersistence.since). */
export interface SimDelta {
  /** The version the store is at. */
  version: number;
  /** Rows written after the known version (every live row when `complete`). */
  rows: SimRowChange[];
  /** True when `rows` is the whole state (a first load, or tombstones were pruned): rebuild from it. */
  complete: boolean;
}

/** The port implemented by lib/store (SQLite / PostgreSQL) and by createMemoryPersistence (tests). */
export interface SimPersistence {
  since(known: number): Promise<SimDelta>;
  transact<T>(known: number, work: (delta: SimDelta) => { changes: SimChanges; result: T }): Promise<{ version: number; result: T }>;
}

/** The key string of a row, for maps keyed by row identity. */
export function rowKey(key: SimRowKey): string {
  return `${key.region}\u0000${key.kind}\u0000${key.id}`;
}

/** Whether a batch changes nothing. */
export function isEmpty(changes: SimChanges): boolean {
  return changes.upserts.length === 0 && changes.deletes.length === 0;
}
