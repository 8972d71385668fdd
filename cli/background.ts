/**
 * Background operations, as `openstack stack create` behaves: without --wait the command returns as
 * soon as the operation has started, and the operation goes on in a detached worker process (the
 * engine runs inside the CLI's process, so the worker is that process, started by the first one).
 * The worker's output after it detaches goes to a log file under data/logs/.
 */
import fs from "node:fs";
import path from "node:path";
import type { CliIo } from "./context";

/** Set in the worker's environment. */
const WORKER_ENV = "HEARTH_CLI_WORKER";

/** Commands that start a long operation and return at once without --wait. */
const OPERATIONS = new Set(["create", "update", "delete", "check", "suspend", "resume"]);

/** Messages from the worker to the process that started it. */
type WorkerMessage = { stdout: string } | { stderr: string } | { detach: number };

/** True when this invocation should run its operation in a detached worker. */
export function shouldRunInBackground(argv: readonly string[], interactive: boolean, env = process.env): boolean {
  if (env[WORKER_ENV] === "1" || env.HEARTH_CLI_FOREGROUND === "1") return false;
  if (argv[0] !== "stack" || !OPERATIONS.has(argv[1] ?? "")) return false;
  if (argv.some((a) => a === "--wait" || a === "--help" || a === "-h")) return false;
  // A delete that would ask for confirmation asks in the foreground, where the terminal is.
  const confirmed = argv.includes("-y") || argv.includes("--yes");
  return !(argv[1] === "delete" && !confirmed && interactive);
}

/** True in a worker started by runInBackground. */
export function isWorker(env = process.env): boolean {
  return env[WORKER_ENV] === "1" && typeof process.send === "function";
}

/**
 * Starts `entry argv` as a detached worker, relays its output until it detaches (operation started)
 * or exits (e.g. validation failed), and resolves to the exit code to use.
 */
export async function runInBackground(entry: string, argv: readonly string[], root: string): Promise<number> {
  // loaded here: node:child_process costs ~3 ms, and most commands never start a worker
  const { spawn } = await import("node:child_process");
  const logDir = path.join(root, "data", "logs");
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${argv[0]}-${argv[1]}-${new Date().toISOString().replace(/[:.]/g, "-")}-${process.pid}.log`);
  const log = fs.openSync(logFile, "a");
  const child = spawn(process.execPath, [entry, ...argv], {
    detached: true,
    stdio: ["ignore", log, log, "ipc"],
    env: { ...process.env, [WORKER_ENV]: "1" },
  });
  fs.closeSync(log);
  return new Promise((resolve) => {
    child.on("message", (message: WorkerMessage) => {
      if ("stdout" in message) process.stdout.write(message.stdout);
      else if ("stderr" in message) process.stderr.write(message.stderr);
      else {
        process.stderr.write(`hearth: the operation goes on in the background (process ${child.pid}, log ${path.relative(process.cwd(), logFile)})\n`);
        child.disconnect();
        child.unref();
        resolve(message.detach);
      }
    });
    child.on("exit", (code) => resolve(code ?? 1));
    child.on("error", (error) => {
      process.stderr.write(`hearth: could not start the background worker: ${error.message}\n`);
      resolve(1);
    });
  });
}

/**
 * The worker's IO: output goes to the starting process until the command's own output is complete,
 * then to the log file (the worker's stdout), while the operation runs to its end.
 */
export function workerIo(base: CliIo): CliIo {
  let attached = true;
  const send = (message: WorkerMessage) => process.send!(message);
  return {
    ...base,
    stdout: (text) => (attached ? send({ stdout: text }) : base.stdout(text)),
    stderr: (text) => (attached ? send({ stderr: text }) : base.stderr(text)),
    detach(code) {
      send({ detach: code });
      attached = false;
      process.disconnect?.();
    },
  };
}
