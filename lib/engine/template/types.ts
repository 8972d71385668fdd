/**
 * The public model of a compiled stack: what the template layer (template/ + functions/) hands the
 * engine (graph/, scheduler/, stack/). Compiling = parse the template and environments, pick the
 * template version's function table, validate parameters and properties against the registry,
 * evaluate conditions, map types through resource_registry, compute dependencies and regions.
 */
import type { Diagnostic, SourceRange } from "../diagnostics";
import type { EngineLimits } from "../limits";
import type { TypeRegistry, PropertySchema } from "../resources/types";

/** What a user hands Hearth for validate / preview / create / update. */
export interface StackInput {
  /** Template text, YAML or JSON. */
  template: string;
  /** Name of the template file (used in messages and to resolve relative paths in `files`). */
  templateName?: string;
  /** Files map as the openstack client builds it: provider templates and get_file contents by path/URL. */
  files?: Record<string, string>;
  /** Environment file texts, in order (later ones win), with their names for messages. */
  environments?: { name: string; text: string }[];
  /** --parameter K=V values, as given (strings), or typed values from the API/console. */
  parameters?: Record<string, unknown>;
}

/** Parameter types, as HOT names them. */
export type ParameterType = "string" | "number" | "json" | "comma_delimited_list" | "boolean";

/** A parameter as declared in the template (constraints use the same shape as properties). */
export interface ParameterDefinition {
  name: string;
  type: ParameterType;
  label?: string;
  description?: string;
  default?: unknown;
  hidden: boolean;
  immutable: boolean;
  constraints: import("../resources/types").PropertyConstraint[];
  /** Raw constraint descriptions keyed by their index, for forms. */
  range?: SourceRange;
}

/** A parameter group (order in forms). */
export interface ParameterGroup {
  label?: string;
  description?: string;
  parameters: string[];
}

/** A resolved parameter value with its definition. */
export interface ResolvedParameter {
  definition: ParameterDefinition;
  value: unknown;
}

/** Live state of other resources that function resolution reads (get_resource, get_attr). */
export interface RuntimeView {
  /** get_resource value of a resource, or undefined if it does not exist (yet). */
  referenceId(resource: string): string | undefined;
  /** get_attr value; `path` is the remaining path after the attribute name. */
  attribute(resource: string, attribute: string, path: (string | number)[]): unknown;
  /** get_attr with only a resource name (all attributes, template versions that have it). */
  allAttributes(resource: string): Record<string, unknown>;
}

/** One resource of a compiled stack (only those whose condition holds). */
export interface CompiledResource {
  name: string;
  /** The type after resource_registry mapping (e.g. OS::Heat::None, or a provider template name). */
  type: string;
  /** The type as written in the template. */
  templateType: string;
  /** When the type maps to a provider template: its name and text (from the files map). */
  provider?: { templateName: string; template: string };
  /** The region this resource lives in: its `region` key, else the stack's region. */
  region: string;
  /** Every resource this one depends on: depends_on, get_resource / get_attr references and implicitDependsOn. */
  dependsOn: string[];
  /** Only the explicit depends_on list. */
  explicitDependsOn: string[];
  /** The dependencies its plugin's rule adds (Heat's implicit dependencies: a port on its network's subnets). */
  implicitDependsOn: string[];
  deletionPolicy: "Delete" | "Retain" | "Snapshot";
  updatePolicy: Record<string, unknown>;
  externalId?: string;
  /** Property schema from the registry (or derived from the provider template's parameters). */
  propertySchema: Record<string, PropertySchema>;
  range?: SourceRange;
}

/** One output of a compiled stack. */
export interface CompiledOutput {
  name: string;
  description?: string;
  /** Resources the output reads. */
  dependsOn: string[];
}

/** A template compiled against parameters, environments and the type registry. */
export interface CompiledStack {
  /** Canonical template version date, e.g. "2018-08-31". */
  version: string;
  description?: string;
  parameters: Record<string, ResolvedParameter>;
  parameterGroups: ParameterGroup[];
  resources: Record<string, CompiledResource>;
  outputs: Record<string, CompiledOutput>;
  /** Warnings found while compiling (errors prevent a CompiledStack from being returned). */
  warnings: Diagnostic[];
  /**
   * Resolves a resource's properties (functions evaluated against `rt`, defaults applied).
   * Throws ValidationError (with the property path) when a value does not fit the schema.
   */
  resolveProperties(resource: string, rt: RuntimeView): Record<string, unknown>;
  /** Resolves a resource's metadata section. */
  resolveMetadata(resource: string, rt: RuntimeView): Record<string, unknown>;
  /** Resolves an output; an error becomes `error` (Heat shows output_error). */
  resolveOutput(output: string, rt: RuntimeView): { value?: unknown; error?: string };
  /** Locates a path of the template source, for messages raised later (e.g. at create time). */
  locate(path: (string | number)[]): SourceRange | undefined;
}

/** Context for compiling: who and where the stack is. */
export interface CompileOptions {
  registry: TypeRegistry;
  stackName: string;
  stackId: string;
  projectId: string;
  /** The stack's default region. */
  region: string;
  /** Regions that exist; a `region` key naming another is an error. */
  regions: string[];
  /** "validate" = Heat's template validate; "strict" = also check parameter and property values. */
  mode: "validate" | "strict";
  /** The limits to enforce (default HEAT_LIMITS). */
  limits?: EngineLimits;
}

/** Result of compiling: a stack, or the errors that prevented it (and warnings either way). */
export interface CompileResult {
  stack?: CompiledStack;
  diagnostics: Diagnostic[];
}
