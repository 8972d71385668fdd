/**
 * What a CLI command runs with: its streams and working folder, and the Hearth it talks to
 * (opened on first use, so `--help` and usage errors never touch the database).
 */
import type { CreateHearthOptions } from "../lib/services";
import type { Hearth } from "../lib/services/types";
import type { CommandSpec, ParsedArgs } from "./args";

/** The outside world of one CLI run; tests pass their own. */
export interface CliIo {
  /** Receives output text (each call ends with a newline). */
  stdout(text: string): void;
  stderr(text: string): void;
  /** Folder that relative file arguments are read from. */
  cwd: string;
  /** Opens the Hearth to operate on, with settings beyond the environment's (`hearth engine`'s). */
  openHearth(options?: CreateHearthOptions): Promise<Hearth>;
  /** Validation without the database (`hearth validate`); absent: the opened Hearth validates. */
  openValidator?(): Promise<Pick<Hearth, "validate">>;
  /** Asks a yes/no question; absent when there is no terminal (then destructive commands need -y). */
  confirm?(question: string): Promise<boolean>;
  /**
   * Called when a command's output is complete but operations it started still run (without --wait);
   * a background worker hands control back to the terminal here. Absent: the CLI just waits.
   */
  detach?(code: number): void;
}

/** A command's runtime context. */
export class CliContext {
  private hearth: Promise<Hearth> | undefined;
  private readonly running: Promise<unknown>[] = [];

  constructor(readonly io: CliIo) {}

  /** The Hearth, opened once (with the options of the first call). */
  open(options?: CreateHearthOptions): Promise<Hearth> {
    this.hearth ??= this.io.openHearth(options);
    return this.hearth;
  }

  /** True once a command has opened Hearth (so the runner knows to close it). */
  get opened(): boolean {
    return this.hearth !== undefined;
  }

  /**
   * Remembers an operation this process started. The engine runs in the CLI's own process, so the
   * CLI waits for it to end before exiting (also without --wait, which only controls the output).
   */
  track<T extends { done: Promise<unknown> }>(handle: T): T {
    this.running.push(handle.done);
    return handle;
  }

  /** True while operations this process started may still be running. */
  get busy(): boolean {
    return this.running.length > 0;
  }

  /** Waits for every tracked operation to end. */
  async settle(): Promise<void> {
    await Promise.all(this.running);
  }

  /** Prints text to stdout, ending it with a newline; empty text prints nothing. */
  print(text: string): void {
    if (text !== "") this.io.stdout(text.endsWith("\n") ? text : `${text}\n`);
  }

  /** Prints one line to stderr. */
  warn(text: string): void {
    this.io.stderr(text.endsWith("\n") ? text : `${text}\n`);
  }
}

/** One command: the words that select it, how its arguments are read, and what it does. */
export interface Command {
  path: string[];
  summary: string;
  spec: CommandSpec;
  /** Runs until SIGTERM/SIGINT and handles them itself (the runner's Ctrl-C handling stays out of its way). */
  ownsSignals?: boolean;
  /** Returns the exit code (0 when omitted). */
  run(args: ParsedArgs, ctx: CliContext): Promise<number | void>;
}

/** The -f option every listing and show command accepts. */
export const FORMAT_OPTION = { format: { type: "string" as const, short: "f" } };
