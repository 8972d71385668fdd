/**
 * The stack store's bulk writes, one implementation per driver. SQLite runs one cached single-row
 * statement per row (in-process calls, microseconds each); PostgreSQL sends one statement per table
 * for the whole batch (rows as arrays through unnest), since each statement there costs a round trip.
 */
import { type Column, columnList, EVENT_COLUMNS, RESOURCE_COLUMNS } from "./columns";
import type { SqlDialect, SqlExecutor, SqlValue } from "./driver";

/** Writes many rows of the stack store in the caller's transaction; rows are values in column order. */
export interface BulkWriter {
  /** Inserts or replaces RESOURCE_COLUMNS rows by id (ids unique within the call). */
  upsertResources(tx: SqlExecutor, rows: SqlValue[][]): Promise<void>;
  deleteResources(tx: SqlExecutor, ids: string[]): Promise<void>;
  /** Appends EVENT_COLUMNS rows in order; returns their sequence numbers, in the same order. */
  appendEvents(tx: SqlExecutor, rows: SqlValue[][]): Promise<number[]>;
}

/** `"col" = excluded."col"` for every column but the key. */
const updateSet = (columns: Column[]) =>
  columns.filter((c) => c.name !== "id").map((c) => `"${c.name}" = excluded."${c.name}"`).join(", ");

const UPSERT_TAIL = `ON CONFLICT ("id") DO UPDATE SET ${updateSet(RESOURCE_COLUMNS)}`;
const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ");

/** Key of the advisory lock that orders event appends across PostgreSQL sessions. */
const EVENT_ORDER_LOCK = 7_406_211;

const sqliteBulk: BulkWriter = {
  async upsertResources(tx, rows) {
    const sql = `INSERT INTO "Resource" (${columnList(RESOURCE_COLUMNS)}) VALUES (${placeholders(RESOURCE_COLUMNS.length)}) ${UPSERT_TAIL}`;
    for (const row of rows) await tx.run(sql, row);
  },
  async deleteResources(tx, ids) {
    for (const id of ids) await tx.run('DELETE FROM "Resource" WHERE "id" = ?', [id]);
  },
  async appendEvents(tx, rows) {
    const sql = `INSERT INTO "Event" (${columnList(EVENT_COLUMNS)}) VALUES (${placeholders(EVENT_COLUMNS.length)}) RETURNING "seq"`;
    const seqs: number[] = [];
    for (const row of rows) seqs.push(Number((await tx.query<{ seq: number }>(sql, row))[0].seq));
    return seqs;
  },
};

/** `unnest(?::text[], ?::jsonb[], ...)` over `columns`, and its parameters (one array per column). */
function unnest(columns: Column[], rows: SqlValue[][]): { from: string; params: SqlValue[] } {
  return {
    from: `unnest(${columns.map((c) => `?::${c.pg}[]`).join(", ")})`,
    params: columns.map((_, i) => rows.map((row) => row[i])),
  };
}

const postgresBulk: BulkWriter = {
  async upsertResources(tx, rows) {
    if (rows.length === 0) return;
    const { from, params } = unnest(RESOURCE_COLUMNS, rows);
    await tx.run(`INSERT INTO "Resource" (${columnList(RESOURCE_COLUMNS)}) SELECT * FROM ${from} ${UPSERT_TAIL}`, params);
  },
  async deleteResources(tx, ids) {
    if (ids.length > 0) await tx.run('DELETE FROM "Resource" WHERE "id" = ANY(?::text[])', [ids]);
  },
  async appendEvents(tx, rows) {
    if (rows.length === 0) return [];
    // sequence numbers must become visible in order (readers resume from the last one they saw): one
    // appender at a time until commit, so no later number commits before an earlier one
    await tx.query("SELECT pg_advisory_xact_lock(?::bigint)", [EVENT_ORDER_LOCK]);
    const { from, params } = unnest(EVENT_COLUMNS, rows);
    const stored = await tx.query<{ seq: string; id: string }>(`INSERT INTO "Event" (${columnList(EVENT_COLUMNS)}) SELECT * FROM ${from} RETURNING "seq", "id"`, params);
    const seqOf = new Map(stored.map((row) => [row.id, Number(row.seq)]));
    return rows.map((row) => seqOf.get(row[0] as string)!);
  },
};

/** The bulk writer of a dialect. */
export function bulkWriter(dialect: SqlDialect): BulkWriter {
  return dialect === "sqlite" ? sqliteBulk : postgresBulk;
}
