/**
 * This process's replica of the cloud's state and its transactions (the SimPersistence port's
 * per-row versioned transactions). A call that changes the cloud runs as one transaction: under the
 * store's write lock the replica catches up on the rows other processes wrote since the version it
 * knows, runs the call on memory, and writes the rows the call changed with the new version; when
 * the call throws (or the commit fails), the rows it touched get their old values back and nothing is
 * written. A read catches up without the lock; what it changes in memory (due transitions, which every
 * process derives alike from the rows and the clock) is not written. Changes made outside calls
 * (fault injection, quotas: `operate`) are made again in a transaction of their own right after.
 */
import type { TokenMemory } from "../../engine/ports";
import { rowKey, type SimChanges, type SimDelta, type SimPersistence, type SimRowChange, type SimRowKey, type SimRowKind } from "./persistence";
import type { EntityKind, RegionMeta } from "./records";
import type { ChangeListener, RegionState } from "./region-state";

/** A row a transaction touched: its data now (undefined: removed) and before it (to undo). */
interface Touched { key: SimRowKey; data: object | undefined; previous: object | undefined }

/** Where the replica's regions live, and how to rebuild them all from a complete set of rows. */
export interface ReplicaHost {
  /** The region's state, or undefined for a region this process does not serve. */
  state(region: string): RegionState | undefined;
  /** Every region's state. */
  states(): Iterable<RegionState>;
  /** Rebuilds every region from `rows` (every live row). */
  rebuild(rows: SimRowChange[]): void;
}

/** The replica of one SimCloud. */
export class Replica {
  private known = 0;
  /** Version of each row as this process last read or wrote it. */
  private readonly versions = new Map<string, number>();
  /** What the listener does with a change: journal it (a call's transaction), or ignore it (a read, or a cloud without persistence). */
  private mode: "transaction" | "read" | "idle" = "idle";
  private journal = new Map<string, Touched>();
  private metas = new Map<string, RegionMeta>();
  /** Operator changes not yet written, to run again in the next transaction. */
  private queued: (() => void)[] = [];
  private chain: Promise<unknown> = Promise.resolve();
  private inFlight = 0;
  private failure: unknown;

  constructor(
    private readonly persistence: SimPersistence | undefined,
    private readonly host: ReplicaHost,
  ) {}

  /** The RegionState listener of every region of this replica. */
  readonly listener: ChangeListener = (region, kind, id, data, previous) => {
    const key = { region, kind, id };
    const at = rowKey(key);
    if (this.mode === "transaction") {
      const first = this.journal.get(at);
      this.journal.set(at, { key, data, previous: first ? first.previous : previous });
    } else if (this.mode === "idle" && this.persistence) {
      throw new Error(`SimCloud: ${kind} ${id} of ${region} changed outside a call, a read or an operator change (Replica.operate).`);
    }
  };

  /**
   * An operator change (fault injection, quotas): made at once in memory (so its errors are thrown to
   * the caller), then made again in the next transaction on the state caught up with other processes,
   * so it merges with their changes instead of overwriting them with a stale copy of the row.
   */
  operate(change: () => void): void {
    this.quietly(change);
    if (!this.persistence) return;
    this.queued.push(change);
    if (this.queued.length === 1) void this.write(() => undefined).catch(() => undefined);
  }

  /** Catches up on what other processes wrote (no lock; one cheap query when nothing changed). */
  async catchUp(): Promise<void> {
    if (this.persistence) this.apply(await this.persistence.since(this.known));
  }

  /** Runs `body` on memory as a read: what it changes (due transitions) is not written. */
  quietly<R>(body: () => R): R {
    const outer = this.mode;
    this.mode = "read";
    try {
      return body();
    } finally {
      this.mode = outer;
    }
  }

