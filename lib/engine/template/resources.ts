/**
 * The resources section: keys, types (through resource_registry), conditions, properties,
 * metadata, policies, regions and references of each resource definition.
 */
import { FnCall, isMapping, pyTypeName, snippetReferences, validateSnippet, type Path } from "../functions";
import type { PropertySchema } from "../resources/types";
import { isTemplateName, mapType } from "./environment";
import { validateProperties } from "./properties";
import { compileProvider } from "./provider";
import { parseConditionSnippet, parseMain, report, reportFunctionError, type CompileState } from "./state";
import type { CompiledResource } from "./types";

/** A kept resource with its parsed snippets. */
export interface ResourceEntry extends CompiledResource {
  properties: unknown;
  metadata: unknown;
  /** Resources referenced by get_resource / get_attr in properties and metadata. */
  references: string[];
  /** Attribute names the type offers (undefined = any). */
  attributes?: string[];
  /** The type accepts properties outside its schema (OS::Heat::None). */
  openProperties: boolean;
}

const LATER_KEYS = ["external_id", "condition"];

/** The raw definitions that pass the structural checks, and the names whose condition holds. */
export function screenResources(state: CompileState, section: unknown): { raw: Record<string, Record<string, unknown>>; all: string[] } {
  const raw: Record<string, Record<string, unknown>> = {};
  if (section === null || section === undefined) return { raw, all: [] };
  if (!isMapping(section)) {
    report(state, "error", "template.structure", "The resources section must be a map of resource definitions", ["resources"]);
    return { raw, all: [] };
  }
  const allowed = [...state.version.resourceKeys, "region"];
  for (const name of Object.keys(section).sort()) {
    const def = section[name];
    const path = ["resources", name];
    if (!isMapping(def)) {
      const message = def === null || def === undefined || def === ""
        ? "Each resource must contain a type key."
        : `"resources" must contain a map of resource maps. Found a [<class '${pyTypeName(def)}'>] instead`;
      report(state, "error", "template.structure", message, path);
      continue;
    }
    const bad = Object.keys(def).find((k) => !allowed.includes(k));
    if (bad) {
      // Heat words a key of a later version (condition, external_id) differently from an unknown one.
      const message = LATER_KEYS.includes(bad)
        ? `Invalid keyword(s) inside a resource definition: ${bad}`
        : `"${bad}" is not a valid keyword inside a resource definition`;
      report(state, "error", "resource.key", message, [...path, bad]);
      continue;
    }
    if (!("type" in def)) {
      report(state, "error", "template.structure", "Each resource must contain a type key.", path);
      continue;
    }
    raw[name] = def;
  }
  return { raw, all: Object.keys(section) };
}

/** Evaluates a resource's `condition` key; errors are reported and count as "keep". */
export function resourceEnabled(state: CompileState, name: string, def: Record<string, unknown>): boolean {
  if (!("condition" in def)) return true;
  const path = ["resources", name, "condition"];
  try {
    const { contexts } = state;
    const cond = contexts.compileCtx.resolve(parseConditionSnippet(state, def.condition, path));
    if (typeof cond !== "boolean" && typeof cond !== "string") {
      report(state, "error", "condition.structure", `Resource ${name} condition type must be string_or_boolean`, path);
      return true;
    }
    return contexts.conditionValue(cond, path);
  } catch (e) {
    reportFunctionError(state, e, path);
    return true;
  }
}

