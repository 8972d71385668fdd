/**
 * Parsing snippets into function calls, and walking parsed snippets: resolve, validate, collect
 * references. A one-key map whose key is a function of the version's table becomes an FnCall;
 * a one-key map naming a function of a later version stays data and is reported as a warning.
 */
import { FnCall, OMIT, type FunctionSpec, type Path, type ResolveContext, type ValidateContext } from "./types";

/** Options of one parse: the table to use and where to report version-gated names. */
export interface ParseOptions {
  functions: Record<string, FunctionSpec>;
  /** Table for condition snippets (used by `if` and inside the conditions section). */
  conditionFunctions: Record<string, FunctionSpec>;
  /** Called for a one-key map naming a function that this version does not have. */
  onPlainFunctionName?(name: string, path: Path): void;
  /** Context macros use to evaluate conditions while parsing. */
  ctx: ResolveContext;
}

/** Parses a raw snippet with the given table. Throws FunctionError for bad arguments. */
export function parseSnippet(raw: unknown, path: Path, table: Record<string, FunctionSpec>, opts: ParseOptions): unknown {
  const recurse = (r: unknown, p: Path) => parseSnippet(r, p, table, opts);
  if (Array.isArray(raw)) return raw.map((v, i) => recurse(v, [...path, i]));
  if (raw === null || typeof raw !== "object") return raw;
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.length === 1) {
    const [name, args] = entries[0];
    const spec = Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
    if (spec) {
      const at = [...path, name];
      if (spec.macro) {
        return spec.macro(args, { name, path: at }, {
          parse: (r, p) => recurse(r, p),
          parseCondition: (r, p) => parseSnippet(r, p, opts.conditionFunctions, opts),
        }, opts.ctx);
      }
      const parsedArgs = recurse(args, at);
      spec.check?.(parsedArgs, { name, path: at });
      return new FnCall(spec, name, parsedArgs, at);
    }
    opts.onPlainFunctionName?.(name, path);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) out[k] = recurse(v, [...path, k]);
  return out;
}

/** Resolves a parsed snippet; list items and map entries that resolve to OMIT are left out. */
export function resolveSnippet(node: unknown, ctx: ResolveContext): unknown {
  if (node instanceof FnCall) return node.spec.resolve(node, ctx);
  if (Array.isArray(node)) {
    const out: unknown[] = [];
    for (const item of node) {
      const v = resolveSnippet(item, ctx);
      if (v !== OMIT) out.push(v);
    }
    return out;
  }
  if (node !== null && typeof node === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(node)) {
      const v = resolveSnippet(item, ctx);
      if (v !== OMIT) out[k] = v;
    }
    return out;
  }
  return node;
}

/** Visits every call in a parsed snippet, innermost arguments first. */
export function forEachCall(node: unknown, visit: (call: FnCall) => void): void {
  if (node instanceof FnCall) {
    forEachCall(node.args, visit);
    visit(node);
  } else if (Array.isArray(node)) node.forEach((n) => forEachCall(n, visit));
  else if (node !== null && typeof node === "object") Object.values(node).forEach((n) => forEachCall(n, visit));
}

/** Runs every call's compile-time validation. Throws the first FunctionError. */
export function validateSnippet(node: unknown, ctx: ValidateContext): void {
  forEachCall(node, (call) => call.spec.validate?.(call, ctx));
}

/** Resource names a parsed snippet refers to (get_resource, get_attr, Ref to resources). */
export function snippetReferences(node: unknown, ctx: ResolveContext): string[] {
  const names = new Set<string>();
  forEachCall(node, (call) => call.spec.references?.(call, ctx).forEach((n) => names.add(n)));
  return [...names];
}
