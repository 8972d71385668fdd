/**
 * The simulated cloud's SimPersistence port (lib/cloud/sim/persistence.ts) straight on the SQL driver
 * (better-sqlite3 or pg, as the stack store; Prisma keeps the schema): one CloudRow per entity, region
 * or stamped call, each with the CloudSync version of the transaction that last wrote it; a delete
 * leaves a tombstone (deleted = true) so peers catch up with `version > known`. On SQLite a transaction
 * takes the cloud's write lock first (BEGIN IMMEDIATE, the driver's); on PostgreSQL it is optimistic:
 * it writes only while the CloudSync version is still the one it ran on, else runs again under the
 * CloudSync row's lock. Tombstones older than KEEP_TOMBSTONES versions are pruned
 * every PRUNE_EVERY versions; CloudSync.floor says up to which version, and a process that knows
 * less reloads everything. docs/cloud-concurrency.md says why and what it costs.
 */
import { isEmpty, type SimChanges, type SimDelta, type SimPersistence, type SimRowChange, type SimRowKind } from "../cloud/sim/persistence";
import type { SqlDriver, SqlExecutor } from "./sql/driver";

/** The single CloudSync row's id. */
const SYNC_ID = 1;
const PRUNE_EVERY = 500;
const KEEP_TOMBSTONES = 5_000;
/** Optimistic attempts of a transaction before it takes the lock instead (a lost race then costs one attempt). */
const OPTIMISTIC_ATTEMPTS = 1;

interface StoredRow { region: string; kind: string; id: string; data: unknown; version: number | bigint; deleted: boolean | number }

/** Rows per INSERT statement (well under both databases' limits on bound values). */
const ROWS_PER_STATEMENT = 500;

/** SimPersistence on the CloudRow / CloudSync tables. */
export class SqlSimPersistence implements SimPersistence {
  constructor(
    private readonly driver: SqlDriver,
    /** Recorded as the last writer (for diagnostics). */
    private readonly writer: string,
  ) {}

  /**
   * The counter and the rows after `known`, in one statement (one snapshot): the counter's row, then
   * either the rows newer than `known` (an index range on version: the common case) or, when the
   * process knows nothing or less than the floor, every live row. Two branches rather than one
   * condition choosing between them, which no index serves: as one CASE, every catch-up scanned the
   * whole table (4 million rows read for one bench run of 30 stacks on PostgreSQL).
   */
  async since(known: number): Promise<SimDelta> {
    const rows = await this.driver.query<StoredRow & { at: number | bigint; floor: number | bigint }>(
      `WITH s AS (SELECT "version", "floor" FROM "CloudSync" WHERE "id" = ?)
       SELECT s."version" AS "at", s."floor" AS "floor", NULL AS "region", NULL AS "kind", NULL AS "id", NULL AS "data", NULL AS "version", NULL AS "deleted" FROM s
       UNION ALL
       SELECT s."version", s."floor", r."region", r."kind", r."id", r."data", r."version", r."deleted"
       FROM s JOIN "CloudRow" r ON r."version" > ? WHERE ? <> 0 AND ? >= s."floor"
       UNION ALL
       SELECT s."version", s."floor", r."region", r."kind", r."id", r."data", r."version", r."deleted"
       FROM s JOIN "CloudRow" r ON r."deleted" = ? WHERE ? = 0 OR ? < s."floor"`,
      [SYNC_ID, known, known, known, false, known, known],
    );
    if (rows.length === 0) return { version: 0, rows: [], complete: true };
    const complete = known === 0 || known < Number(rows[0].floor);
    return { version: Number(rows[0].at), rows: rows.filter((row) => row.id !== null).map((row) => this.decode(row)), complete };
  }

  /** PostgreSQL: optimistic (its cost is round trips); SQLite: under the lock (a transaction costs about a millisecond). */
  transact<T>(known: number, work: (delta: SimDelta) => { changes: SimChanges; result: T }): Promise<{ version: number; result: T }> {
    return this.driver.dialect === "postgres" ? this.optimistic(known, work) : this.locked(known, work);
  }

