/**
 * The simulated cloud's SimPersistence port (lib/cloud/sim/persistence.ts) straight on the SQL driver
 * (better-sqlite3 or pg, as the stack store; Prisma keeps the schema): one CloudRow per entity, region
 * or stamped call, each with the CloudSync version of the transaction that last wrote it; a delete
 * leaves a tombstone (deleted = true) so peers catch up with `version > known`. A transaction takes the
 * cloud's write lock first: SQLite's BEGIN IMMEDIATE (the driver's), PostgreSQL's row lock on the
 * CloudSync row (SELECT ... FOR UPDATE). Tombstones older than KEEP_TOMBSTONES versions are pruned
 * every PRUNE_EVERY versions; CloudSync.floor says up to which version, and a process that knows
 * less reloads everything. docs/cloud-concurrency.md says why and what it costs.
 */
import { isEmpty, type SimChanges, type SimDelta, type SimPersistence, type SimRowChange, type SimRowKind } from "../cloud/sim/persistence";
import type { SqlDriver, SqlExecutor } from "./sql/driver";

/** The single CloudSync row's id. */
const SYNC_ID = 1;
const PRUNE_EVERY = 500;
const KEEP_TOMBSTONES = 5_000;

type Reader = Pick<SqlExecutor, "query">;

interface StoredRow { region: string; kind: string; id: string; data: unknown; version: number | bigint; deleted?: boolean | number }

/** SimPersistence on the CloudRow / CloudSync tables. */
export class SqlSimPersistence implements SimPersistence {
  private readonly lockClause: string;

  constructor(
    private readonly driver: SqlDriver,
    /** Recorded as the last writer (for diagnostics). */
    private readonly writer: string,
  ) {
    this.lockClause = driver.dialect === "postgres" ? " FOR UPDATE" : "";
  }

  since(known: number): Promise<SimDelta> {
    return this.delta(this.driver, known, "");
  }

  transact<T>(known: number, work: (delta: SimDelta) => { changes: SimChanges; result: T }): Promise<{ version: number; result: T }> {
    return this.driver.transaction(async (tx) => {
      // The migration makes the CloudSync row; a store emptied by hand gets it back before the lock is taken.
      await tx.run('INSERT INTO "CloudSync" ("id", "version", "writer", "floor") SELECT ?, 0, ?, 0 WHERE NOT EXISTS (SELECT 1 FROM "CloudSync" WHERE "id" = ?)', [SYNC_ID, this.writer, SYNC_ID]);
      const delta = await this.delta(tx, known, this.lockClause);
      const { changes, result } = work(delta);
      if (isEmpty(changes)) return { version: delta.version, result };
      const version = delta.version + 1;
      await this.write(tx, version, changes);
      return { version, result };
    });
  }

  /** The counter (locked with `lock`) and the rows after `known`: every live row when `complete`. */
  private async delta(reader: Reader, known: number, lock: string): Promise<SimDelta> {
    const [sync] = await reader.query<{ version: number | bigint; floor: number | bigint }>(`SELECT "version", "floor" FROM "CloudSync" WHERE "id" = ?${lock}`, [SYNC_ID]);
    const version = Number(sync?.version ?? 0);
    const complete = known === 0 || known < Number(sync?.floor ?? 0);
    if (!complete && version <= known) return { version, rows: [], complete };
    const rows = complete
      ? await reader.query<StoredRow>('SELECT "region", "kind", "id", "data", "version" FROM "CloudRow" WHERE "deleted" = ?', [false])
      : await reader.query<StoredRow>('SELECT "region", "kind", "id", "data", "version", "deleted" FROM "CloudRow" WHERE "version" > ?', [known]);
    return { version, rows: rows.map((row) => this.decode(row)), complete };
  }

  private decode(row: StoredRow): SimRowChange {
    const key = { region: row.region, kind: row.kind as SimRowKind, id: row.id, version: Number(row.version) };
    if (row.deleted === true || row.deleted === 1) return key;
    return { ...key, data: this.driver.dialect === "sqlite" ? JSON.parse(row.data as string) : row.data };
  }

  private async write(tx: SqlExecutor, version: number, changes: SimChanges): Promise<void> {
    for (const key of changes.deletes) {
      await tx.run(`UPDATE "CloudRow" SET "deleted" = ?, "version" = ?, "data" = ? WHERE "region" = ? AND "kind" = ? AND "id" = ?`, [true, version, "null", key.region, key.kind, key.id]);
    }
    for (const row of changes.upserts) {
      await tx.run(
        `INSERT INTO "CloudRow" ("region", "kind", "id", "data", "version", "deleted") VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT ("region", "kind", "id") DO UPDATE SET "data" = excluded."data", "version" = excluded."version", "deleted" = excluded."deleted"`,
        [row.region, row.kind, row.id, JSON.stringify(row.data ?? null), version, false],
      );
    }
    await tx.run('UPDATE "CloudSync" SET "version" = ?, "writer" = ? WHERE "id" = ?', [version, this.writer, SYNC_ID]);
    if (version % PRUNE_EVERY === 0 && version > KEEP_TOMBSTONES) {
      const floor = version - KEEP_TOMBSTONES;
      await tx.run('DELETE FROM "CloudRow" WHERE "deleted" = ? AND "version" <= ?', [true, floor]);
      await tx.run('UPDATE "CloudSync" SET "floor" = ? WHERE "id" = ?', [floor, SYNC_ID]);
    }
  }
}
