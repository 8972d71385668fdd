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

/** How one call of a batch ended. */
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** A call waiting for the next transaction. */
interface Pending { body: () => unknown; settle(outcome: Outcome): void }

/** Most calls one transaction carries (one multi-row upsert of what they changed). */
const MAX_BATCH = 64;

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
  /** The rows every call of the running batch changed (first previous kept), and the settings before it. */
  private batch = new Map<string, Touched>();
  private batchMetas = new Map<string, RegionMeta>();
  /** Calls waiting for the next transaction. */
  private pending: Pending[] = [];
  private draining = false;
  private idle: Promise<void> = Promise.resolve();
  private inFlight = 0;
  /** The catch-up query running, and the one reads that arrived during it wait for. */
  private catching: Promise<void> | undefined;
  private nextCatchUp: Promise<void> | undefined;
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

  /**
   * Catches up on what other processes wrote (no lock; one cheap query when nothing changed). Reads
   * share catch-ups: one that arrives while a catch-up runs waits for the next one, which starts when
   * that one ends and serves every read that arrived meanwhile, so each read still sees every commit
   * made before it began, with at most two queries in flight instead of one per read (with three
   * engines, each read's own query returned the same rows of the others' writes again: most of their CPU).
   */
  catchUp(): Promise<void> {
    if (!this.persistence) return Promise.resolve();
    if (!this.catching) {
      this.catching = this.fetch(this.persistence).finally(() => (this.catching = undefined));
      return this.catching;
    }
    this.nextCatchUp ??= this.catching
      .catch(() => undefined)
      .then(() => {
        this.nextCatchUp = undefined;
        return this.catchUp();
      });
    return this.nextCatchUp;
  }

  /** One catch-up query, applied. */
  private async fetch(persistence: SimPersistence): Promise<void> {
    this.apply(await persistence.since(this.known));
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
   * Runs `body` in a transaction: committed when it returns, undone in memory and not written when it
   * throws. Calls that arrive while this process's transaction is being committed wait and then share
   * the next one (group commit): each body still runs alone on memory and is undone alone when it
   * throws, but the lock, the catch-up and the write are paid once per batch (docs/cloud-concurrency.md).
   */
  write<R>(body: () => R): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ body, settle: (outcome) => (outcome.ok ? resolve(outcome.value as R) : reject(outcome.error)) });
      if (!this.draining) this.drain();
    });
  }

  /** Waits for every transaction started so far; rethrows the first failed operator write since the last flush. */
  async flush(): Promise<void> {
    while (this.draining) await this.idle;
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

  /** Commits the waiting calls in batches, one transaction at a time, until none waits. */
  private drain(): void {
    this.draining = true;
    let done!: () => void;
    this.idle = new Promise<void>((resolve) => (done = resolve));
    void (async () => {
      try {
        while (this.pending.length > 0) {
          const batch = this.pending.splice(0, MAX_BATCH);
          try {
            const outcomes = await this.transact(batch.map((call) => call.body));
            batch.forEach((call, i) => call.settle(outcomes[i]));
          } catch (error) {
            for (const call of batch) call.settle({ ok: false, error });
          }
        }
      } finally {
        this.draining = false;
        done();
      }
    })();
  }

  /** One transaction running `bodies` in turn; each one's outcome (a body that throws is undone alone). */
  private async transact(bodies: (() => unknown)[]): Promise<Outcome[]> {
    const runAll = (): Outcome[] => bodies.map((body) => this.attempt(body));
    if (!this.persistence) return this.quietBatch(runAll);
    const operator = this.queued;
    this.queued = [];
    const knownBefore = this.known;
    this.inFlight++;
    try {
      const { version, result } = await this.persistence.transact(this.known, (delta) => {
        // Called again: the last attempt's changes were not written (another process wrote first).
        this.undoBatch();
        this.apply(delta);
        this.batchMetas = this.snapshotMetas();
        this.attempt(() => {
          for (const change of operator) {
            try {
              change();
            } catch {
              // What it changes is gone meanwhile (another process deleted the server): nothing to do.
            }
          }
        });
        const outcomes = runAll();
        return { changes: this.changes(), result: outcomes };
      });
      for (const at of this.batch.keys()) this.versions.set(at, version);
      this.known = Math.max(this.known, version);
      return result;
    } catch (error) {
      this.undoBatch();
      // What reads caught up on meanwhile may have been undone with the touched rows: catch up again from before.
      this.known = Math.min(this.known, knownBefore);
      if (operator.length > 0) {
        this.failure ??= error;
        this.queued = [...operator, ...this.queued];
      }
      throw error;
    } finally {
      this.batch = new Map();
      this.batchMetas = new Map();
      this.inFlight--;
    }
  }

  /** A batch without persistence: each body journaled and undone alone when it throws, nothing kept after. */
  private quietBatch(runAll: () => Outcome[]): Outcome[] {
    try {
      return runAll();
    } finally {
      this.batch = new Map();
    }
  }

  /** Runs one body of a batch: its rows join the batch's journal when it returns; undone alone when it throws. */
  private attempt(body: () => unknown): Outcome {
    try {
      const value = this.run(body);
      for (const [at, touched] of this.journal) {
        const first = this.batch.get(at);
        this.batch.set(at, first ? { ...touched, previous: first.previous } : touched);
      }
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error };
    } finally {
      this.journal = new Map();
    }
  }

  /** Each region's settings as they are now (they change in place), to undo a call or a batch. */
  private snapshotMetas(): Map<string, RegionMeta> {
    return new Map([...this.host.states()].map((state) => [state.name, structuredClone(state.meta)]));
  }

  /** Runs `body` journaling what it changes; undoes it when it throws. */
  private run<R>(body: () => R): R {
    this.journal = new Map();
    // Settings change in place: keep them as they were before the call, to undo it.
    this.metas = this.snapshotMetas();
    this.mode = "transaction";
    try {
      return body();
    } catch (error) {
      this.undo();
      throw error;
    } finally {
      this.mode = "idle";
    }
  }

  /** The batch's rows as the store writes them. */
  private changes(): SimChanges {
    const changes: SimChanges = { upserts: [], deletes: [] };
    for (const { key, data } of this.batch.values()) {
      if (data === undefined) changes.deletes.push(key);
      else changes.upserts.push({ ...key, data: structuredClone(data) });
    }
    return changes;
  }

  /** Gives every row the running call touched its old value back. */
  private undo(): void {
    this.revert(this.journal, this.metas);
    this.journal = new Map();
    this.metas = new Map();
  }

  /** Gives every row the batch's calls touched (and that were not undone alone) its old value back. */
  private undoBatch(): void {
    this.revert(this.batch, this.batchMetas);
    this.batch = new Map();
    this.batchMetas = new Map();
  }

  /** Puts each journaled row back as it was before the journal began. */
  private revert(journal: Map<string, Touched>, metas: Map<string, RegionMeta>): void {
    const regions = new Set<RegionState>();
    for (const [at, { key, previous }] of journal) {
      // A read may have caught up on this row meanwhile: forget its version, so the next catch-up brings it again.
      this.versions.delete(at);
      const s = this.host.state(key.region);
      if (!s) continue;
      regions.add(s);
      if (key.kind === "region") s.applyMeta(metas.get(key.region) ?? s.meta);
      else this.place(key, previous);
    }
    for (const s of regions) s.reindex();
  }

  /** Applies what the store holds after `known`: row by row, skipping rows this process has as new already. */
  private apply(delta: SimDelta): void {
    if (delta.complete) {
      // A rebuild would drop a transaction's changes still being committed: the next catch-up does it.
      if (this.inFlight > 0 && this.batch.size > 0) return;
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

