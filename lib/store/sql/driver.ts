/**
 * The SQL drivers the stack store talks to directly (better-sqlite3 for SQLite, pg for PostgreSQL):
 * the same two calls on both, with `?` placeholders, so the store's SQL is written once. Prisma keeps
 * the schema and the migrations; the hot write path skips its query compiler (docs/store.md says why).
 */

/** A value a statement binds. Booleans become 0/1 on SQLite; JSON goes in as its text. */
export type SqlValue = string | number | boolean | bigint | null | SqlValue[];

/** Runs statements: on the connection, or inside one transaction. */
export interface SqlExecutor {
  /** Rows of a query (or of a write with RETURNING). */
  query<T>(sql: string, params?: SqlValue[]): Promise<T[]>;
  /** Runs a write; resolves with the number of rows it changed. */
  run(sql: string, params?: SqlValue[]): Promise<number>;
}

/** Which SQL family a driver speaks. */
export type SqlDialect = "sqlite" | "postgres";

/** A connection (or pool) to one database. */
export interface SqlDriver {
  readonly dialect: SqlDialect;
  /** Reads outside any transaction. */
  query<T>(sql: string, params?: SqlValue[]): Promise<T[]>;
  /**
   * Runs `body` in one write transaction: committed (durably) when it resolves, rolled back when it
   * throws. Waiting for another writer (SQLite's file lock) never blocks the event loop.
   */
  transaction<T>(body: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * Runs one statement (a write, with RETURNING or not) as a transaction of its own: committed when it
   * resolves; tried again like a transaction when it meets a conflict another writer may have caused.
   */
  write<T>(sql: string, params?: SqlValue[]): Promise<T[]>;
  /**
   * Like `write`, on a connection kept for short urgent statements (lease renewals), so they never
   * wait behind the pool's bulk work: a renewal late by a lease's length lets a peer take a stack its
   * engine is still running.
   */
  urgent<T>(sql: string, params?: SqlValue[]): Promise<T[]>;
  close(): Promise<void>;
}

/** Rewrites `?` placeholders into PostgreSQL's `$1, $2, ...` (our SQL has no `?` in literals). */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
