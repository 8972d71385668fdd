/**
 * SqlStackStore: the engine's StackStore port (and the global event feed) straight on the SQL driver
 * Prisma's adapter wraps (better-sqlite3 or pg); Prisma keeps the schema and the migrations. Every
 * write is a unit of a group commit (group-commit.ts): the changes of one scheduler step share one
 * transaction, and each caller is answered once it is durable; a read waits for the writes this
 * process submitted before it. Locks are leases taken with one
 * conditional upsert (free, expired, or already mine), so any number of engine processes sharing the
 * database never operate a stack together. docs/store.md has the measurements behind each choice.
 */
import { conflict } from "../engine/errors";
import type { EventRecord, ResourceRecord, StackFilter, StackLock, StackRecord, StackStore, StoreChange } from "../engine/ports";
import { type ApplyBatch, GroupCommit, type Outcome } from "./group-commit";
import type { EventFeed } from "./ports";
import { applyChanges, applyChangesAlone, prepareChange, type PreparedChange } from "./sql/apply-changes";
import { bulkWriter } from "./sql/bulk";
import { columnList, rowToEvent, rowToLock, rowToResource, rowToStack, STACK_COLUMNS, valuesOf } from "./sql/columns";
import type { SqlDriver, SqlExecutor, SqlValue } from "./sql/driver";

/** Options of the store. */
export interface SqlStackStoreOptions {
  /** Wall clock for lock expiry (epoch ms); shared by every process, so the default is Date.now. */
  now?: () => number;
}

/**
 * A unit of the group commit: a StoreChange, or statements run in order with the changes; `alone`
 * is the same write as one statement of its own, used when the unit has its batch to itself.
 */
type Unit = { change: PreparedChange } | { direct: (tx: SqlExecutor) => Promise<unknown>; alone?: (driver: SqlDriver) => Promise<unknown> };

type Row = Record<string, unknown>;

/** True when a driver error is a unique-key violation (SQLite or PostgreSQL). */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? "";
  return code === "23505" || code.startsWith("SQLITE_CONSTRAINT_PRIMARYKEY") || code.startsWith("SQLITE_CONSTRAINT_UNIQUE");
}

/** The StackStore port on a SqlDriver. */
export class SqlStackStore implements StackStore, EventFeed {
  private readonly now: () => number;
  private readonly writes: GroupCommit<Unit, unknown>;
  /** Text columns sort by code point on both databases (PostgreSQL's default collation would not). */
  private readonly binary: string;

  constructor(
    private readonly driver: SqlDriver,
    options: SqlStackStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.binary = driver.dialect === "postgres" ? ' COLLATE "C"' : "";
    this.writes = new GroupCommit<Unit, unknown>(this.applyBatch());
  }

  commit(change: StoreChange): Promise<EventRecord[]> {
    return this.writes.submit({ change: prepareChange(change) }) as Promise<EventRecord[]>;
  }

