/**
 * The CFN template format (AWSTemplateFormatVersion 2010-09-09, HeatTemplateFormatVersion
 * 2012-12-12), read as Heat reads it: the sections, resource keys, output keys and parameter
 * schemas are renamed to their HOT equivalents so that the one compile pipeline checks and runs
 * them, while every path (diagnostic paths, messages and source ranges) is mapped back to the
 * CFN names the author wrote. Fn::FindInMap reads the Mappings section; the pseudo parameters
 * are AWS::StackId, AWS::StackName and AWS::Region.
 */
import { CFN_VERSIONS, cfnFunctionTable, type CfnVersionKey } from "../functions/cfn";
import { isMapping, type FunctionTable, type Path } from "../functions";
import type { TemplateDocument } from "./document";
import type { SourceFront } from "./state";
import type { CompileOptions } from "./types";
import type { TemplateVersion } from "./versions";

/** A CFN template read as HOT: translated document, its version and function table, and CFN's names for diagnostics. */
export interface CfnFront extends SourceFront {
  doc: TemplateDocument;
  version: TemplateVersion;
  table: FunctionTable;
}

/** Why a template's version keys do not name one known version (Heat's InvalidTemplateVersion). */
export interface VersionProblem {
  error: string;
  path: Path;
}

const SECTIONS = { Description: "description", Parameters: "parameters", Resources: "resources", Outputs: "outputs", Conditions: "conditions" };
const RESOURCE_KEYS = {
  Type: "type", Properties: "properties", Metadata: "metadata", DependsOn: "depends_on", DeletionPolicy: "deletion_policy",
  UpdatePolicy: "update_policy", Description: "description", Condition: "condition",
};
const OUTPUT_KEYS = { Description: "description", Value: "value", Condition: "condition" };
const PARAMETER_KEYS = { Type: "type", Default: "default", NoEcho: "hidden", Description: "description", Label: "label" };
const PARAMETER_TYPES: Record<string, string> = {
  String: "string", Number: "number", CommaDelimitedList: "comma_delimited_list", Json: "json", Boolean: "boolean",
};
/** Messages that name HOT keys, in CFN's words. */
const MESSAGES: Record<string, string> = {
  "Each resource must contain a type key.": "Each Resource must contain a Type key.",
  "Each output must contain a value key.": "Each output definition must contain a Value key.",
};
/** What the 2012-12-12 format lacks: the Conditions section and the Condition keys. */
const CONDITION_KEYS = new Set(["Conditions", "Condition"]);

const invert = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k]));
const HOT_TO_CFN = { top: invert(SECTIONS), resources: invert(RESOURCE_KEYS), outputs: invert(OUTPUT_KEYS), parameters: invert(PARAMETER_KEYS) };

/** True when the data has a CFN version key (a string value), so that Heat would read it as CFN. */
export function isCfnData(data: Record<string, unknown>): boolean {
  return Object.keys(CFN_VERSIONS).some((k) => typeof data[k] === "string");
}

/**
 * Reads a CFN template: a problem when its version keys are ambiguous or name no version
 * (Heat's wording), else the template as HOT. Call only when isCfnData holds.
 */
export function readCfn(doc: TemplateDocument, data: Record<string, unknown>): CfnFront | VersionProblem {
  const keys = ["heat_template_version", ...Object.keys(CFN_VERSIONS)].filter((k) => typeof data[k] === "string");
  if (keys.length > 1) return { error: `The template version is invalid: Ambiguous versions (${keys.join(", ")})`, path: [] };
  const key = keys[0] as CfnVersionKey;
  if (data[key] !== CFN_VERSIONS[key]) {
    return { error: `The template version is invalid: "${key}: ${String(data[key])}". "${key}" should be: ${CFN_VERSIONS[key]}`, path: [key] };
  }
  const conditions = key === "AWSTemplateFormatVersion";
  const mappings = isMapping(data.Mappings) ? data.Mappings : {};
  const hot = translate(data, conditions);
  return {
    doc: { data: hot, diagnostics: doc.diagnostics, locate: (path) => doc.locate(toCfnPath([...path])) },
    version: cfnVersion(key, conditions),
    table: cfnFunctionTable(key, mappings),
    sourcePath: toCfnPath,
    sourceMessage: (message) => MESSAGES[message] ?? message,
  };
}

/** The pseudo parameters of a CFN stack, as Heat's CfnParameters defines them. */
export function cfnPseudoParameters(options: CompileOptions): [string, string][] {
  return [
    ["AWS::StackId", `arn:openstack:heat::${options.projectId}:stacks/${options.stackName}/${options.stackId}`],
    ["AWS::StackName", options.stackName],
    // Heat answers a fixed 'ap-southeast-1'; Hearth's regions are real, so the stack's own region is given.
    ["AWS::Region", options.region],
  ];
}

