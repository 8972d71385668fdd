/**
 * One real `hearth engine --listen` process (the console's Heat and Keystone handlers over node:http)
 * on a loopback port of its own, for the hostile tests that need a server process: start it and
 * wait for its ready line, call it with a bounded wait per request, and stop it by pid, whatever
 * happened (SIGKILL in cleanup).
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { currentCli } from "../../scripts/cli-build.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** How long the process may take to migrate a fresh database and print its ready line. */
const READY_TIMEOUT_MS = 60_000;

/** A parsed answer, or the error of a request that got none in time. */
export interface ProcessAnswer {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON of any shape
}

/** A running API process. */
export interface ApiProcess {
  origin: string;
  child: ChildProcess;
  /** Its stderr so far. */
  stderr(): string;
  /** Resolves with the exit code (or signal name) once it exited, or "running" after `withinMs`. */
  exited(withinMs: number): Promise<number | string>;
  /** Sends a request (JSON body) and parses the JSON answer; rejects when none came within `withinMs`. */
  call(method: string, pathname: string, options?: { token?: string; body?: unknown; withinMs?: number }): Promise<ProcessAnswer>;
  /** SIGKILLs the process when it still runs and waits (bounded) for it to go. */
  kill(): Promise<void>;
}

/** Starts `hearth engine --listen 127.0.0.1:<port>` on `databaseUrl` with `env` added, once it is ready. */
export async function startApiProcess(port: number, databaseUrl: string, env: Record<string, string>): Promise<ApiProcess> {
  await currentCli(ROOT); // build the CLI here, not inside the process's start-up time
  const name = `hostile-${port}`;
  const args = [path.join(ROOT, "bin", "hearth.mjs"), "engine", "--listen", `127.0.0.1:${port}`, "--name", name];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, HEARTH_ROOT: ROOT, HEARTH_SIM_SPEED: "0", HEARTH_DEMO: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let exit: number | string | undefined;
  const gone = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve((exit = code ?? signal ?? "unknown"))));
  child.stdout!.on("data", (chunk: Buffer) => void (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
  const origin = `http://127.0.0.1:${port}`;
  const within = <T>(ms: number, work: Promise<T>, fallback: T): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)));
    return Promise.race([work, late]).finally(() => clearTimeout(timer));
  };
  const proc: ApiProcess = {
    origin,
    child,
    stderr: () => stderr,
    exited: (withinMs) => within(withinMs, gone, "running"),
    async call(method, pathname, options = {}) {
      const headers: Record<string, string> = { "content-type": "application/json", ...(options.token ? { "x-auth-token": options.token } : {}) };
      const body = options.body === undefined ? undefined : JSON.stringify(options.body);
      const response = await fetch(`${origin}${pathname}`, { method, headers, body, signal: AbortSignal.timeout(options.withinMs ?? 20_000) });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
    },
    async kill() {
      if (exit === undefined && child.pid !== undefined) process.kill(child.pid, "SIGKILL");
      await proc.exited(10_000);
    },
  };
  const ready = `hearth engine ${name} ready on ${origin}`;
  const started = await within(READY_TIMEOUT_MS, new Promise<boolean>((resolve) => {
    child.stdout!.on("data", () => stdout.includes("\n") && resolve(stdout.split("\n")[0] === ready));
    void gone.then(() => resolve(false));
  }), false);
  if (!started) {
    await proc.kill();
    throw new Error(`${name} did not print "${ready}" within ${READY_TIMEOUT_MS} ms (exit ${exit ?? "none"}); stdout: ${stdout.trim()}; stderr: ${stderr.trim()}`);
  }
  return proc;
}
