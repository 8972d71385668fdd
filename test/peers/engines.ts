/**
 * A fleet of real `hearth engine --listen` processes on one database, for the peer tests and the
 * peers bench: start them (each on a free loopback port, waiting for its ready line), kill one with
 * SIGKILL, restart it under a new name, and stop every process started, by pid, whatever happened.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { currentCli } from "../../scripts/cli-build.mjs";

/** The project root (bin/hearth.mjs, migrations). */
export const ROOT = path.resolve(import.meta.dirname, "../..");

/** How long an engine may take to print its ready line (it migrates and opens the cloud first). */
const READY_TIMEOUT_MS = 60_000;
/** USER_HZ: the unit of /proc/<pid>/stat's CPU times on Linux. */
const CLOCK_TICKS_PER_SECOND = 100;

/** One engine process. */
export interface EngineProcess {
  /** Its lock owner id (--name). */
  name: string;
  /** http://127.0.0.1:port of its API. */
  origin: string;
  child: ChildProcess;
  /** False once the process has exited (killed or stopped). */
  alive: boolean;
  /** Its stderr so far (for failure messages). */
  stderr: string;
  /** True once this fleet killed it (an exit without it is a crash). */
  killed: boolean;
  /** Its exit code or signal once exited. */
  exit?: string;
}

/** How the fleet's engines run. */
export interface FleetOptions {
  databaseUrl: string;
  /** Admin password of the identity's bootstrap (first start). */
  password: string;
  /** HEARTH_SIM_SPEED of every engine (cloud latency; 0 = instant). */
  simSpeed: number;
  simSeed: number;
  leaseMs: number;
  sweepMs: number;
  /** Prefix of the engines' names: <prefix>-<slot>-<generation>. */
  prefix: string;
  /** The loopback ports the engines listen on ([first, last]; default: ports the system picks). */
  ports?: readonly [number, number];
}

/** Listens on `port` of 127.0.0.1 (0: one the system picks) and closes again; the port, or undefined when it is taken. */
async function probe(port: number): Promise<number | undefined> {
  const server = net.createServer();
  const listening = await new Promise<boolean>((resolve) => {
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => resolve(true));
  });
  if (!listening) return undefined;
  const bound = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return bound;
}

/**
 * A free TCP port on 127.0.0.1, released before the engine binds it: the system picks it, or, with
 * `range` ([first, last]), the first free one from `after + 1` on (wrapping around); throws when all are taken.
 */
export async function freePort(range?: readonly [number, number], after = 0): Promise<number> {
  if (!range) return (await probe(0))!;
  const [first, last] = range;
  const size = last - first + 1;
  const from = Math.max(0, after + 1 - first) % size;
  for (let k = 0; k < size; k++) {
    const port = await probe(first + ((from + k) % size));
    if (port !== undefined) return port;
  }
  throw new Error(`no free port from ${first} to ${last} on 127.0.0.1`);
}

/** Builds the CLI once if its sources changed, so the engines started next do not race to build it. */
export async function freshCli(): Promise<void> {
  await currentCli(ROOT);
}