/** What a CFN version allows, in the HOT names the compile pipeline checks (data is translated first). */
function cfnVersion(key: CfnVersionKey, conditions: boolean): TemplateVersion {
  const withConditions = (names: string[]) => (conditions ? [...names, "condition"] : names);
  return {
    date: CFN_VERSIONS[key],
    format: "cfn",
    aliases: [],
    sections: ["description", "parameters", "resources", "outputs", ...(conditions ? ["conditions"] : [])],
    resourceKeys: withConditions(["type", "properties", "metadata", "depends_on", "deletion_policy", "update_policy", "description"]),
    outputKeys: withConditions(["description", "value"]),
    parameterKeys: ["type", "description", "default", "constraints", "hidden", "label"],
    modulo: false,
    deletionPolicies: ["Delete", "Retain", "Snapshot"],
  };
}

/**
 * Renames the keys of a map by `names`. Other keys stay (the pipeline reports them as unknown)
 * unless `dropOthers`: Heat ignores unknown keys of a CFN resource.
 */
function rename(raw: unknown, names: Record<string, string>, keep: (k: string) => boolean, dropOthers = false): unknown {
  if (!isMapping(raw)) return raw;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (keep(k) && k in names) out[names[k]] = v;
    else if (!dropOthers) out[k] = v;
  }
  return out;
}

function mapValues(raw: unknown, f: (v: unknown) => unknown): unknown {
  return isMapping(raw) ? Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, f(v)])) : raw;
}

function translate(data: Record<string, unknown>, conditions: boolean): Record<string, unknown> {
  const allowed = (k: string) => conditions || !CONDITION_KEYS.has(k);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (k in CFN_VERSIONS || k === "Mappings") continue;
    const name = allowed(k) && k in SECTIONS ? SECTIONS[k as keyof typeof SECTIONS] : k;
    if (name === "resources") out[name] = mapValues(v, (r) => rename(r, RESOURCE_KEYS, allowed, true));
    else if (name === "outputs") out[name] = mapValues(v, (o) => rename(o, OUTPUT_KEYS, allowed));
    else if (name === "parameters") out[name] = mapValues(v, parameterSchema);
    else out[name] = v;
  }
  return out;
}

/** A CFN parameter schema as the HOT schema Heat derives from it (constraints in Heat's order). */
function parameterSchema(raw: unknown): unknown {
  if (!isMapping(raw)) return raw;
  const described = (c: Record<string, unknown>) => ("ConstraintDescription" in raw ? { ...c, description: raw.ConstraintDescription } : c);
  const bound = (min: string, max: string) => ({
    ...(raw[min] !== undefined ? { min: raw[min] } : {}),
    ...(raw[max] !== undefined ? { max: raw[max] } : {}),
  });
  const constraints: Record<string, unknown>[] = [];
  if ("MinValue" in raw || "MaxValue" in raw) constraints.push(described({ range: bound("MinValue", "MaxValue") }));
  if ("MinLength" in raw || "MaxLength" in raw) constraints.push(described({ length: bound("MinLength", "MaxLength") }));
  if ("AllowedValues" in raw) constraints.push(described({ allowed_values: raw.AllowedValues }));
  if ("AllowedPattern" in raw) constraints.push(described({ allowed_pattern: raw.AllowedPattern }));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (["MinValue", "MaxValue", "MinLength", "MaxLength", "AllowedValues", "AllowedPattern", "ConstraintDescription"].includes(k)) continue;
    if (k === "Type") out.type = typeof v === "string" ? PARAMETER_TYPES[v] ?? v : v;
    else out[k in PARAMETER_KEYS ? PARAMETER_KEYS[k as keyof typeof PARAMETER_KEYS] : k] = v;
  }
  if (constraints.length) out.constraints = constraints;
  return out;
}

/** Maps a HOT-named path of the translated data back to the CFN names of the source. */
function toCfnPath(path: Path): Path {
  if (path.length === 0) return path;
  const [section, name, key, ...rest] = path;
  const top = HOT_TO_CFN.top[String(section)] ?? section;
  if (path.length < 3) return [top, ...path.slice(1)];
  const keys = HOT_TO_CFN[section as "resources" | "outputs" | "parameters"];
  if (!keys) return [top, ...path.slice(1)];
  // A parameter's constraints come from several CFN keys: point at the parameter.
  if (section === "parameters" && key === "constraints") return [top, name];
  return [top, name, keys[String(key)] ?? key, ...rest];
}
