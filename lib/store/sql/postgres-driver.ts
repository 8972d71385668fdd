/**
 * SqlDriver on node-postgres (the driver Prisma's PostgreSQL adapter wraps): a small pool, each
 * statement a named prepared statement (parsed once per connection), transactions on one pooled
 * client. A serialization failure or deadlock (peers racing) is retried a few times. Sessions run
 * with synchronous_commit off unless `fsyncEachCommit`: the same guarantee as SQLite's NORMAL (a
 * commit survives any engine crash; a crash of the database host may lose its last fraction of a
 * second, never consistency), for a tenth of the commit's cost here (docs/store.md).
 */
import pg from "pg";
import { numberedPlaceholders, type SqlDriver, type SqlExecutor, type SqlValue } from "./driver";

/**
 * Connections per process. The engine's writes are batched, but reads (REST polls, the HA and
 * divergence watches, leases, the cloud's catch-up) share the pool: with 4, three engines on a loaded
 * machine waited more than 10 s for a connection and failed 9 of 50 stacks of bench/peers.ts
 * (oslo.db, Heat's, allows 5 plus 50 overflow and waits 30 s).
 */
const POOL_SIZE = 10;
/** Connections kept for urgent statements (lease renewals): one each is enough, two ride out a slow one. */
const URGENT_POOL_SIZE = 2;
/** How long a statement waits for a pooled connection (or a new one to open) before it fails. */
const CONNECT_TIMEOUT_MS = 30_000;
/** SQLSTATEs worth retrying a transaction for: serialization_failure, deadlock_detected. */
const RETRYABLE = new Set(["40001", "40P01"]);
const ATTEMPTS = 5;

/** True when a try that failed with `error` should be made again. */
function retryable(error: unknown, attempt: number): boolean {
  return RETRYABLE.has((error as { code?: string }).code ?? "") && attempt < ATTEMPTS;
}

/** A pool of connections to one PostgreSQL database. */
export class PostgresDriver implements SqlDriver {
  readonly dialect = "postgres";
  private readonly pool: pg.Pool;
  /** Connections of `urgent` statements only. */
  private readonly urgentPool: pg.Pool;
  private readonly names = new Map<string, { name: string; text: string }>();

  constructor(url: string, fsyncEachCommit = false) {
    const options = `-c synchronous_commit=${fsyncEachCommit ? "on" : "off"}`;
    this.pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, options });
    this.urgentPool = new pg.Pool({ connectionString: url, max: URGENT_POOL_SIZE, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, options });
    // an idle client's error (the server went away) must not crash the process; the next query reports it
    this.pool.on("error", () => undefined);
    this.urgentPool.on("error", () => undefined);
  }

  async query<T>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    return (await this.pool.query({ ...this.prepared(sql), values: params })).rows as T[];
  }

  async transaction<T>(body: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      try {
        await client.query("BEGIN");
        const result = await body(this.executorOn(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        if (!retryable(error, attempt)) throw error;
      } finally {
        client.release();
      }
    }
  }

  /** One statement is its own implicit transaction in PostgreSQL: no BEGIN and COMMIT round trips. */
  async write<T>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.query<T>(sql, params);
      } catch (error) {
        if (!retryable(error, attempt)) throw error;
      }
    }
  }

  /** One statement on the urgent pool (its own transaction), retried like `write`. */
  async urgent<T>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await this.urgentPool.query({ ...this.prepared(sql), values: params })).rows as T[];
      } catch (error) {
        if (!retryable(error, attempt)) throw error;
      }
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.urgentPool.end()]);
  }

  private executorOn(client: pg.PoolClient): SqlExecutor {
    return {
      query: async <T>(sql: string, params: SqlValue[] = []) => (await client.query({ ...this.prepared(sql), values: params })).rows as T[],
      run: async (sql: string, params: SqlValue[] = []) => (await client.query({ ...this.prepared(sql), values: params })).rowCount ?? 0,
    };
  }

  /** The statement's name and numbered text: pg prepares a named statement once per connection. */
  private prepared(sql: string): { name: string; text: string } {
    let entry = this.names.get(sql);
    if (!entry) {
      entry = { name: `hearth_${this.names.size + 1}`, text: numberedPlaceholders(sql) };
      this.names.set(sql, entry);
    }
    return entry;
  }
}
