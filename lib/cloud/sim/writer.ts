/**
 * Write-behind to the persistence port: changes are collected per row and saved in batches, one save
 * at a time; whatever changes while a save runs goes into the next batch.
 */
import { rowKey, type SimChanges, type SimPersistence, type SimRowKey, type SimRowKind } from "./persistence";

/** Collects changed rows and saves them through a SimPersistence. */
export class PersistenceWriter {
  private readonly dirty = new Map<string, { key: SimRowKey; data: object | undefined }>();
  private chain: Promise<void> = Promise.resolve();
  private scheduled = false;
  private failure: unknown;

  constructor(private readonly persistence: SimPersistence | undefined) {}

  /** Records that a row changed (data) or was removed (undefined), and schedules a save. */
  mark(region: string, kind: SimRowKind, id: string, data: object | undefined): void {
    if (!this.persistence) return;
    const key = { region, kind, id };
    this.dirty.set(rowKey(key), { key, data });
    if (this.scheduled) return;
    this.scheduled = true;
    this.chain = this.chain.then(() => this.saveBatch());
  }

  /** Waits until every change made so far is saved; rethrows the first save error since the last flush. */
  async flush(): Promise<void> {
    await this.chain;
    const failure = this.failure;
    this.failure = undefined;
    if (failure !== undefined) throw failure;
  }

  private async saveBatch(): Promise<void> {
    this.scheduled = false;
    const changes: SimChanges = { upserts: [], deletes: [] };
    for (const { key, data } of this.dirty.values()) {
      if (data === undefined) changes.deletes.push(key);
      else changes.upserts.push({ ...key, data: structuredClone(data) });
    }
    const batch = new Map(this.dirty);
    this.dirty.clear();
    try {
      await this.persistence?.save(changes);
    } catch (error) {
      this.failure ??= error;
      // Keep the lost changes for the next batch unless the row changed again meanwhile.
      for (const [key, entry] of batch) if (!this.dirty.has(key)) this.dirty.set(key, entry);
    }
  }
}
