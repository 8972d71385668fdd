/**
 * The CompiledStack handed to the engine: the public model plus resolution of properties,
 * metadata and outputs against live resources (a RuntimeView).
 */
import { ValidationError, type Diagnostic } from "../diagnostics";
import { FunctionError, isMapping, OMIT, resolveSnippet } from "../functions";
import type { PropertySchema } from "../resources/types";
import { checkConstraints } from "./constraints";
import { convertProperty, nullPropertyValue, propertyDefault } from "./properties";
import { translateProperties, unimplementedProperties } from "./translation";
import type { ResourceEntry } from "./resources";
import type { OutputEntry } from "./sections";
import type { CompileState } from "./state";
import type { CompiledResource, CompiledStack, ParameterGroup, ResolvedParameter, RuntimeView } from "./types";

/** The parts of a compiled stack gathered by the section compilers. */
export interface StackParts {
  description?: string;
  parameters: Record<string, ResolvedParameter>;
  parameterGroups: ParameterGroup[];
  resources: ResourceEntry[];
  outputs: OutputEntry[];
}

/** Builds the CompiledStack object. */
export function buildCompiledStack(state: CompileState, parts: StackParts): CompiledStack {
  const entries = new Map(parts.resources.map((r) => [r.name, r]));
  const outputs = new Map(parts.outputs.map((o) => [o.name, o]));
  const entry = (name: string) => {
    const e = entries.get(name);
    if (!e) throw new Error(`resource ${name} is not part of the stack`);
    return e;
  };
  const fail = (path: (string | number)[], message: string, code: Diagnostic["code"] = "property.type"): never => {
    throw new ValidationError([{ severity: "error", code, message, path, range: state.doc.locate(path) }]);
  };
  const resolveIn = (snippet: unknown, rt: RuntimeView, path: (string | number)[]) => {
    try {
      return resolveSnippet(snippet, state.contexts.make(rt));
    } catch (e) {
      if (e instanceof FunctionError) return fail(e.path.length ? e.path : path, e.message, e.code);
      throw e;
    }
  };
  return {
    version: state.version.date,
    description: parts.description,
    parameters: parts.parameters,
    parameterGroups: parts.parameterGroups,
    resources: Object.fromEntries(parts.resources.map((r) => [r.name, publicResource(r, state)])),
    outputs: Object.fromEntries(parts.outputs.map((o) => [o.name, { name: o.name, description: o.description, dependsOn: o.dependsOn }])),
    warnings: state.diagnostics.filter((d) => d.severity === "warning"),
    resolveProperties(resource, rt) {
      const e = entry(resource);
      const path = ["resources", resource, "properties"];
      const values = resolveIn(e.properties, rt, path);
      if (!isMapping(values)) return fail(path, `Resource ${resource} properties type must be object`);
      return applySchema(e.propertySchema, values, path, fail, e.openProperties);
    },
    resolveMetadata(resource, rt) {
      const e = entry(resource);
      const values = resolveIn(e.metadata, rt, ["resources", resource, "metadata"]);
      return isMapping(values) ? values : {};
    },
    resolveOutput(output, rt) {
      const o = outputs.get(output);
      if (!o) return { error: `The Referenced Output (${output}) could not be found.` };
      try {
        const value = resolveSnippet(o.value, state.contexts.make(rt));
        return { value: value === OMIT || value === undefined ? null : value };
      } catch (e) {
        return { error: (e as Error).message };
      }
    },
    locate: (path) => state.doc.locate(path),
  };
}

/** The public view of a resource; its source range is computed on first read (JSON input parses YAML lazily). */
function publicResource(r: ResourceEntry, state: CompileState): CompiledResource {
  const resource: CompiledResource = {
    name: r.name,
    type: r.type,
    templateType: r.templateType,
    provider: r.provider,
    region: r.region,
    dependsOn: r.dependsOn,
    explicitDependsOn: r.explicitDependsOn,
    implicitDependsOn: r.implicitDependsOn,
    deletionPolicy: r.deletionPolicy,
    updatePolicy: r.updatePolicy,
    externalId: r.externalId,
    propertySchema: r.propertySchema,
  };
  let range: CompiledResource["range"] | null = null;
  Object.defineProperty(resource, "range", {
    enumerable: true,
    get: () => (range === null ? (range = state.doc.locate(["resources", r.name])) : range),
  });
  return resource;
}

/** Applies defaults, converts types and checks constraints of resolved property values. */
function applySchema(
  schema: Record<string, PropertySchema>,
  given: Record<string, unknown>,
  path: (string | number)[],
  fail: (path: (string | number)[], message: string, code?: Diagnostic["code"]) => never,
  passThrough: boolean,
): Record<string, unknown> {
  if (passThrough) return given;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(given)) if (!(key in schema)) fail(path, `Unknown Property ${key}`, "property.unknown");
  for (const key of unimplementedProperties(schema, given)) fail(path, `Property ${key} not implemented yet`, "property.unknown");
  const { values, conflict } = translateProperties(schema, given);
  if (conflict) fail([...path, conflict.property], conflict.message, "property.constraint");
  for (const [key, s] of Object.entries(schema)) {
    const v = values[key] === null ? nullPropertyValue(s) : values[key] ?? propertyDefault(s);
    if (v === undefined || v === null) {
      if (s.required) fail(path, `Property ${key} not assigned`, "property.required");
      continue;
    }
    let converted: unknown;
    try {
      converted = convertProperty(s, v);
    } catch (e) {
      return fail([...path, key], (e as Error).message);
    }
    const err = checkConstraints(s.constraints ?? [], converted);
    if (err) fail([...path, key], err, "property.constraint");
    out[key] = converted;
  }
  return out;
}
