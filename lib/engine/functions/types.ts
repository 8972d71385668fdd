/**
 * The intrinsic-function model. Parsing a template snippet turns every one-key map whose key is a
 * function of the template's version into an FnCall; everything else stays plain data. Each
 * function kind is a FunctionSpec with three jobs: check its arguments (compile time), validate
 * them against the stack (references, attributes), and resolve to a value.
 */
import type { RuntimeView } from "../template/types";
import type { FunctionBudget } from "./budget";

/** A path into the template, e.g. ["resources", "server", "properties", "flavor"]. */
export type Path = (string | number)[];

/** An error raised by a function; `path` points at the call. */
export class FunctionError extends Error {
  readonly path: Path;
  readonly code: "function.arguments" | "function.unsupported" | "function.version" | "reference.resource" | "reference.parameter"
    | "reference.attribute" | "reference.condition" | "reference.file" | "limit.exceeded";
  constructor(message: string, path: Path, code: FunctionError["code"] = "function.arguments") {
    super(message);
    this.name = "FunctionError";
    this.path = path;
    this.code = code;
  }
}

/** One parsed function call. `args` is itself parsed (it may hold nested FnCalls). */
export class FnCall {
  constructor(
    readonly spec: FunctionSpec,
    readonly name: string,
    readonly args: unknown,
    readonly path: Path,
  ) {}
}

/** Marker for "leave this item out" (the two-argument `if` of 2021-04-16 with a false condition). */
export const OMIT: unique symbol = Symbol("omit");

/** What resolution needs: parameters, files, conditions and (at run time) live resources. */
export interface ResolveContext {
  /** Parameter values after conversion, including pseudo parameters. */
  param(name: string): { found: boolean; value?: unknown };
  /** Contents of the files map, keyed as get_file names them. */
  files: Record<string, string>;
  /** Value of a named condition (throws FunctionError for unknown names). */
  condition(name: string, path: Path): boolean;
  /** Live resources; absent at compile time (then get_resource/get_attr give undefined). */
  runtime?: RuntimeView;
  /** Names of resources in the stack (after conditions). */
  hasResource(name: string): boolean;
  /** Resolves a parsed snippet. */
  resolve(snippet: unknown): unknown;
  /** What functions may still build; each charges what it makes before making it. */
  budget: FunctionBudget;
}

/** What compile-time validation of a call sees. */
export interface ValidateContext extends ResolveContext {
  /** Attribute names of a resource's type, or undefined when unknown (provider, unknown type). */
  attributesOf(resource: string): string[] | undefined;
}

/** Parses a raw snippet (used by macros such as `if` that parse only the chosen branch). */
export type ParseFn = (raw: unknown, path: Path) => unknown;

/** Parsers a macro may use: the section's own table, and the condition-function table. */
export interface MacroTools {
  parse: ParseFn;
  parseCondition: ParseFn;
}

/** A function kind, one per Heat function class. */
export interface FunctionSpec {
  /** Key of this kind, e.g. "get_attr/all-attributes". */
  kind: string;
  /** Argument checks done while parsing (Heat's constructors). Throw FunctionError. */
  check?(args: unknown, call: { name: string; path: Path }): void;
  /**
   * Macros decide at parse time what stays in the tree (`if`); they get the raw arguments and a
   * parser and return the parsed replacement.
   */
  macro?(raw: unknown, call: { name: string; path: Path }, tools: MacroTools, ctx: ResolveContext): unknown;
  /** Checks against the stack (Heat's validate()). */
  validate?(call: FnCall, ctx: ValidateContext): void;
  /** Computes the value. */
  resolve(call: FnCall, ctx: ResolveContext): unknown;
  /** Resource names this call refers to (get_resource, get_attr). */
  references?(call: FnCall, ctx: ResolveContext): string[];
}

/** True for a plain mapping (not a list, not a call). */
export function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof FnCall);
}