  /**
   * Catches up and runs `work` without any lock, then writes its rows in one statement that counts the
   * transaction in only while the version is still the one `work` saw (the counter's row lock is held
   * for that statement alone); when another process wrote first (or the batch is too big for one
   * statement), `work` runs again on the newer state, under the lock (measured: retrying optimistically
   * under contention lost more than it saved, docs/cloud-concurrency.md).
   */
  private async optimistic<T>(known: number, work: (delta: SimDelta) => { changes: SimChanges; result: T }): Promise<{ version: number; result: T }> {
    for (let attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt++) {
      const delta = await this.since(known);
      const { changes, result } = work(delta);
      if (isEmpty(changes)) return { version: delta.version, result };
      const rows = batchRows(changes);
      if (rows.length > ROWS_PER_STATEMENT) break;
      const written = await this.driver.query(
        `WITH bump AS (UPDATE "CloudSync" SET "version" = "version" + 1, "writer" = ? WHERE "id" = ? AND "version" = ? RETURNING "version")
         INSERT INTO "CloudRow" ("region", "kind", "id", "data", "version", "deleted")
         SELECT v."region", v."kind", v."id", CAST(v."data" AS JSONB), bump."version", CAST(v."deleted" AS BOOLEAN)
         FROM bump, (VALUES ${rows.map(() => "(?, ?, ?, ?, ?)").join(", ")}) AS v("region", "kind", "id", "data", "deleted")
         ON CONFLICT ("region", "kind", "id") DO UPDATE SET "data" = excluded."data", "version" = excluded."version", "deleted" = excluded."deleted"
         RETURNING 1 AS "written"`,
        [this.writer, SYNC_ID, delta.version, ...rows.flat()],
      );
      if (written.length > 0) {
        const version = delta.version + 1;
        if (version % PRUNE_EVERY === 0) await this.driver.transaction((tx) => this.prune(tx, version));
        return { version, result };
      }
      known = delta.version;
    }
    return this.locked(known, work);
  }

  /**
   * Takes the lock by counting the transaction in first (the counter's row lock on PostgreSQL; SQLite's
   * BEGIN IMMEDIATE already holds the database), then reads the rows after `known` in a statement of
   * its own, so that PostgreSQL reads them after the lock was granted, and writes the batch with the new version.
   */
  private locked<T>(known: number, work: (delta: SimDelta) => { changes: SimChanges; result: T }): Promise<{ version: number; result: T }> {
    return this.driver.transaction(async (tx) => {
      const bump = () => tx.query<{ version: number | bigint; floor: number | bigint }>('UPDATE "CloudSync" SET "version" = "version" + 1, "writer" = ? WHERE "id" = ? RETURNING "version", "floor"', [this.writer, SYNC_ID]);
      let [counted] = await bump();
      if (!counted) {
        // The migration makes the CloudSync row; a store emptied by hand gets it back.
        await tx.run('INSERT INTO "CloudSync" ("id", "version", "writer", "floor") VALUES (?, 0, ?, 0) ON CONFLICT ("id") DO NOTHING', [SYNC_ID, this.writer]);
        [counted] = await bump();
      }
      const version = Number(counted.version);
      const floor = Number(counted.floor);
      const complete = known === 0 || known < floor;
      const rows = await tx.query<StoredRow>(
        `SELECT "region", "kind", "id", "data", "version", "deleted" FROM "CloudRow" WHERE ${complete ? '"deleted" = ?' : '"version" > ?'}`,
        [complete ? false : known],
      );
      const { changes, result } = work({ version: version - 1, rows: rows.map((row) => this.decode(row)), complete });
      if (!isEmpty(changes)) await this.write(tx, version, changes);
      return { version, result };
    });
  }

  private decode(row: StoredRow): SimRowChange {
    const key = { region: row.region, kind: row.kind as SimRowKind, id: row.id, version: Number(row.version) };
    if (row.deleted === true || row.deleted === 1) return key;
    return { ...key, data: this.driver.dialect === "sqlite" ? JSON.parse(row.data as string) : row.data };
  }

  /** Every row of the batch (a delete as its tombstone) in few statements; prunes old tombstones now and then. */
  private async write(tx: SqlExecutor, version: number, changes: SimChanges): Promise<void> {
    const values = batchRows(changes).map(([region, kind, id, data, deleted]) => [region, kind, id, data, version, deleted]);
    for (let at = 0; at < values.length; at += ROWS_PER_STATEMENT) {
      const chunk = values.slice(at, at + ROWS_PER_STATEMENT);
      await tx.run(
        `INSERT INTO "CloudRow" ("region", "kind", "id", "data", "version", "deleted") VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?)").join(", ")}
         ON CONFLICT ("region", "kind", "id") DO UPDATE SET "data" = excluded."data", "version" = excluded."version", "deleted" = excluded."deleted"`,
        chunk.flat(),
      );
    }
    if (version % PRUNE_EVERY === 0) await this.prune(tx, version);
  }

  /** Drops the tombstones older than KEEP_TOMBSTONES versions and records up to where. */
  private async prune(tx: SqlExecutor, version: number): Promise<void> {
    if (version <= KEEP_TOMBSTONES) return;
    const floor = version - KEEP_TOMBSTONES;
    await tx.run('DELETE FROM "CloudRow" WHERE "deleted" = ? AND "version" <= ?', [true, floor]);
    await tx.run('UPDATE "CloudSync" SET "floor" = ? WHERE "id" = ? AND "floor" < ?', [floor, SYNC_ID, floor]);
  }
}

/** The rows of a batch as (region, kind, id, data as JSON text, deleted); a delete is its tombstone. */
function batchRows(changes: SimChanges): [string, string, string, string, boolean][] {
  return [
    ...changes.upserts.map((row): [string, string, string, string, boolean] => [row.region, row.kind, row.id, JSON.stringify(row.data ?? null), false]),
    ...changes.deletes.map((key): [string, string, string, string, boolean] => [key.region, key.kind, key.id, "null", true]),
  ];
}
