/**
 * A stand-in for template/compileStack in engine unit tests, so they test the engine alone. It reads
 * a JSON template of a small HOT subset: parameters (default, immutable), resources (type, properties,
 * depends_on, deletion_policy, region; a type naming a file of the files map is a provider template),
 * outputs, and the functions get_param, get_resource and get_attr. Real templates are compiled by
 * lib/engine/template; integration tests use that.
 */
import type { Diagnostic } from "../diagnostics";
import { ValidationError } from "../diagnostics";
import { DependencyGraph } from "../graph";
import type { PropertySchema } from "../resources/types";
import type { CompiledResource, CompiledStack, CompileOptions, CompileResult, ResolvedParameter, RuntimeView, StackInput } from "../template/types";

type Json = Record<string, unknown>;
const isMap = (v: unknown): v is Json => !!v && typeof v === "object" && !Array.isArray(v);

/** The resources a value references through get_resource / get_attr. */
function references(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => references(v, out));
  else if (isMap(value)) {
    if (typeof value.get_resource === "string") out.add(value.get_resource);
    else if (Array.isArray(value.get_attr)) out.add(String(value.get_attr[0]));
    else Object.values(value).forEach((v) => references(v, out));
  }
  return out;
}

function evaluate(value: unknown, params: Record<string, ResolvedParameter>, rt: RuntimeView): unknown {
  if (Array.isArray(value)) return value.map((v) => evaluate(v, params, rt));
  if (!isMap(value)) return value;
  if ("get_param" in value) return params[String(value.get_param)]?.value;
  if ("get_resource" in value) return rt.referenceId(String(value.get_resource));
  if (Array.isArray(value.get_attr)) {
    const [res, attr, ...path] = value.get_attr as (string | number)[];
    return rt.attribute(String(res), String(attr), path);
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluate(v, params, rt)]));
}

function withDefaults(schema: Record<string, PropertySchema>, props: Json, path: string[]): Json {
  const out: Json = { ...props };
  for (const [key, s] of Object.entries(schema)) {
    if (out[key] === undefined && s.default !== undefined) out[key] = structuredClone(s.default);
    if (out[key] === undefined && s.required) {
      throw new ValidationError([{ severity: "error", code: "property.required", message: `Property ${key} not assigned`, path: [...path, key] }]);
    }
  }
  return out;
}

/** Compiles a JSON template of the subset described above. */
export function handCompile(input: StackInput, options: CompileOptions): CompileResult {
  const diagnostics: Diagnostic[] = [];
  const error = (code: Diagnostic["code"], message: string, path: (string | number)[]) => diagnostics.push({ severity: "error", code, message, path });
  let doc: Json;
  try {
    doc = JSON.parse(input.template) as Json;
  } catch (e) {
    error("yaml.syntax", (e as Error).message, []);
    return { diagnostics };
  }
  const params: Record<string, ResolvedParameter> = {};
  for (const [name, p] of Object.entries((doc.parameters ?? {}) as Record<string, Json>)) {
    const value = input.parameters?.[name] ?? p.default;
    if (value === undefined && options.mode === "strict") error("parameter.missing", `The Parameter (${name}) was not provided.`, ["parameters", name]);
    const definition = { name, type: "string" as const, hidden: false, immutable: p.immutable === true, constraints: [] };
    params[name] = { definition, value };
  }
  const resources: Record<string, CompiledResource> = {};
  const raw = (doc.resources ?? {}) as Record<string, Json>;
  for (const [name, r] of Object.entries(raw)) {
    const type = String(r.type);
    const providerText = input.files?.[type];
    const plugin = options.registry.get(type);
    if (!plugin && providerText === undefined) error("resource.type", `The Resource Type (${type}) could not be found.`, ["resources", name, "type"]);
    const explicit = (r.depends_on ?? []) as string[];
    const deps = [...new Set([...explicit, ...references(r.properties, new Set())])];
    for (const d of deps) if (!raw[d]) error("reference.resource", `The specified reference "${d}" (in ${name}) is incorrect.`, ["resources", name]);
    resources[name] = {
      name,
      type,
      templateType: type,
      provider: providerText === undefined ? undefined : { templateName: type, template: providerText },
      region: typeof r.region === "string" ? r.region : options.region,
      dependsOn: deps,
      explicitDependsOn: explicit,
      implicitDependsOn: [],
      deletionPolicy: (r.deletion_policy as CompiledResource["deletionPolicy"]) ?? "Delete",
      updatePolicy: {},
      propertySchema: plugin?.properties ?? {},
    };
  }
  const cycle = DependencyGraph.fromDependencies(Object.fromEntries(Object.values(resources).map((r) => [r.name, r.dependsOn]))).findCycle();
  if (cycle) error("dependency.cycle", `Circular Dependency Found: ${cycle.join(" -> ")}`, ["resources", cycle[0]]);
  if (diagnostics.length) return { diagnostics };
  const outputs = (doc.outputs ?? {}) as Record<string, Json>;
  const stack: CompiledStack = {
    version: "2018-08-31",
    description: typeof doc.description === "string" ? doc.description : undefined,
    parameters: params,
    parameterGroups: [],
    resources,
    outputs: Object.fromEntries(Object.entries(outputs).map(([k, o]) => [k, { name: k, description: o.description as string | undefined, dependsOn: [...references(o.value, new Set())] }])),
    warnings: [],
    resolveProperties(resource, rt) {
      const props = evaluate(raw[resource].properties ?? {}, params, rt) as Json;
      return withDefaults(resources[resource].propertySchema, props, ["resources", resource, "properties"]);
    },
    resolveMetadata: (resource, rt) => evaluate(raw[resource].metadata ?? {}, params, rt) as Json,
    resolveOutput: (output, rt) => ({ value: evaluate(outputs[output].value, params, rt) }),
    locate: () => undefined,
  };
  return { stack, diagnostics };
}
