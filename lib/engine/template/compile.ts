/**
 * compileStack: StackInput -> CompiledStack. Ordered steps, each reporting diagnostics with
 * paths and source ranges; a stack is returned only when no step found an error.
 */
import type { Diagnostic } from "../diagnostics";
import { DependencyGraph } from "../graph";
import { FUNCTION_TABLES, forEachCall, isMapping, isRemoved, type FunctionSpec, type FunctionTable } from "../functions";
import { invalidInCondition } from "../functions/conditions";
import { checkBuildLimits } from "./build-limits";
import { buildCompiledStack } from "./compiled-stack";
import { createContexts } from "./context";
import { parseTemplateDocument, type TemplateDocument } from "./document";
import { checkTextSize } from "./document-screen";
import { exceeds, HEAT_LIMITS, limitDiagnostic, TOO_MANY_RESOURCES, type EngineLimits } from "../limits";
import { dirOf, loadEnvironments } from "./environment";
import { checkGroupSizes } from "./group-limits";
import { addImplicitDependencies } from "./implicit-deps";
import { parameterValues } from "./parameter-values";
import { parseParameterSection } from "./parameters";
import { checkRegions } from "./regions";
import { compileResource, resourceEnabled, screenResources, validateResourceFunctions, type ResourceEntry } from "./resources";
import { checkConditions, checkSections, compileOutputs, parameterGroups } from "./sections";
import { report, type CompileState } from "./state";
import type { CompileOptions, CompileResult, StackInput } from "./types";
import { findVersion, validVersionValues } from "./versions";
import { cfnPseudoParameters, isCfnData, readCfn } from "./cfn";

/** Compiles a template with its environments and parameters against the registry. */
export function compileStack(input: StackInput, options: CompileOptions): CompileResult {
  return compileWithAncestry(input, options, []);
}

const fatal = (doc: TemplateDocument, code: Diagnostic["code"], message: string, path: (string | number)[] = []): CompileResult => ({
  diagnostics: [{ severity: "error", code, message, path, range: doc.locate(path) }],
});

function compileWithAncestry(input: StackInput, options: CompileOptions, ancestry: string[]): CompileResult {
  const limits = options.limits ?? HEAT_LIMITS;
  // 0. Every text of the request within max_template_size, before any is parsed.
  const oversized = oversizedFiles(input, limits);
  if (oversized.length) return { diagnostics: oversized };
  // 1. Text -> data; syntax errors and data over the limits stop here.
  const source = parseTemplateDocument(input.template, input.templateName, limits);
  if (source.diagnostics.length) return { diagnostics: source.diagnostics };
  const sourceData = source.data ?? {};
  if (!isMapping(sourceData)) return fatal(source, "template.structure", "The template is not a JSON object or YAML mapping.");
  // 2. The version picks sections and the function table; a CFN template is compiled as its HOT reading.
  const cfn = isCfnData(sourceData) ? readCfn(source, sourceData) : undefined;
  if (cfn && "error" in cfn) return fatal(source, "template.version", cfn.error, cfn.path);
  const doc = cfn?.doc ?? source;
  const data = (cfn?.doc.data ?? sourceData) as Record<string, unknown>;
  const raw = cfn ? cfn.version.date : data.heat_template_version;
  if (raw === undefined) return fatal(doc, "template.version", "Template format version not found.");
  const version = cfn?.version ?? (typeof raw === "string" ? findVersion(raw) : undefined);
  if (!version) {
    const message = typeof raw === "string"
      ? `The template version is invalid: "heat_template_version: ${raw}". "heat_template_version" should be one of: ${validVersionValues().join(", ")}`
      : "The template version is invalid: Template version was not provided";
    return fatal(doc, "template.version", message, ["heat_template_version"]);
  }
  // 3. Environments and parameters (schemas, then values).
  const { env, diagnostics } = loadEnvironments(input.environments ?? [], limits);
  const table = cfn?.table ?? FUNCTION_TABLES[version.date];
  const { definitions, issues } = parseParameterSection(data.parameters, version);
  const params = parameterValues(definitions, input.parameters, env, options);
  if (cfn) for (const [name, value] of cfnPseudoParameters(options)) params.values.set(name, value);
  const files = filesFor(input);
  const entries = new Map<string, ResourceEntry>();
  const resourceNames = new Set<string>();
  const contexts = createContexts({
    table,
    params: params.values,
    files,
    conditions: isMapping(data.conditions) ? data.conditions : {},
    conditionTable: conditionTable(table),
    resources: resourceNames,
    attributesOf: (r) => entries.get(r)?.attributes,
    limits,
  });
  const state: CompileState = {
    options, version, table, doc, env, files, contexts, diagnostics, ancestry,
    templateName: input.templateName,
    front: cfn,
    // a provider template sees the stack's environment, as in Heat (an alias may name a provider that uses it again)
    compileChild: (child, chain) => compileWithAncestry({ environments: input.environments, ...child }, { ...options, mode: "validate" }, chain),
  };
  for (const i of [...issues, ...params.issues]) report(state, "error", i.code, i.message, i.path);
  // 4. Sections, groups and conditions.
  checkSections(state, data);
  const groups = parameterGroups(state, data.parameter_groups, new Set(definitions.map((d) => d.name)));
  checkConditions(state, data.conditions);
  // 5. Resources: structure, conditions, then each definition; function checks need every name.
  const { raw: defs, all } = screenResources(state, data.resources);
  // Heat counts every resource the template defines, before conditions.
  if (exceeds(Object.keys(defs).length, limits.maxResourcesPerStack)) {
    return { diagnostics: [...diagnostics, { ...limitDiagnostic(TOO_MANY_RESOURCES, ["resources"]), range: doc.locate(["resources"]) }] };
  }
  const kept = Object.keys(defs).filter((n) => resourceEnabled(state, n, defs[n]));
  kept.forEach((n) => resourceNames.add(n));
  for (const name of kept) {
    const e = compileResource(state, name, defs[name], all);
    if (e) entries.set(name, e);
  }
  for (const e of entries.values()) validateResourceFunctions(state, e);
  checkGroupSizes(state, entries, Object.keys(defs).length, params.values, limits);
  const dup = definitions.map((d) => d.name).filter((n) => kept.includes(n));
  if (dup.length) report(state, "error", "template.structure", `Duplicate names {${dup.map((d) => `'${d}'`).join(", ")}}`, ["resources", dup[0]]);
  // 6. The plugins' implicit dependencies, regions and cycles.
  addImplicitDependencies(state, entries);
  checkRegions(state, entries, params.values);
  checkCycles(state, entries);
  // 7. Outputs, then warnings for parameters that are used but never declared.
  const outputs = compileOutputs(state, data.outputs);
  // What the functions would build, sized within the budget wherever it is known now (stops at the first over).
  [...entries.values()].flatMap((e) => [e.properties, e.metadata]).concat(outputs.map((o) => o.value)).every((s) => checkBuildLimits(state, s));
  warnUnknownParams(state, [...entries.values()].flatMap((e) => [e.properties, e.metadata]).concat(outputs.map((o) => o.value)), params.values);
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  const stack = buildCompiledStack(state, {
    description: typeof data.description === "string" ? data.description : undefined,
    parameters: params.resolved,
    parameterGroups: groups,
    resources: [...entries.values()],
    outputs,
  });
  return { stack, diagnostics };
}

