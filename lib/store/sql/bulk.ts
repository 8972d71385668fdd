/**
 * The stack store's bulk writes, one implementation per driver. SQLite runs one cached single-row
 * statement per row (in-process calls, microseconds each); PostgreSQL sends one statement per table
 * for the whole batch (rows as arrays through unnest), since each statement there costs a round trip.
 */
import { type Column, columnList, EVENT_COLUMNS, RESOURCE_COLUMNS } from "./columns";
import type { SqlDialect, SqlDriver, SqlExecutor, SqlValue } from "./driver";

/** A stack patch as an UPDATE: the columns set and their values. */
export interface StackPatch {
  id: string;
  columns: string[];
  values: SqlValue[];
}

/**
 * The rows one batch writes: stack patches (one per stack, fields of later patches over earlier ones),
 * resources to upsert (ids unique), ids to delete (none of them upserted), events in order.
 */
export interface BatchRows {
  patches: StackPatch[];
  upserts: SqlValue[][];
  deletes: string[];
  events: SqlValue[][];
}

/** The statement of a patch: an UPDATE (or, with no fields, a look-up) that yields one row when the stack exists. */
export function stackPatchStatement(patch: StackPatch): { sql: string; params: SqlValue[] } {
  if (patch.columns.length === 0) return { sql: 'SELECT 1 FROM "Stack" WHERE "id" = ?', params: [patch.id] };
  const set = patch.columns.map((name) => `"${name}" = ?`).join(", ");
  return { sql: `UPDATE "Stack" SET ${set} WHERE "id" = ? RETURNING 1`, params: [...patch.values, patch.id] };
}

/** SQLSTATE of the one-statement batch's guard: a patched stack was not found, so nothing of the batch was written. */
export const PATCHED_STACK_MISSING = "22012";

/** Writes many rows of the stack store in the caller's transaction; rows are values in column order. */
export interface BulkWriter {
  /** Inserts or replaces RESOURCE_COLUMNS rows by id (ids unique within the call). */
  upsertResources(tx: SqlExecutor, rows: SqlValue[][]): Promise<void>;
  deleteResources(tx: SqlExecutor, ids: string[]): Promise<void>;
  /** Appends EVENT_COLUMNS rows in order; returns their sequence numbers, in the same order. */
  appendEvents(tx: SqlExecutor, rows: SqlValue[][]): Promise<number[]>;
  /**
   * The whole of `rows` as ONE statement, a transaction of its own (PostgreSQL only, where each
   * statement, BEGIN and COMMIT included, is a round trip); returns the events' sequence numbers in
   * order. When a patched stack is missing the statement fails with PATCHED_STACK_MISSING, writing nothing.
   */
  writeAlone?(driver: SqlDriver, rows: BatchRows): Promise<number[]>;
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

/** PostgreSQL's statements, as text and parameters, so the transaction path and the one-statement path share them. */
const pgSql = {
  upsert(rows: SqlValue[][]) {
    const { from, params } = unnest(RESOURCE_COLUMNS, rows);
    return { sql: `INSERT INTO "Resource" (${columnList(RESOURCE_COLUMNS)}) SELECT * FROM ${from} ${UPSERT_TAIL}`, params };
  },
  delete: (ids: string[]) => ({ sql: 'DELETE FROM "Resource" WHERE "id" = ANY(?::text[])', params: [ids] as SqlValue[] }),
  /** The events' INSERT after `source` (FROM items, which may take the event order lock), returning "seq" and "id". */
  append(rows: SqlValue[][], source = "") {
    const { from, params } = unnest(EVENT_COLUMNS, rows);
    return { sql: `INSERT INTO "Event" (${columnList(EVENT_COLUMNS)}) SELECT "rows".* FROM ${source}${from} AS "rows" RETURNING "seq", "id"`, params };
  },
};

/** The stored events' sequence numbers in the order of `rows`. */
function seqsInOrder(rows: SqlValue[][], stored: { seq: string | number; id: string }[]): number[] {
  const seqOf = new Map(stored.map((row) => [row.id, Number(row.seq)]));
  return rows.map((row) => seqOf.get(row[0] as string)!);
}

// Sequence numbers must become visible in order (readers resume from the last one they saw): a batch
// that appends events takes EVENT_ORDER_LOCK first and holds it until commit, so no later number
// commits before an earlier one.
const postgresBulk: BulkWriter = {
  async upsertResources(tx, rows) {
    if (rows.length === 0) return;
    const { sql, params } = pgSql.upsert(rows);
    await tx.run(sql, params);
  },
  async deleteResources(tx, ids) {
    if (ids.length === 0) return;
    const { sql, params } = pgSql.delete(ids);
    await tx.run(sql, params);
  },
  async appendEvents(tx, rows) {
    if (rows.length === 0) return [];
    await tx.query("SELECT pg_advisory_xact_lock(?::bigint)", [EVENT_ORDER_LOCK]);
    const { sql, params } = pgSql.append(rows);
    return seqsInOrder(rows, await tx.query(sql, params));
  },
  async writeAlone(driver, { patches, upserts, deletes, events }) {
    // data-modifying CTEs all run to completion in the statement's one implicit transaction; the event
    // INSERT reads its rows joined to "ordered", so the lock is held before the first sequence number is drawn
    const ctes: string[] = [];
    const params: SqlValue[] = [];
    const add = (name: string, part: { sql: string; params: SqlValue[] }) => (ctes.push(`"${name}" AS (${part.sql})`), params.push(...part.params));
    patches.forEach((patch, i) => add(`p${i}`, stackPatchStatement(patch)));
    if (upserts.length) add("upserted", pgSql.upsert(upserts));
    if (deletes.length) add("deleted", pgSql.delete(deletes));
    if (events.length) {
      add("ordered", { sql: "SELECT pg_advisory_xact_lock(?::bigint)", params: [EVENT_ORDER_LOCK] });
      add("appended", pgSql.append(events, '"ordered", '));
    }
    if (ctes.length === 0) return [];
    // the guard row: 1 / 0 (PATCHED_STACK_MISSING) unless every patch found its stack, which aborts the statement
    const found = patches.length ? patches.map((_, i) => `(SELECT count(*) FROM "p${i}")`).join(" + ") : "0";
    const guard = `SELECT NULL::integer AS "seq", (1 / (${found} = ${patches.length})::int)::text AS "id"`;
    const rows = events.length ? `SELECT "seq", "id" FROM "appended" UNION ALL ${guard}` : guard;
    const stored = await driver.write<{ seq: string | null; id: string }>(`WITH ${ctes.join(", ")} ${rows}`, params);
    return events.length ? seqsInOrder(events, stored.filter((row) => row.seq !== null) as { seq: string; id: string }[]) : [];
  },
};

/** The bulk writer of a dialect. */
export function bulkWriter(dialect: SqlDialect): BulkWriter {
  return dialect === "sqlite" ? sqliteBulk : postgresBulk;
}
