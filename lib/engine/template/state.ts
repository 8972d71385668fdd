/**
 * The working state of one compile, shared by the section compilers: options, version,
 * environment, contexts, and the diagnostics sink (which attaches source ranges).
 */
import type { Diagnostic, DiagnosticCode } from "../diagnostics";
import { FunctionError, firstVersionWith, parseSnippet, type FunctionTable, type Path } from "../functions";
import type { Contexts } from "./context";
import type { TemplateDocument } from "./document";
import { dirOf, type Environment } from "./environment";
import type { CompileOptions, CompileResult, StackInput } from "./types";
import type { TemplateVersion } from "./versions";

/** Shared state of one compile. */
export interface CompileState {
  options: CompileOptions;
  version: TemplateVersion;
  table: FunctionTable;
  doc: TemplateDocument;
  env: Environment;
  templateName?: string;
  /** Files map with lookups relative to the template name. */
  files: Record<string, string>;
  contexts: Contexts;
  diagnostics: Diagnostic[];
  /** Provider templates being compiled above this one (cycle guard). */
  ancestry: string[];
  /** Compiles a provider template in validate mode, one level deeper. */
  compileChild(input: StackInput, ancestry: string[]): CompileResult;
  /** Set when the source is another format read as HOT (CFN: template/cfn.ts); diagnostics then speak its names. */
  front?: SourceFront;
}

/** How diagnostics of a template read as HOT are worded in the source format's own names. */
export interface SourceFront {
  /** The source's path of a path into the translated data. */
  sourcePath(path: Path): Path;
  /** The source format's wording of a message (the same message when it has no other wording). */
  sourceMessage(message: string): string;
}

/** Adds a diagnostic at `path`, with its source range. */
export function report(
  state: CompileState,
  severity: Diagnostic["severity"],
  code: DiagnosticCode,
  message: string,
  path: Path,
): void {
  const source = state.front?.sourcePath(path) ?? path;
  const text = state.front?.sourceMessage(message) ?? message;
  const key = source.join(".");
  if (state.diagnostics.some((d) => d.message === text && d.path.join(".") === key)) return;
  state.diagnostics.push({ severity, code, message: text, path: source, range: state.doc.locate(path) });
}

/** Reports a FunctionError as an error diagnostic (Heat prefixes the dotted path). */
export function reportFunctionError(state: CompileState, e: unknown, fallback: Path): void {
  if (!(e instanceof FunctionError)) throw e;
  const path = e.path.length ? e.path : fallback;
  report(state, "error", e.code, e.message, path);
}

/** Parses a snippet with the version's main table; version-gated names become warnings. */
export function parseMain(state: CompileState, raw: unknown, path: Path): unknown {
  return parseSnippet(raw, path, state.table.functions, {
    ...state.contexts.parseOptions(state.contexts.compileCtx),
    onPlainFunctionName: (name, at) => warnVersionGated(state, name, at),
  });
}

/** Warns when a one-key map names a function that only a later version has (Heat keeps it as data). */
export function warnVersionGated(state: CompileState, name: string, path: Path): void {
  const first = firstVersionWith(name);
  // HOT function names in a CFN template are plain data there, as in Heat.
  if (!first || first <= state.version.date || state.version.format === "cfn") return;
  report(
    state,
    "warning",
    "function.version",
    `"${name}" is not a function in heat_template_version ${state.version.date} and is kept as plain data; it is a function from ${first} on`,
    path,
  );
}

/** Parses a snippet with the condition-function table (resource and output `condition` keys). */
export function parseConditionSnippet(state: CompileState, raw: unknown, path: Path): unknown {
  const opts = state.contexts.parseOptions(state.contexts.compileCtx);
  return parseSnippet(raw, path, opts.conditionFunctions, opts);
}

/** Looks a file up in the files map: as written, then relative to the template's directory. */
export function lookupFile(state: CompileState, name: string): string | undefined {
  if (name in state.files) return state.files[name];
  const dir = dirOf(state.templateName);
  return dir ? state.files[dir + name] : undefined;
}