/** Compiles one kept resource definition. */
export function compileResource(
  state: CompileState,
  name: string,
  def: Record<string, unknown>,
  allNames: string[],
): ResourceEntry | undefined {
  const path: Path = ["resources", name];
  const ctx = state.contexts.compileCtx;
  const field = (key: string) => {
    try {
      return parseMain(state, def[key], [...path, key]);
    } catch (e) {
      reportFunctionError(state, e, [...path, key]);
      return undefined;
    }
  };
  const templateType = def.type;
  if (typeof templateType !== "string") {
    report(state, "error", "resource.type", `Resource ${name} type must be string`, [...path, "type"]);
    return undefined;
  }
  // A key that is present must hold a map (null included, as Heat checks); an absent key is an empty map.
  const properties = "properties" in def ? field("properties") : {};
  const metadata = "metadata" in def ? field("metadata") : {};
  const updatePolicy = "update_policy" in def ? field("update_policy") : {};
  for (const [key, value] of [["properties", properties], ["metadata", metadata], ["update_policy", updatePolicy]] as const) {
    if (value === undefined) return undefined; // its parse error is reported already
    if (!isMapping(value) && !(value instanceof FnCall)) {
      report(state, "error", "template.structure", `Resource ${name} ${key} type must be object`, [...path, key]);
      return undefined;
    }
  }
  const explicit = dependsOnList(state, name, def.depends_on, allNames);
  const deletionPolicy = policy(state, name, def);
  const region = regionOf(state, name, def);
  const type = mapType(state.env, name, templateType);
  let propertySchema: Record<string, PropertySchema> = {};
  let attributes: string[] | undefined;
  let provider: CompiledResource["provider"];
  let openProperties = false;
  if (isTemplateName(type)) {
    const p = compileProvider(state, name, type);
    if (!p) return undefined;
    ({ propertySchema, attributes, provider } = p);
  } else {
    const plugin = state.options.registry.get(type);
    if (!plugin) {
      report(state, "error", "resource.type", `The Resource Type (${type}) could not be found.`, [...path, "type"]);
      return undefined;
    }
    propertySchema = plugin.properties;
    // Types with open attributes (deployments' outputs, groups' resource.0, nested stacks) accept any name, as Heat does.
    attributes = plugin.openAttributes || plugin.handlers.attributeAt ? undefined : Object.keys(plugin.attributes).concat("show");
    openProperties = plugin.openProperties === true;
  }
  if (!openProperties && isMapping(properties)) {
    for (const issue of validateProperties(propertySchema, properties, state.options.mode === "strict", ctx)) {
      const at = [...path, "properties", ...issue.path];
      report(state, "error", issue.code, `Property error: ${(state.front?.sourcePath(at) ?? at).join(".")}: ${issue.message}`, at);
    }
  }
  let references: string[] = [];
  try {
    references = [...snippetReferences(properties, ctx), ...snippetReferences(metadata, ctx)];
  } catch (e) {
    reportFunctionError(state, e, [...path, "properties"]);
  }
  return {
    name,
    type,
    templateType,
    provider,
    region,
    // depends_on may name a resource that a false condition left out: Heat drops those edges.
    dependsOn: [...new Set([...explicit.filter((d) => ctx.hasResource(d)), ...references])],
    explicitDependsOn: explicit.filter((d) => ctx.hasResource(d)),
    implicitDependsOn: [],
    deletionPolicy,
    updatePolicy: resolvedPolicy(state, name, updatePolicy),
    externalId: typeof def.external_id === "string" ? def.external_id : undefined,
    propertySchema,
    properties,
    metadata,
    references,
    attributes,
    openProperties,
  };
}

/** Runs the functions' own validation over a resource's snippets (after all resources are known). */
export function validateResourceFunctions(state: CompileState, entry: ResourceEntry): void {
  for (const key of ["properties", "metadata"] as const) {
    try {
      validateSnippet(entry[key], state.contexts.compileCtx);
    } catch (e) {
      reportFunctionError(state, e, ["resources", entry.name, key]);
    }
  }
}

function dependsOnList(state: CompileState, name: string, raw: unknown, allNames: string[]): string[] {
  if (raw === undefined) return [];
  const path = ["resources", name, "depends_on"];
  const list = typeof raw === "string" ? [raw] : raw;
  if (!Array.isArray(list)) {
    report(state, "error", "template.structure", `Resource ${name} depends_on type must be list or string`, path);
    return [];
  }
  if (!list.every((d) => typeof d === "string")) {
    report(state, "error", "template.structure", `Resource ${name} depends_on must be a list of strings`, path);
    return [];
  }
  for (const d of list) {
    if (!allNames.includes(d)) {
      report(state, "error", "reference.resource", `The specified reference "${d}" (in ${name}) is incorrect.`, path);
    }
  }
  return list as string[];
}

/** update_policy with its functions (get_param) evaluated; it cannot read other resources. */
function resolvedPolicy(state: CompileState, name: string, parsed: unknown): Record<string, unknown> {
  try {
    const v = state.contexts.compileCtx.resolve(parsed);
    return isMapping(v) ? v : {};
  } catch (e) {
    // Heat's template validate only parses update_policy; values are checked when the stack is created.
    if (state.options.mode === "strict") reportFunctionError(state, e, ["resources", name, "update_policy"]);
    return {};
  }
}

function policy(state: CompileState, name: string, def: Record<string, unknown>): CompiledResource["deletionPolicy"] {
  if (def.deletion_policy === undefined || def.deletion_policy === null) return "Delete";
  const path = ["resources", name, "deletion_policy"];
  try {
    const v = state.contexts.compileCtx.resolve(parseMain(state, def.deletion_policy, path));
    if (typeof v === "string" && state.version.deletionPolicies.includes(v)) {
      return (v[0].toUpperCase() + v.slice(1)) as CompiledResource["deletionPolicy"];
    }
    report(state, "error", "template.structure", `Invalid deletion policy "${String(v)}"`, path);
  } catch (e) {
    reportFunctionError(state, e, path);
  }
  return "Delete";
}

function regionOf(state: CompileState, name: string, def: Record<string, unknown>): string {
  if (def.region === undefined) return state.options.region;
  const path = ["resources", name, "region"];
  try {
    const v = state.contexts.compileCtx.resolve(parseMain(state, def.region, path));
    if (typeof v !== "string") {
      report(state, "error", "region.unknown", `Resource ${name} region must be a string`, path);
    } else if (!state.options.regions.includes(v)) {
      report(state, "error", "region.unknown", `Resource ${name} names an unknown region "${v}"; regions are: ${state.options.regions.join(", ")}`, path);
    } else return v;
  } catch (e) {
    if (state.options.mode === "strict") reportFunctionError(state, e, path);
  }
  return state.options.region;
}
