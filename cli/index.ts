/**
 * The Hearth CLI, mirroring `openstack stack ...`: `runCli(argv, io)` picks the command whose words
 * start argv, parses the rest, runs it and maps failures to exit codes: usage errors 2, everything
 * else (validation, not found, conflicts, cloud faults) one clear message and 1.
 */
import { CloudError } from "../lib/engine/ports";
import { formatDiagnostic, ValidationError } from "../lib/engine/diagnostics";
import { EngineError } from "../lib/engine/errors";
import { parseArgs, UsageError } from "./args";
import { abandonCommands } from "./commands/abandon";
import { cloudCommands } from "./commands/cloud";
import { engineCommands } from "./commands/engine";
import { resourceCommands } from "./commands/resource";
import { resolveCommands } from "./commands/resolve";
import { haCommands } from "./commands/ha";
import { orchestrationCommands } from "./commands/orchestration";
import { stackCommands } from "./commands/stack";
import { validateCommand } from "./commands/validate";
import { CliContext, type CliIo, type Command } from "./context";

export type { CliIo } from "./context";

/** Every command, in help order. */
export const commands: readonly Command[] = [validateCommand, ...stackCommands, ...abandonCommands, ...resourceCommands, ...resolveCommands, ...haCommands, ...cloudCommands, ...orchestrationCommands, ...engineCommands];

/** The command whose words are the longest prefix of argv. */
function findCommand(argv: readonly string[]): Command | undefined {
  const matches = commands.filter((c) => c.path.every((word, i) => argv[i] === word));
  return matches.sort((a, b) => b.path.length - a.path.length)[0];
}

/** True when the command argv selects handles SIGTERM/SIGINT itself (`hearth engine`). */
export function ownsSignals(argv: readonly string[]): boolean {
  return findCommand(argv)?.ownsSignals === true;
}

/** The overview printed by `hearth help` (optionally only commands starting with `prefix`). */
function helpText(prefix: readonly string[] = []): string {
  const shown = commands.filter((c) => prefix.every((word, i) => c.path[i] === word));
  const width = Math.max(...shown.map((c) => c.path.join(" ").length));
  const lines = shown.map((c) => `  ${c.path.join(" ").padEnd(width)}  ${c.summary}`);
  return ["usage: hearth <command> [options]", "", "Commands:", ...lines, "", "Run `hearth <command> --help` for a command's options."].join("\n");
}

/** Runs one CLI invocation; resolves to its exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const ctx = new CliContext(io);
  if (argv.length === 0 || argv[0] === "help" || argv[0] === "--help" || argv[0] === "-h") {
    ctx.print(helpText(argv.slice(1)));
    return argv.length === 0 ? 2 : 0;
  }
  const command = findCommand(argv);
  if (!command) {
    const group = commands.some((c) => c.path[0] === argv[0]) ? [argv[0]] : [];
    ctx.warn(`hearth: '${argv.filter((a) => !a.startsWith("-")).join(" ")}' is not a hearth command.\n${helpText(group)}`);
    return 2;
  }
  const rest = argv.slice(command.path.length);
  if (rest.includes("--help") || rest.includes("-h")) {
    ctx.print(`usage: ${command.spec.usage}\n\n${command.summary}`);
    return 0;
  }
  try {
    const code = (await command.run(parseArgs(rest, command.spec), ctx)) ?? 0;
    if (ctx.busy) io.detach?.(code);
    await ctx.settle();
    return code;
  } catch (error) {
    await ctx.settle();
    return report(ctx, error);
  }
}

/** Prints a failure and returns its exit code. */
function report(ctx: CliContext, error: unknown): number {
  if (error instanceof UsageError) {
    ctx.warn(`hearth: error: ${error.message}`);
    return 2;
  }
  if (error instanceof ValidationError) {
    const errors = error.diagnostics.filter((d) => d.severity === "error");
    for (const d of errors.length ? errors : error.diagnostics) ctx.warn(`ERROR: ${formatDiagnostic(d)}`);
    return 1;
  }
  if (error instanceof EngineError || error instanceof CloudError) {
    ctx.warn(`ERROR: ${error.message}`);
    return 1;
  }
  ctx.warn(`ERROR: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
}
