/**
 * SqlDriver on better-sqlite3 (the driver Prisma's SQLite adapter wraps), on its own connection:
 * WAL journal, synchronous=NORMAL unless `fsyncEachCommit` (docs/store.md: a commit survives any
 * process crash; only a crash of the machine may lose the last commits, never consistency), every
 * statement prepared once and cached. A write transaction
 * starts with BEGIN IMMEDIATE and busy_timeout 0: when another connection holds the write lock it
 * retries after a short timer instead of spinning inside the driver, so the event loop (and a Prisma
 * transaction of this same process that holds the lock) keeps running.
 */
import Database from "better-sqlite3";
import type { SqlDriver, SqlExecutor, SqlValue } from "./driver";

/** How long a writer keeps retrying a busy database before it fails. */
const BUSY_LIMIT_MS = 10_000;

/** One SQLite connection with a statement cache. */
export class SqliteDriver implements SqlDriver {
  readonly dialect = "sqlite";
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** Transactions of this connection run one after another. */
  private tail: Promise<unknown> = Promise.resolve();
  private readonly executor: SqlExecutor = {
    query: async <T>(sql: string, params: SqlValue[] = []) => this.all<T>(sql, params),
    run: async (sql: string, params: SqlValue[] = []) => this.statement(sql).run(...bind(params)).changes,
  };

  /** Opens `file` (which must exist or be creatable); `fsyncEachCommit` makes every commit survive a power loss too. */
  constructor(file: string, fsyncEachCommit = false) {
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma(`synchronous = ${fsyncEachCommit ? "FULL" : "NORMAL"}`);
    this.db.pragma("busy_timeout = 0");
  }

  async query<T>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    return this.all<T>(sql, params);
  }

  transaction<T>(body: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const run = this.tail.then(() => this.inTransaction(body));
    this.tail = run.catch(() => undefined);
    return run;
  }

  write<T>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    return this.transaction((tx) => tx.query<T>(sql, params));
  }

  /** One connection, whose statements take a millisecond: the same as `write`. */
  urgent<T>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    return this.write(sql, params);
  }

  async close(): Promise<void> {
    await this.tail;
    this.db.close();
  }

  private async inTransaction<T>(body: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    await this.begin();
    try {
      const result = await body(this.executor);
      this.statement("COMMIT").run();
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.statement("ROLLBACK").run();
      throw error;
    }
  }

  /** BEGIN IMMEDIATE (takes the write lock now), retried on a timer while another connection writes. */
  private async begin(): Promise<void> {
    const deadline = Date.now() + BUSY_LIMIT_MS;
    for (let pause = 1; ; pause = Math.min(pause * 2, 25)) {
      try {
        this.statement("BEGIN IMMEDIATE").run();
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== "SQLITE_BUSY" || Date.now() > deadline) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  private all<T>(sql: string, params: SqlValue[]): T[] {
    return this.statement(sql).all(...bind(params)) as T[];
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** better-sqlite3 binds no booleans: Prisma stores them as 0/1, so do we. */
function bind(params: SqlValue[]): unknown[] {
  return params.map((value) => (typeof value === "boolean" ? (value ? 1 : 0) : value));
}
