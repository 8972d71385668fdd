/**
 * The evaluation context of one compiled template: parameter values, files, the conditions
 * section (evaluated lazily, with cycle detection, as Heat does), and the resource names that
 * exist after conditions. Functions resolve against it at compile time and at run time.
 */
import {
  FunctionBudget,
  FunctionError,
  parseSnippet,
  resolveSnippet,
  type FunctionSpec,
  type FunctionLimits,
  type FunctionTable,
  type Path,
  type ResolveContext,
  type ValidateContext,
} from "../functions";
import type { RuntimeView } from "./types";

/** Everything a context needs to know about the stack being compiled. */
export interface ContextData {
  table: FunctionTable;
  /** Converted parameter values (absent = not provided). */
  params: Map<string, unknown>;
  files: Record<string, string>;
  /** Raw condition definitions (the conditions section). */
  conditions: Record<string, unknown>;
  /** Function table used inside the conditions section. */
  conditionTable: Record<string, FunctionSpec>;
  /** Names of the resources kept after conditions (filled in once known). */
  resources: Set<string>;
  /** Attribute names per resource type, when known. */
  attributesOf(resource: string): string[] | undefined;
  /** What the functions of one resolution (the whole compile, or one run-time read) may build. */
  limits: FunctionLimits;
}

const IN_PROGRESS = Symbol("in-progress");

/** Creates the shared condition evaluator and the context factory of one compile. */
export function createContexts(data: ContextData) {
  const resolved = new Map<string, boolean | typeof IN_PROGRESS>();
  const parsedConditions = new Map<string, unknown>();

  const make = (runtime?: RuntimeView): ValidateContext => {
    const ctx: ValidateContext = {
      param: (name) => (data.params.has(name) ? { found: true, value: data.params.get(name) } : { found: false }),
      files: data.files,
      runtime,
      hasResource: (name) => data.resources.has(name),
      resolve: (snippet) => resolveSnippet(snippet, ctx),
      budget: new FunctionBudget(data.limits),
      attributesOf: (r) => data.attributesOf(r),
      condition: (name, path) => conditionValue(name, path),
    };
    return ctx;
  };
  const compileCtx = make();

  /** Parses a condition definition (cached), with the conditions-section table. */
  function parsedCondition(name: string): unknown {
    if (!parsedConditions.has(name)) {
      const path: Path = ["conditions", name];
      parsedConditions.set(name, parseSnippet(data.conditions[name], path, data.conditionTable, parseOptions(compileCtx)));
    }
    return parsedConditions.get(name);
  }

  function parseOptions(ctx: ResolveContext) {
    return { functions: data.table.functions, conditionFunctions: data.conditionTable, ctx };
  }

  function conditionValue(name: unknown, path: Path): boolean {
    if (typeof name === "boolean") return name;
    if (name === null || name === undefined) return true; // Heat: no condition means enabled
    if (typeof name !== "string" || !Object.prototype.hasOwnProperty.call(data.conditions, name)) {
      throw new FunctionError(`Invalid condition "${String(name)}"`, path, "reference.condition");
    }
    const state = resolved.get(name);
    if (state === IN_PROGRESS) throw new FunctionError(`Circular definition for condition "${name}"`, ["conditions", name], "reference.condition");
    if (state !== undefined) return state;
    resolved.set(name, IN_PROGRESS);
    try {
      const value = compileCtx.resolve(parsedCondition(name));
      if (typeof value !== "boolean") {
        throw new FunctionError(`The definition of condition "${name}" is invalid: ${String(value)}`, ["conditions", name], "reference.condition");
      }
      resolved.set(name, value);
      return value;
    } catch (e) {
      resolved.delete(name);
      throw e;
    }
  }

  return { make, compileCtx, parsedCondition, parseOptions, conditionValue };
}

/** The contexts of one compile (see createContexts). */
export type Contexts = ReturnType<typeof createContexts>;
