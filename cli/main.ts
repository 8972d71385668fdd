/**
 * Process entry of the `hearth` binary (bin/hearth.mjs loads it through tsx): runs the CLI against
 * the Hearth of this process (same DATABASE_URL as the console, so both share state), closes it,
 * and exits with the command's code.
 */
import readline from "node:readline/promises";
import { getHearth } from "../lib/services";
import type { Hearth } from "../lib/services/types";
import { runCli, type CliIo } from "./index";

/** Asks on the terminal; only offered when stdin is one. */
async function confirm(question: string): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

let opened: Promise<Hearth> | undefined;
const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  openHearth: () => (opened ??= getHearth()),
  confirm: process.stdin.isTTY ? confirm : undefined,
};

// The engine runs in this process: on Ctrl-C, stop it cleanly (running operations end as cancelled,
// with their events stored) instead of leaving stacks IN_PROGRESS until another engine recovers them.
process.once("SIGINT", () => {
  process.stderr.write("\nhearth: interrupted; stopping the engine...\n");
  void (opened?.then((hearth) => hearth.close()) ?? Promise.resolve()).finally(() => process.exit(130));
});

const code = await runCli(process.argv.slice(2), io);
if (opened) await (await opened.catch(() => undefined))?.close();
process.exitCode = code;
