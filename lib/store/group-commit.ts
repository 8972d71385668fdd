/**
 * Group commit: units of writes submitted while the database is busy (or within one turn of the
 * event loop) are applied together in ONE transaction, and each submitter is answered only after
 * that transaction committed. So the engine's contract holds (a change is durable before the step it
 * records is acted on) while a scheduler step's N concurrent changes cost one commit, not N.
 * Batches run one at a time, each after a turn of the event loop, so I/O and timers keep flowing
 * however busy the engine is (the test "lets the event loop reach I/O" holds the store to that). When a batch fails, its units are retried one by one, so one bad unit
 * (a duplicate stack id) fails alone.
 */

/** A unit's answer from a batch: its value, or the error that refused it alone. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** Applies a batch in one transaction; one outcome per unit, in order; throws to fail the whole batch. */
export type ApplyBatch<U, R> = (units: U[]) => Promise<Outcome<R>[]>;

interface Waiting<U, R> {
  unit: U;
  resolve(value: R): void;
  reject(error: unknown): void;
}

/** The queue of one database connection's writers. */
export class GroupCommit<U, R> {
  private pending: Waiting<U, R>[] = [];
  private busy = false;
  private idlers: (() => void)[] = [];

  constructor(private readonly apply: ApplyBatch<U, R>) {}

  /**
   * Queues `unit`; resolves once the transaction holding it has committed. With `now`, a unit that
   * finds the queue idle runs at once instead of after a turn of the event loop (lock calls: rare,
   * and an engine waits on them with no other work to batch them with).
   */
  submit(unit: U, now = false): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ unit, resolve, reject });
      if (this.busy) return;
      this.busy = true;
      if (now) void this.drain();
      else this.schedule();
    });
  }

  /** Resolves once every unit submitted so far has been answered (a read after it sees those writes). */
  idle(): Promise<void> {
    return this.busy ? new Promise((resolve) => this.idlers.push(resolve)) : Promise.resolve();
  }

  private schedule(): void {
    this.busy = true;
    setImmediate(() => void this.drain());
  }

  private async drain(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      await this.settle(batch);
    } finally {
      if (this.pending.length > 0) this.schedule();
      else {
        this.busy = false;
        for (const resolve of this.idlers.splice(0)) resolve();
      }
    }
  }

  private async settle(batch: Waiting<U, R>[]): Promise<void> {
    let outcomes: Outcome<R>[];
    try {
      outcomes = await this.apply(batch.map((w) => w.unit));
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      for (const waiting of batch) await this.settle([waiting]);
      return;
    }
    batch.forEach((waiting, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) waiting.resolve(outcome.value);
      else waiting.reject(outcome.error);
    });
  }
}