  async createStack(record: StackRecord): Promise<void> {
    const sql = `INSERT INTO "Stack" (${columnList(STACK_COLUMNS)}) VALUES (${STACK_COLUMNS.map(() => "?").join(", ")})`;
    const values = valuesOf(STACK_COLUMNS, record);
    try {
      await this.statement(sql, values);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`stack id ${record.id} already exists`);
      throw error;
    }
  }

  async getStack(id: string): Promise<StackRecord | undefined> {
    const [row] = await this.read<Row>('SELECT * FROM "Stack" WHERE "id" = ?', [id]);
    return row && rowToStack(row);
  }

  async findStackByName(projectId: string, name: string): Promise<StackRecord | undefined> {
    const [row] = await this.read<Row>(
      `SELECT * FROM "Stack" WHERE "projectId" = ? AND "name" = ? AND "deletedAt" IS NULL ORDER BY "createdAt"${this.binary} DESC LIMIT 1`,
      [projectId, name],
    );
    return row && rowToStack(row);
  }

  async listStacks(filter: StackFilter): Promise<StackRecord[]> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    const equal = (column: string, value: string) => (where.push(`"${column}" = ?`), params.push(value));
    if (filter.projectId !== undefined) equal("projectId", filter.projectId);
    if (filter.name !== undefined) equal("name", filter.name);
    if (filter.parentId !== undefined) equal("parentId", filter.parentId);
    else if (!filter.includeNested) where.push('"parentId" IS NULL');
    if (!filter.includeDeleted) where.push('"deletedAt" IS NULL');
    if (filter.status !== undefined) {
      // Heat's full status (CREATE_COMPLETE) or just the status part (COMPLETE), in the query, so a
      // recovery sweep listing the stacks IN_PROGRESS reads only those
      const wanted = filter.status.toUpperCase();
      where.push(`("status" = ? OR "action" || '_' || "status" = ?)`);
      params.push(wanted, wanted);
    }
    if (filter.resourceTypes !== undefined) {
      // the HA monitor's watch list: the index on Resource(type, stackId) finds the stacks without reading the others
      const types = filter.resourceTypes;
      where.push(types.length ? `"id" IN (SELECT "stackId" FROM "Resource" WHERE "type" IN (${types.map(() => "?").join(", ")}))` : "0 = 1");
      params.push(...types);
    }
    const condition = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const rows = await this.read<Row>(`SELECT * FROM "Stack" ${condition} ORDER BY "createdAt"${this.binary}, "id"${this.binary}`, params);
    return rows.map(rowToStack);
  }

  async updateStack(id: string, patch: Partial<StackRecord>): Promise<void> {
    await this.commit({ stack: { id, patch } });
  }

  async purgeStack(id: string): Promise<void> {
    await this.direct(async (tx) => {
      for (const table of ["Resource", "Event", "StackLock"]) await tx.run(`DELETE FROM "${table}" WHERE "stackId" = ?`, [id]);
      await tx.run('DELETE FROM "Stack" WHERE "id" = ?', [id]);
    });
  }

  async listResources(stackId: string): Promise<ResourceRecord[]> {
    const order = ["createdAt", "name", "id"].map((c) => `"${c}"${this.binary}`).join(", ");
    const rows = await this.read<Row>(`SELECT * FROM "Resource" WHERE "stackId" = ? ORDER BY ${order}`, [stackId]);
    return rows.map(rowToResource);
  }

  async saveResource(record: ResourceRecord): Promise<void> {
    await this.commit({ resources: [record] });
  }

  async deleteResource(id: string): Promise<void> {
    await this.commit({ deletedResources: [id] });
  }

  async appendEvent(event: Omit<EventRecord, "id" | "seq">): Promise<EventRecord> {
    const [stored] = await this.commit({ events: [event] });
    return stored;
  }

  async listEvents(stackId: string, afterSeq = 0, limit?: number): Promise<EventRecord[]> {
    const sql = 'SELECT * FROM "Event" WHERE "stackId" = ? AND "seq" > ? ORDER BY "seq"';
    const rows = limit === undefined ? await this.read<Row>(sql, [stackId, afterSeq]) : await this.read<Row>(`${sql} LIMIT ?`, [stackId, afterSeq, limit]);
    return rows.map(rowToEvent);
  }

  async eventsAfter(afterSeq: number, limit: number): Promise<EventRecord[]> {
    const rows = await this.read<Row>('SELECT * FROM "Event" WHERE "seq" > ? ORDER BY "seq" LIMIT ?', [afterSeq, limit]);
    return rows.map(rowToEvent);
  }

  async lastEventSeq(stackId?: string): Promise<number> {
    // a stack's: the last entry of the ("stackId", "seq") index, one row read however many events it has
    const [row] =
      stackId === undefined
        ? await this.read<{ last: number | string | null }>('SELECT MAX("seq") AS "last" FROM "Event"')
        : await this.read<{ last: number | string }>('SELECT "seq" AS "last" FROM "Event" WHERE "stackId" = ? ORDER BY "seq" DESC LIMIT 1', [stackId]);
    return Number(row?.last ?? 0);
  }

  async acquireLock(stackId: string, owner: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    // one conditional upsert: insert a free lock, or take over one that is mine or has expired
    const sql = `INSERT INTO "StackLock" ("stackId", "owner", "expiresAt") VALUES (?, ?, ?)
      ON CONFLICT ("stackId") DO UPDATE SET "owner" = excluded."owner", "expiresAt" = excluded."expiresAt"
      WHERE "StackLock"."owner" = excluded."owner" OR "StackLock"."expiresAt" <= ?`;
    const taken = await this.statement(sql, [stackId, owner, Math.ceil(now + ttlMs), Math.floor(now)]);
    return taken > 0;
  }

  async renewLock(stackId: string, owner: string, ttlMs: number): Promise<boolean> {
    const expiresAt = Math.ceil(this.now() + ttlMs);
    // Not in the group commit's queue: it only moves the lease's expiry, and must not wait behind bulk writes.
    const renewed = await this.driver.urgent('UPDATE "StackLock" SET "expiresAt" = ? WHERE "stackId" = ? AND "owner" = ? RETURNING 1', [expiresAt, stackId, owner]);
    return renewed.length > 0;
  }

  async releaseLock(stackId: string, owner: string): Promise<void> {
    await this.statement('DELETE FROM "StackLock" WHERE "stackId" = ? AND "owner" = ?', [stackId, owner]);
  }

  async getLock(stackId: string): Promise<StackLock | undefined> {
    const [row] = await this.read<Row>('SELECT * FROM "StackLock" WHERE "stackId" = ?', [stackId]);
    return row && rowToLock(row);
  }

  async expiredLocks(now: number): Promise<StackLock[]> {
    const rows = await this.read<Row>('SELECT * FROM "StackLock" WHERE "expiresAt" <= ? ORDER BY "stackId"', [Math.floor(now)]);
    return rows.map(rowToLock);
  }

  /** A query run once this process's earlier writes are committed, so it sees them (read your writes). */
  private async read<T>(sql: string, params?: SqlValue[]): Promise<T[]> {
    await this.writes.idle();
    return this.driver.query<T>(sql, params);
  }

  /** Runs `statement` as a unit of the group commit, in order with the changes around it (at once when none wait). */
  private direct<T>(statement: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.writes.submit({ direct: statement }, true) as Promise<T>;
  }

  /**
   * One write statement as a direct unit; resolves to the rows it changed. Alone in its batch (a lock
   * call usually is) it is sent as a transaction of its own: on PostgreSQL one round trip, not three
   * (BEGIN, the statement, COMMIT). RETURNING counts its rows there, as both databases support.
   */
  private statement(sql: string, params: SqlValue[]): Promise<number> {
    const alone = (driver: SqlDriver) => driver.write(`${sql} RETURNING 1`, params).then((rows) => rows.length);
    return this.writes.submit({ direct: (tx) => tx.run(sql, params), alone }, true) as Promise<number>;
  }

  /**
   * One transaction per batch: runs of changes go through applyChanges, direct units in between; a
   * batch of changes alone is one statement on PostgreSQL (applyChangesAlone), and a statement unit
   * alone in its batch is sent by itself (statement()).
   */
  private applyBatch(): ApplyBatch<Unit, unknown> {
    const bulk = bulkWriter(this.driver.dialect);
    return (units) => {
      const [first] = units;
      if (units.length === 1 && "alone" in first && first.alone) return first.alone(this.driver).then((value) => [{ ok: true, value }]);
      const changes = units.flatMap((unit) => ("change" in unit ? [unit.change] : []));
      const alone = changes.length === units.length ? applyChangesAlone(this.driver, bulk, changes) : undefined;
      if (alone) return alone;
      return this.driver.transaction(async (tx) => {
        const outcomes: Outcome<unknown>[] = [];
        let run: PreparedChange[] = [];
        const flush = async () => {
          if (run.length) outcomes.push(...(await applyChanges(tx, bulk, run)));
          run = [];
        };
        for (const unit of units) {
          if ("change" in unit) {
            run.push(unit.change);
            continue;
          }
          await flush();
          outcomes.push({ ok: true, value: await unit.direct(tx) });
        }
        await flush();
        return outcomes;
      });
    };
  }
}
