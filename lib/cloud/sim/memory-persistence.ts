/** An in-memory SimPersistence for tests and for processes that need no durable cloud. */
import { rowKey, type SimChanges, type SimPersistence, type SimRow, type SimRowKey } from "./persistence";

/** SimPersistence kept in a Map (rows stored as JSON text, as a database would). */
export interface MemoryPersistence extends Required<SimPersistence> {
  /** Number of save() calls so far (coalescing shows in it). */
  readonly saves: number;
  /** The stored rows, decoded. */
  rows(): SimRow[];
}

/** Creates an empty in-memory persistence. */
export function createMemoryPersistence(): MemoryPersistence {
  const rows = new Map<string, string>();
  let saves = 0;
  const decode = (): SimRow[] => [...rows.values()].map((text) => JSON.parse(text) as SimRow);
  return {
    get saves() {
      return saves;
    },
    rows: decode,
    async load() {
      return decode();
    },
    async get(key: SimRowKey) {
      const text = rows.get(rowKey(key));
      return text === undefined ? undefined : (JSON.parse(text) as SimRow);
    },
    async save(changes: SimChanges) {
      saves++;
      for (const key of changes.deletes) rows.delete(rowKey(key));
      for (const row of changes.upserts) rows.set(rowKey(row), JSON.stringify(row));
    },
  };
}
