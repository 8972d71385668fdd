/**
 * The login throttle's failure counts in the database (table LoginFailures): the LoginFailureStore
 * port (ports.ts) on the SQL driver, the same statements on SQLite and PostgreSQL. Every call is one
 * write transaction that first takes each key's row with an upsert: PostgreSQL holds that row's lock
 * until commit (a second process touching the key waits), SQLite's BEGIN IMMEDIATE holds the whole
 * file's. So the count a process reads is the count it writes back, and no two processes can both
 * take a key's last try.
 */
import type { FullKey, LoginFailureStore } from "./ports";
import type { SqlDriver, SqlExecutor } from "./sql/driver";

/** Takes (creating when absent) the row of a key, locked until the transaction ends, and gives its times. */
const TAKE_ROW = `INSERT INTO "LoginFailures" ("key", "times", "lastAt") VALUES (?, '[]', ?)
  ON CONFLICT ("key") DO UPDATE SET "key" = excluded."key" RETURNING "times"`;

/** Drops the row of a key. */
const DELETE_KEY = `DELETE FROM "LoginFailures" WHERE "key" = ?`;

/** Failed logins kept by the SQL driver. */
export class SqlLoginFailures implements LoginFailureStore {
  constructor(private readonly driver: SqlDriver) {}

  record(keys: string[], at: number, since: number, limit: number): Promise<FullKey | undefined> {
    return this.driver.transaction(async (tx) => {
      const taken = new Map<string, number[]>();
      // one order for every process, so two transactions taking the same two keys cannot deadlock
      for (const key of [...new Set(keys)].sort()) taken.set(key, (await takeRow(tx, key, at)).filter((t) => t > since));
      const full = keys.find((key) => taken.get(key)!.length >= limit);
      if (!full) for (const [key, times] of taken) await write(tx, key, [...times, at].slice(-limit));
      // stale keys, and the rows just made for keys refused along with a full one
      await tx.run(`DELETE FROM "LoginFailures" WHERE "lastAt" <= ? OR "times" = '[]'`, [since]);
      return full === undefined ? undefined : { key: full, times: taken.get(full)! };
    });
  }

  takeBack(key: string, at: number): Promise<void> {
    return this.driver.transaction(async (tx) => {
      const times = await takeRow(tx, key, at);
      const index = times.indexOf(at);
      if (index >= 0) times.splice(index, 1);
      await write(tx, key, times);
    });
  }

  forget(key: string): Promise<void> {
    return this.driver.transaction(async (tx) => void (await tx.run(DELETE_KEY, [key])));
  }
}

/** The failure times of `key` (oldest first), its row taken for this transaction. */
async function takeRow(tx: SqlExecutor, key: string, at: number): Promise<number[]> {
  const [row] = await tx.query<{ times: string }>(TAKE_ROW, [key, at]);
  return JSON.parse(row.times) as number[];
}

/** Stores the failure times of `key`; a key left with none is dropped. */
async function write(tx: SqlExecutor, key: string, times: number[]): Promise<void> {
  if (times.length === 0) await tx.run(DELETE_KEY, [key]);
  else await tx.run(`UPDATE "LoginFailures" SET "times" = ?, "lastAt" = ? WHERE "key" = ?`, [JSON.stringify(times), times[times.length - 1], key]);
}
