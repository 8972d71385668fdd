/**
 * Process entry of the `hearth` binary (bin/hearth.mjs runs it prebuilt: scripts/cli-build.mjs):
 * runs the CLI against the Hearth of this process (same DATABASE_URL as the console, so both share
 * state), closes it, and exits with the command's code.
 */
import readline from "node:readline/promises";
import path from "node:path";
import { isatty } from "node:tty";
import { fileURLToPath } from "node:url";
import type { Hearth } from "../lib/services/types";
import { isWorker, runInBackground, shouldRunInBackground, workerIo } from "./background";
import { ownsSignals, runCli, type CliIo } from "./index";

/** Asks on the terminal; only offered when stdin is one. */
async function confirm(question: string): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

const argv = process.argv.slice(2);
// isatty rather than process.stdin.isTTY: the getter opens stdin's stream (1-3 ms) that most commands never read
const interactive = isatty(0);
if (shouldRunInBackground(argv, interactive)) {
  // Without --wait an operation returns once started, as `openstack stack create` does.
  const root = process.env.HEARTH_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  process.exit(await runInBackground(path.join(root, "bin", "hearth.mjs"), argv, root));
}

let opened: Promise<Hearth> | undefined;
const terminalIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  // Loaded on first use, so `--help` and usage errors never load the store or the cloud; the HA
  // monitor and the take-over of interrupted work run in the server process and `hearth engine`
  // only, not in short-lived CLI runs (which would leave what they took over again when they exit).
  openHearth: (options) => (opened ??= import("../lib/services").then(({ createHearth }) => createHearth({ haMonitor: false, recover: false, ...options }))),
  openValidator: () => import("../lib/services/validator").then(({ createValidator }) => createValidator()),
  confirm: interactive ? confirm : undefined,
};
const io = isWorker() ? workerIo(terminalIo) : terminalIo;

// The engine runs in this process: on Ctrl-C, stop it cleanly (running operations stop where they are
// and release their leases at once, so a peer engine, or the next start, takes them over and finishes
// them without waiting for a lease to expire). `hearth engine` handles its stop signals itself.
if (!ownsSignals(argv)) {
  process.once("SIGINT", () => {
    process.stderr.write("\nhearth: interrupted; stopping the engine...\n");
    void (opened?.then((hearth) => hearth.close()) ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

const code = await runCli(argv, io);
if (opened) await (await opened.catch(() => undefined))?.close();
process.exitCode = code;
