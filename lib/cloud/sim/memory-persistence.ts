/**
 * An in-memory SimPersistence for tests and for processes that need no durable cloud. Several SimClouds
 * on one instance behave as processes sharing a database: one transaction at a time, rows versioned,
 * deletes kept as tombstones until `prune`.
 */
import { isEmpty, rowKey, type SimChanges, type SimDelta, type SimPersistence, type SimRow, type SimRowChange } from "./persistence";

/** SimPersistence kept in a Map (rows stored as JSON text, as a database would). */
export interface MemoryPersistence extends SimPersistence {
  /** Number of transactions that wrote something so far. */
  readonly saves: number;
  /** The stored live rows, decoded. */
  rows(): SimRow[];
  /** Forgets the tombstones written up to now: a process that knows less then reloads everything. */
  prune(): void;
}

/** Creates an empty in-memory persistence. */
export function createMemoryPersistence(): MemoryPersistence {
  const rows = new Map<string, { text: string; version: number; deleted: boolean }>();
  let version = 0;
  let floor = 0;
  let saves = 0;
  let lock: Promise<unknown> = Promise.resolve();
  const decode = (text: string) => JSON.parse(text) as SimRow;
  const since = (known: number): SimDelta => {
    const complete = known === 0 || known < floor;
    const changes: SimRowChange[] = [];
    for (const row of rows.values()) {
      if (complete ? row.deleted : row.version <= known) continue;
      const { data, ...key } = decode(row.text);
      changes.push(row.deleted ? { ...key, version: row.version } : { ...key, data, version: row.version });
    }
    return { version, rows: changes, complete };
  };
  const write = (changes: SimChanges): void => {
    if (isEmpty(changes)) return;
    const keys = [...changes.upserts, ...changes.deletes].map(rowKey);
    // PostgreSQL refuses an upsert that names a row twice: so does this store.
    if (new Set(keys).size !== keys.length) throw new Error(`A batch names a row twice: ${keys.find((k, i) => keys.indexOf(k) !== i)}`);
    version++;
    saves++;
    for (const key of changes.deletes) {
      const { region, kind, id } = key;
      rows.set(rowKey(key), { text: JSON.stringify({ region, kind, id, data: null }), version, deleted: true });
    }
    for (const row of changes.upserts) rows.set(rowKey(row), { text: JSON.stringify(row), version, deleted: false });
  };
  return {
    get saves() {
      return saves;
    },
    rows: () => [...rows.values()].filter((row) => !row.deleted).map((row) => decode(row.text)),
    prune() {
      for (const [key, row] of rows) if (row.deleted) rows.delete(key);
      floor = version;
    },
    async since(known) {
      return since(known);
    },
    transact(known, work) {
      const run = lock.then(() => {
        const { changes, result } = work(since(known));
        write(changes);
        return { version, result };
      });
      lock = run.catch(() => undefined);
      return run;
    },
  };
}