/** Engines in slots 0..n-1; a restarted slot gets a new process and name. */
export class EngineFleet {
  readonly slots: EngineProcess[] = [];
  /** Every process ever started, so stopAll reaches them all. */
  private readonly started: EngineProcess[] = [];
  private generation = 0;
  /** The last port given to an engine: the next one is looked for after it, so a killed engine's port is not reused at once. */
  private lastPort = 0;
  /** Ports are picked one at a time (engines starting together must not get the same one). */
  private picking: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: FleetOptions) {}

  /**
   * Starts `count` engines and waits until all are ready: the first alone (it migrates a fresh
   * database and bootstraps the identity and the cloud), then the others at once.
   */
  async start(count: number): Promise<void> {
    this.slots[0] = await this.spawnEngine(0);
    const others = await Promise.all(Array.from({ length: count - 1 }, (_, i) => this.spawnEngine(i + 1)));
    others.forEach((engine, i) => (this.slots[i + 1] = engine));
  }

  /** Engines still running. */
  live(): EngineProcess[] {
    return this.slots.filter((e) => e.alive);
  }

  /** SIGKILLs the engine in `slot` and waits until the process is gone. */
  async kill(slot: number): Promise<EngineProcess> {
    const engine = this.slots[slot];
    const exited = new Promise<void>((resolve) => (engine.alive ? engine.child.once("exit", () => resolve()) : resolve()));
    engine.killed = true;
    engine.child.kill("SIGKILL");
    await exited;
    return engine;
  }

  /** Starts a new engine in `slot` (after a kill) and waits until it is ready. */
  async restart(slot: number): Promise<EngineProcess> {
    this.slots[slot] = await this.spawnEngine(slot);
    return this.slots[slot];
  }

  /**
   * CPU seconds (user + system) the running engines have used so far, read from /proc (Linux); NaN
   * elsewhere. A bench reads it before and after a load to tell CPU-bound engines from waiting ones.
   */
  cpuSeconds(): number {
    let ticks = 0;
    for (const engine of this.live()) {
      try {
        // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
        const fields = fs.readFileSync(`/proc/${engine.child.pid}/stat`, "utf8").split(") ")[1].split(" ");
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        return Number.NaN;
      }
    }
    return ticks / CLOCK_TICKS_PER_SECOND;
  }

  /** Engines that exited without being killed, with the end of their stderr. */
  crashes(): string[] {
    return this.started.filter((e) => !e.alive && !e.killed).map((e) => `${e.name} exited (${e.exit}): ${e.stderr.trim().split("\n").slice(-15).join("\n")}`);
  }

  /** SIGKILLs every process this fleet started that still runs (afterAll: always, even after a failure). */
  async stopAll(): Promise<void> {
    await Promise.all(this.started.filter((e) => e.alive).map((e) => this.killProcess(e)));
  }

  private async killProcess(engine: EngineProcess): Promise<void> {
    const exited = new Promise<void>((resolve) => engine.child.once("exit", () => resolve()));
    engine.killed = true;
    if (engine.child.pid !== undefined) process.kill(engine.child.pid, "SIGKILL");
    await exited;
  }

  private pickPort(): Promise<number> {
    const picked = this.picking.then(() => freePort(this.options.ports, this.lastPort)).then((port) => (this.lastPort = port));
    this.picking = picked.catch(() => undefined);
    return picked;
  }

  private async spawnEngine(slot: number): Promise<EngineProcess> {
    const o = this.options;
    const name = `${o.prefix}-${slot}-${++this.generation}`;
    const port = await this.pickPort();
    const env = {
      ...process.env,
      DATABASE_URL: o.databaseUrl,
      HEARTH_ROOT: ROOT,
      HEARTH_SIM_SPEED: String(o.simSpeed),
      HEARTH_SIM_SEED: String(o.simSeed),
      HEARTH_BOOTSTRAP_PASSWORD: o.password,
      HEARTH_DEMO: "0",
    };
    const args = [path.join(ROOT, "bin", "hearth.mjs"), "engine", "--listen", `127.0.0.1:${port}`, "--name", name, "--lease-ms", String(o.leaseMs), "--sweep-ms", String(o.sweepMs)];
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    const engine: EngineProcess = { name, origin: `http://127.0.0.1:${port}`, child, alive: true, stderr: "", killed: false };
    this.started.push(engine);
    child.once("exit", (code, signal) => {
      engine.alive = false;
      engine.exit = String(code ?? signal);
    });
    child.stderr!.on("data", (chunk: Buffer) => (engine.stderr += chunk.toString()));
    await this.ready(engine, port);
    return engine;
  }

  /** Waits for the one ready line naming the engine and its address; fails with its stderr otherwise. */
  private ready(engine: EngineProcess, port: number): Promise<void> {
    const expected = `hearth engine ${engine.name} ready on http://127.0.0.1:${port}`;
    return new Promise((resolve, reject) => {
      let out = "";
      const fail = (why: string) => {
        clearTimeout(timer);
        reject(new Error(`engine ${engine.name} ${why}; stdout: ${out.trim()}; stderr: ${engine.stderr.trim()}`));
      };
      const timer = setTimeout(() => fail(`not ready within ${READY_TIMEOUT_MS} ms`), READY_TIMEOUT_MS);
      engine.child.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const line = out.split("\n")[0];
        if (out.includes("\n")) {
          clearTimeout(timer);
          if (line === expected) resolve();
          else fail(`printed "${line}" instead of "${expected}"`);
        }
      });
      engine.child.once("exit", (code, signal) => fail(`exited (${code ?? signal}) before it was ready`));
    });
  }
}
