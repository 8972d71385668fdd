/**
 * A stack's definition (template, files, environments, parameters) and compiling it: from a user's
 * input, from the stored record, or merged for update --existing (PATCH).
 */
import { ValidationError } from "../diagnostics";
import type { CompiledStack, CompileResult, StackInput } from "../template/types";
import type { EngineCore } from "./core";
import type { StackRecord } from "../ports";

/** The stored part of a stack that an update replaces and a rollback restores. */
export type Definition = NonNullable<StackRecord["previous"]>;

/** Who and where a stack is, for compiling. */
export interface StackIdentity {
  name: string;
  id: string;
  projectId: string;
  region: string;
}

/** The definition a user's input describes. */
export function definitionOf(input: StackInput): Definition {
  return {
    template: input.template,
    templateName: input.templateName ?? null,
    environments: input.environments ?? [],
    files: input.files ?? {},
    parameters: input.parameters ?? {},
  };
}

/** The definition stored on a stack record. */
export function storedDefinition(stack: StackRecord): Definition {
  return {
    template: stack.template,
    templateName: stack.templateName,
    environments: stack.environments,
    files: stack.files,
    parameters: stack.parameters,
  };
}

/**
 * The definition an update applies: PUT replaces everything; `existing` (PATCH) keeps what the input
 * leaves out, merging parameters and files over the stored ones.
 */
export function updatedDefinition(stack: StackRecord, input: Partial<StackInput>, existing: boolean): Definition {
  if (!existing) {
    if (input.template === undefined) throw new ValidationError([{ severity: "error", code: "template.structure", message: "A template is required (or use --existing)", path: [] }]);
    return definitionOf({ ...input, template: input.template });
  }
  return {
    template: input.template ?? stack.template,
    templateName: input.templateName ?? stack.templateName,
    environments: input.environments ?? stack.environments,
    files: { ...stack.files, ...input.files },
    parameters: { ...stack.parameters, ...input.parameters },
  };
}

/** Compiles a definition for a stack. */
export function compileDefinition(core: EngineCore, def: Definition, who: StackIdentity, mode: "validate" | "strict"): CompileResult {
  const input: StackInput = {
    template: def.template,
    templateName: def.templateName ?? undefined,
    environments: def.environments,
    files: def.files,
    parameters: def.parameters,
  };
  return core.compile(input, {
    registry: core.registry,
    stackName: who.name,
    stackId: who.id,
    projectId: who.projectId,
    region: who.region,
    regions: core.cloud.regionNames(),
    mode,
    limits: core.limits,
  });
}

/** Identifies a definition compiled for a stack (same text, same stack -> same compiled stack). */
function cacheKey(def: Definition, who: StackIdentity): string {
  return JSON.stringify([who.name, who.region, who.projectId, def]);
}

/** Compiles strictly; any error diagnostic is thrown as a ValidationError before anything happens. */
export function compileStrict(core: EngineCore, def: Definition, who: StackIdentity): CompiledStack {
  const result = compileDefinition(core, def, who, "strict");
  if (!result.stack || result.diagnostics.some((d) => d.severity === "error")) throw new ValidationError(result.diagnostics);
  return result.stack;
}

/** compileStrict for a stack about to run, remembered for its later operations. */
export function compileOrThrow(core: EngineCore, def: Definition, who: StackIdentity): CompiledStack {
  const stack = compileStrict(core, def, who);
  core.compiled.set(who.id, { key: cacheKey(def, who), stack });
  return stack;
}

/**
 * The compiled form of a stored stack, for ordering and plugins: from the cache when this engine
 * compiled the same definition, else compiled in validate mode; undefined if it no longer compiles.
 */
export function compileStored(core: EngineCore, stack: StackRecord, def: Definition = storedDefinition(stack)): CompiledStack | undefined {
  const key = cacheKey(def, stack);
  const cached = core.compiled.get(stack.id);
  if (cached?.key === key) return cached.stack;
  try {
    return compileDefinition(core, def, stack, "validate").stack;
  } catch {
    return undefined;
  }
}