  /**
   * Runs `body` as one transaction (one at a time in this process): committed when it returns,
   * undone in memory and not written when it throws.
   */
  write<R>(body: () => R): Promise<R> {
    const run = this.chain.then(() => this.transact(body));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Waits for every transaction started so far; rethrows the first failed operator write since the last flush. */
  async flush(): Promise<void> {
    await this.chain;
    const failure = this.failure;
    this.failure = undefined;
    if (failure !== undefined) throw failure;
  }

  /** Forgets everything known (after a rebuild from `version`'s complete rows). */
  private reset(version: number, rows: SimRowChange[]): void {
    this.versions.clear();
    for (const row of rows) this.versions.set(rowKey(row), row.version);
    this.known = version;
  }

  private async transact<R>(body: () => R): Promise<R> {
    if (!this.persistence) return this.run(body).result;
    const operator = this.queued;
    this.queued = [];
    const knownBefore = this.known;
    this.inFlight++;
    try {
      const { version, result } = await this.persistence.transact(this.known, (delta) => {
        // Called again: the last attempt's changes were not written (another process wrote first).
        this.undo();
        this.apply(delta);
        return this.run(() => {
          for (const change of operator) {
            try {
              change();
            } catch {
              // What it changes is gone meanwhile (another process deleted the server): nothing to do.
            }
          }
          return body();
        });
      });
      for (const at of this.journal.keys()) this.versions.set(at, version);
      this.known = Math.max(this.known, version);
      return result;
    } catch (error) {
      this.undo();
      // What reads caught up on meanwhile may have been undone with the touched rows: catch up again from before.
      this.known = Math.min(this.known, knownBefore);
      if (operator.length > 0) {
        this.failure ??= error;
        this.queued = [...operator, ...this.queued];
      }
      throw error;
    } finally {
      this.journal = new Map();
      this.metas = new Map();
      this.inFlight--;
    }
  }

  /** Runs `body` journaling what it changes; undoes it when it throws. */
  private run<R>(body: () => R): { changes: SimChanges; result: R } {
    this.journal = new Map();
    // Settings change in place: keep them as they were before the call, to undo it.
    this.metas = new Map([...this.host.states()].map((state) => [state.name, structuredClone(state.meta)]));
    this.mode = "transaction";
    try {
      const result = body();
      return { changes: this.changes(), result };
    } catch (error) {
      this.undo();
      throw error;
    } finally {
      this.mode = "idle";
    }
  }

  private changes(): SimChanges {
    const changes: SimChanges = { upserts: [], deletes: [] };
    for (const { key, data } of this.journal.values()) {
      if (data === undefined) changes.deletes.push(key);
      else changes.upserts.push({ ...key, data: structuredClone(data) });
    }
    return changes;
  }

  /** Gives every row the running transaction touched its old value back. */
  private undo(): void {
    const regions = new Set<RegionState>();
    for (const [at, { key, previous }] of this.journal) {
      // A read may have caught up on this row meanwhile: forget its version, so the next catch-up brings it again.
      this.versions.delete(at);
      const s = this.host.state(key.region);
      if (!s) continue;
      regions.add(s);
      if (key.kind === "region") s.applyMeta(this.metas.get(key.region) ?? s.meta);
      else this.place(key, previous);
    }
    for (const s of regions) s.reindex();
    this.journal = new Map();
    this.metas = new Map();
  }

  /** Applies what the store holds after `known`: row by row, skipping rows this process has as new already. */
  private apply(delta: SimDelta): void {
    if (delta.complete) {
      // A rebuild would drop a transaction's changes still being committed: the next catch-up does it.
      if (this.inFlight > 0 && this.journal.size > 0) return;
      this.host.rebuild(delta.rows);
      this.reset(delta.version, delta.rows);
      return;
    }
    for (const row of delta.rows) {
      const at = rowKey(row);
      if ((this.versions.get(at) ?? 0) >= row.version) continue;
      this.versions.set(at, row.version);
      this.place(row, row.data as object | undefined);
    }
    this.known = Math.max(this.known, delta.version);
  }

  /** Sets one row in memory as given (undefined: absent), reporting nothing. */
  private place(key: SimRowKey, data: object | undefined): void {
    const s = this.host.state(key.region);
    if (!s) return;
    const kind: SimRowKind = key.kind;
    if (kind === "region") {
      if (data) s.applyMeta(data as RegionMeta);
    } else if (kind === "token") {
      if (data) s.tokens.set(key.id, data as TokenMemory);
      else s.tokens.delete(key.id);
    } else {
      s.applyRecord(kind as EntityKind, key.id, data);
    }
  }
}

