/**
 * Write-behind to the persistence port: changes are collected per row and saved in batches, one save
 * at a time; whatever changes while a save runs goes into the next batch. Each batch also writes a new
 * revision token, and the writer tells whether someone else has saved since this process last did.
 */
import { REVISION_KEY, rowKey, type SimChanges, type SimPersistence, type SimRow, type SimRowKey, type SimRowKind } from "./persistence";

/** Collects changed rows and saves them through a SimPersistence. */
export class PersistenceWriter {
  private readonly dirty = new Map<string, { key: SimRowKey; data: object | undefined }>();
  private chain: Promise<void> = Promise.resolve();
  private scheduled = false;
  private saving = false;
  private failure: unknown;
  /** The last revision token this process loaded or wrote. */
  private seen: unknown;
  /** Set when a save found a token this process had not seen. */
  private overtaken = false;
  private batches = 0;
  private readonly instance = Math.random().toString(36).slice(2, 10);

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

  /** True while changes wait to be saved or a save runs. */
  get busy(): boolean {
    return this.saving || this.dirty.size > 0;
  }

  /** Remembers the revision of freshly loaded rows. */
  loaded(rows: SimRow[]): void {
    this.seen = rows.find((r) => rowKey(r) === rowKey(REVISION_KEY))?.data;
    this.overtaken = false;
  }

  /** True when another process has saved since this one last loaded or saved (needs `get`). */
  async othersSaved(): Promise<boolean> {
    if (!this.persistence?.get) return false;
    return this.overtaken || (await this.currentRevision()) !== this.seen;
  }

  private async currentRevision(): Promise<unknown> {
    return (await this.persistence?.get?.(REVISION_KEY))?.data;
  }

  private async saveBatch(): Promise<void> {
    this.scheduled = false;
    this.saving = true;
    const batch = new Map(this.dirty);
    this.dirty.clear();
    const changes: SimChanges = { upserts: [], deletes: [] };
    for (const { key, data } of batch.values()) {
      if (data === undefined) changes.deletes.push(key);
      else changes.upserts.push({ ...key, data: structuredClone(data) });
    }
    const token = `${this.instance}:${++this.batches}`;
    changes.upserts.push({ ...REVISION_KEY, data: token });
    try {
      if (this.persistence?.get && (await this.currentRevision()) !== this.seen) this.overtaken = true;
      await this.persistence?.save(changes);
      this.seen = token;
    } catch (error) {
      this.failure ??= error;
      // Keep the lost changes for the next batch unless the row changed again meanwhile.
      for (const [key, entry] of batch) if (!this.dirty.has(key)) this.dirty.set(key, entry);
    } finally {
      this.saving = false;
    }
  }
}
