/**
 * CPU time an end-to-end step costs: this process's (the server paths run Hearth in it) and, when the
 * database is a PostgreSQL server on this machine, its backends' serving this database (read from
 * /proc, so a server elsewhere or a /proc we may not read gives no server figure). On a shared,
 * loaded machine CPU time is steadier than wall time, and PostgreSQL's own work happens in other
 * processes, so a fair comparison with SQLite (in-process) adds the two.
 */
import fs from "node:fs";

/** CPU milliseconds of one measured step. */
export interface CpuCost {
  /** This process (user + system). */
  clientMs: number;
  /** The PostgreSQL backends of the database; undefined for SQLite or when they cannot be read. */
  serverMs?: number;
}

/** Measures steps. */
export interface CpuMeter {
  /** Runs `step` and returns its result with the CPU it cost. */
  measure<T>(step: () => Promise<T>): Promise<{ value: T; cpu: CpuCost }>;
  close(): Promise<void>;
}

/** Linux's USER_HZ (the unit of /proc/<pid>/stat's times) is 100 on every architecture Node runs on. */
const TICK_MS = 10;

/** utime + stime of a process in ms, or undefined when it has gone or cannot be read. */
function processCpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // fields after the command (which may hold spaces) start after the last ')': state is field 3, utime 14, stime 15
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

/** The meter of the database at `url` (server CPU only for a PostgreSQL on 127.0.0.1 / localhost). */
export async function openCpuMeter(url: string): Promise<CpuMeter> {
  const local = /^postgres(ql)?:\/\/[^/]*@?(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(url);
  const pg = local ? (await import("pg")).default : undefined;
  const client = pg && new pg.Client({ connectionString: url });
  await client?.connect();
  /** CPU ms of each backend of this database but the meter's own; undefined when one cannot be read. */
  const backends = async (): Promise<Map<number, number> | undefined> => {
    if (!client) return undefined;
    const { rows } = await client.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    const cpu = new Map<number, number>();
    for (const { pid } of rows) {
      const ms = processCpuMs(pid);
      if (ms !== undefined) cpu.set(pid, ms);
    }
    return rows.length > 0 && cpu.size === 0 ? undefined : cpu;
  };
  return {
    async measure(step) {
      const before = await backends();
      const start = process.cpuUsage();
      const value = await step();
      const used = process.cpuUsage(start);
      const after = await backends();
      // a backend that started during the step counts whole; one that ended during it is lost (pools keep theirs open)
      const serverMs = before && after ? [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0) : undefined;
      return { value, cpu: { clientMs: (used.user + used.system) / 1000, serverMs } };
    },
    async close() {
      await client?.end();
    },
  };
}