/** The files and environments of a request over max_template_size, each named (the template's own size is checked as it is parsed). */
function oversizedFiles(input: StackInput, limits: EngineLimits): Diagnostic[] {
  const texts = [...Object.entries(input.files ?? {}), ...(input.environments ?? []).map((e) => [e.name, e.text] as const)];
  return texts.flatMap(([name, text]) => {
    const d = checkTextSize(text, limits);
    return d ? [{ ...d, message: `${name}: ${d.message}` }] : [];
  });
}

/** Inside `conditions`, only condition functions are valid; other live functions are errors. */
function conditionTable(table: FunctionTable): Record<string, FunctionSpec> {
  const out: Record<string, FunctionSpec> = {};
  for (const [name, spec] of Object.entries(table.functions)) out[name] = isRemoved(spec) ? spec : invalidInCondition;
  return { ...out, ...table.conditionFunctions };
}

/** The files map, with keys also usable relative to the template's directory. */
function filesFor(input: StackInput): Record<string, string> {
  const files = { ...(input.files ?? {}) };
  const dir = dirOf(input.templateName);
  if (dir) for (const [k, v] of Object.entries(input.files ?? {})) if (k.startsWith(dir)) files[k.slice(dir.length)] ??= v;
  return files;
}

function checkCycles(state: CompileState, entries: Map<string, ResourceEntry>): void {
  const graph = DependencyGraph.fromDependencies(Object.fromEntries([...entries].map(([n, e]) => [n, e.dependsOn])));
  const cycle = graph.findCycle();
  if (cycle) {
    report(state, "error", "dependency.cycle", `Circular Dependency Found: ${cycle.join(" -> ")}`, ["resources", cycle[0]]);
  }
}

function warnUnknownParams(state: CompileState, snippets: unknown[], values: Map<string, unknown>): void {
  const declared = new Set(Object.keys(isMapping(state.doc.data) && isMapping(state.doc.data.parameters) ? state.doc.data.parameters : {}));
  for (const s of snippets) {
    forEachCall(s, (call) => {
      if (call.name !== "get_param") return;
      const n = Array.isArray(call.args) ? call.args[0] : call.args;
      if (typeof n === "string" && !declared.has(n) && !values.has(n)) {
        report(state, "warning", "reference.parameter", `The Parameter (${n}) was not defined in template.`, call.path);
      }
    });
  }
}
