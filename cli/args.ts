/**
 * A small argument parser for the CLI (no dependency): long options (`--name value`,
 * `--name=value`), short aliases (`-t value`), booleans, repeatable list options, positionals,
 * and `--` to end options. Anything unexpected is a UsageError (exit code 2).
 */

/** A misuse of the command line: unknown option, missing value or argument. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** How one option is read. */
export interface OptionSpec {
  type: "boolean" | "string" | "list";
  /** One-letter alias, without the dash. */
  short?: string;
}

/** The options and positionals one command accepts. */
export interface CommandSpec {
  usage: string;
  options?: Record<string, OptionSpec>;
  /** Names of positionals; a trailing "?" marks an optional one. */
  positionals?: string[];
}

/** Parsed arguments with typed accessors. */
export class ParsedArgs {
  constructor(
    readonly positionals: Record<string, string | undefined>,
    private readonly values: Record<string, string | boolean | string[]>,
  ) {}

  /** A string option, or undefined when absent. */
  string(name: string): string | undefined {
    const value = this.values[name];
    return typeof value === "string" ? value : undefined;
  }

  /** A boolean flag. */
  flag(name: string): boolean {
    return this.values[name] === true;
  }

  /** A repeatable option's values, in order. */
  list(name: string): string[] {
    const value = this.values[name];
    return Array.isArray(value) ? value : [];
  }

  /** A required positional (the parser has checked it is present). */
  arg(name: string): string {
    const value = this.positionals[name];
    if (value === undefined) throw new UsageError(`missing argument <${name}>`);
    return value;
  }
}

/** Parses `argv` against a command's spec. */
export function parseArgs(argv: readonly string[], spec: CommandSpec): ParsedArgs {
  const options = spec.options ?? {};
  const byShort = new Map(Object.entries(options).flatMap(([name, o]) => (o.short ? [[o.short, name] as const] : [])));
  const values: Record<string, string | boolean | string[]> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === "--") {
      rest.push(...argv.slice(i + 1));
      break;
    }
    if (!token.startsWith("-") || token === "-") {
      rest.push(token);
      continue;
    }
    const [rawName, inline] = splitInline(token);
    const name = rawName.startsWith("--") ? rawName.slice(2) : byShort.get(rawName.slice(1));
    const option = name === undefined ? undefined : options[name];
    if (name === undefined || option === undefined) throw new UsageError(`unrecognized option ${rawName}\nusage: ${spec.usage}`);
    if (option.type === "boolean") {
      if (inline !== undefined) throw new UsageError(`option ${rawName} takes no value`);
      values[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`option ${rawName} needs a value\nusage: ${spec.usage}`);
    values[name] = option.type === "list" ? [...((values[name] as string[] | undefined) ?? []), value] : value;
  }
  return new ParsedArgs(bindPositionals(rest, spec), values);
}

/** `--name=value` -> ["--name", "value"]; other tokens -> [token, undefined]. */
function splitInline(token: string): [string, string | undefined] {
  const eq = token.indexOf("=");
  return token.startsWith("--") && eq > 0 ? [token.slice(0, eq), token.slice(eq + 1)] : [token, undefined];
}

/** Assigns positionals to their names, checking count. */
function bindPositionals(rest: string[], spec: CommandSpec): Record<string, string | undefined> {
  const names = spec.positionals ?? [];
  const required = names.filter((n) => !n.endsWith("?")).length;
  if (rest.length < required) {
    const missing = names.slice(rest.length).filter((n) => !n.endsWith("?"));
    throw new UsageError(`missing argument ${missing.map((n) => `<${n}>`).join(" ")}\nusage: ${spec.usage}`);
  }
  if (rest.length > names.length) throw new UsageError(`unexpected argument "${rest[names.length]}"\nusage: ${spec.usage}`);
  return Object.fromEntries(names.map((n, i) => [n.replace(/\?$/, ""), rest[i]]));
}
