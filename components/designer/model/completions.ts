/**
 * Editor assistance from the registry (the one source of truth for types) and the template's own
 * version: completions of section and resource keys, resource types, property names, intrinsic
 * functions with their arguments (resources, attributes, parameters), depends_on, regions; and
 * hover docs. Pure text logic over `cursorAt`; the Monaco glue lives in yaml-pane.tsx.
 */
import { firstVersionWith, FUNCTION_TABLES, functionNames } from "../../../lib/engine/functions";
import type { AttributeSchema, PropertySchema, ResourcePlugin, TypeRegistry } from "../../../lib/engine/resources/types";
import { findVersion, TEMPLATE_VERSIONS, type TemplateVersion } from "../../../lib/engine/template/versions";
import { isShown } from "./shown";
import { cursorAt, outlineOf, type CursorContext, type Outline } from "./yaml-cursor";

/** One suggestion the editor offers. */
export interface Suggestion {
  label: string;
  kind: "keyword" | "type" | "property" | "function" | "resource" | "attribute" | "parameter" | "region" | "value";
  insertText: string;
  detail?: string;
  documentation?: string;
}

/** Suggestions and the 1-based column where the typed word they replace starts. */
export interface Completion {
  from: number;
  suggestions: Suggestion[];
}

/** HOT intrinsic functions with a one-line description each. */
const FUNCTIONS: Record<string, string> = {
  get_resource: "The reference id of a resource in this template (usually its physical id).",
  get_attr: "An attribute of a resource: [resource, attribute, path...].",
  get_param: "The value of a template parameter: name, or [name, key/index...].",
  get_file: "The contents of a file given with the template (files map).",
  list_join: "Joins lists of strings with a delimiter: [delimiter, list, ...].",
  str_replace: "Replaces params keys in a template string: { template, params }.",
  str_replace_strict: "str_replace that fails when a params key is not found in the template.",
  str_replace_vstrict: "str_replace_strict that also fails on empty params values.",
  str_split: "Splits a string into a list: [delimiter, string, index?].",
  repeat: "Repeats a template for each item of lists: { template, for_each }.",
  digest: "A hash of a value: [algorithm, value].",
  map_merge: "Merges maps; later ones win.",
  map_replace: "Replaces keys and values of a map: [map, { keys, values }].",
  list_concat: "Concatenates lists.",
  list_concat_unique: "Concatenates lists, dropping repeated items.",
  filter: "A list without the given values: [values to drop, list].",
  make_url: "Builds a URL from { scheme, host, port, path, query, fragment }.",
  resource_facade: "A value of the facade resource of a provider template: metadata, deletion_policy or update_policy.",
  if: "A value chosen by a condition: [condition, if_true, if_false].",
  equals: "True when two values are equal (conditions).",
  not: "Negates a condition.",
  and: "True when every condition holds.",
  or: "True when any condition holds.",
  contains: "True when a value is in a list (conditions).",
  yaql: "Evaluates a YAQL expression: { expression, data }.",
};

const PARAMETER_TYPES = ["string", "number", "json", "comma_delimited_list", "boolean"];
const LATEST = TEMPLATE_VERSIONS[TEMPLATE_VERSIONS.length - 1];

/** "string, required, default m1.small" */
export function propertyDetail(s: PropertySchema): string {
  return [s.type, s.required ? "required" : "optional", s.default !== undefined ? `default ${JSON.stringify(s.default)}` : ""].filter(Boolean).join(", ");
}

/** What a completion or hover needs besides the cursor. */
interface Scope {
  ctx: CursorContext;
  outline: Outline;
  version: TemplateVersion;
  registry: TypeRegistry;
}

function scopeAt(text: string, line: number, column: number, registry: TypeRegistry): Scope | undefined {
  const ctx = cursorAt(text, line, column);
  if (!ctx) return undefined;
  const outline = outlineOf(text);
  return { ctx, outline, registry, version: findVersion(outline.version ?? "") ?? LATEST };
}

/** The plugin of a resource of this template, by name. */
function pluginOf(s: Scope, name: string | undefined): ResourcePlugin | undefined {
  const type = name === undefined ? undefined : s.outline.resources.get(name);
  return type ? s.registry.get(type) : undefined;
}

/** Function names valid at the path: the condition table inside `conditions`, else the main table. */
function functionsAt(s: Scope): string[] {
  const table = FUNCTION_TABLES[s.version.date];
  if (s.ctx.path[0] === "conditions") return Object.keys(table.conditionFunctions).sort();
  return functionNames(s.version.date);
}

function functionDoc(name: string): string {
  const since = firstVersionWith(name);
  return `${FUNCTIONS[name] ?? "Intrinsic function."}${since ? ` Since ${since}.` : ""}`;
}

/**
 * The schema of the property value at `rest` (the path below `properties`), walking map keys and
 * list items; undefined at a function call or an unknown key.
 */
function schemaAt(plugin: ResourcePlugin | undefined, rest: readonly string[]): PropertySchema | undefined {
  let schema = plugin?.properties[rest[0]];
  for (const seg of rest.slice(1)) schema = seg === "-" ? schema?.items : schema?.schema?.[seg];
  return schema;
}

/**
 * The plugin whose `properties` hold the cursor (a resource's, or a nested definition's such as
 * ResourceGroup's resource_def, by the `type` beside it) and the path below that `properties`.
 */
function propertiesRoot(s: Scope): { plugin?: ResourcePlugin; rest: string[] } | undefined {
  const p = s.ctx.path;
  const k = p.lastIndexOf("properties");
  if (p[0] !== "resources" || k < 2) return undefined;
  const type = s.ctx.propertiesType;
  return { plugin: type ? s.registry.get(type) : k === 2 ? pluginOf(s, p[1]) : undefined, rest: p.slice(k + 1) };
}

/** Where the cursor is below a `properties`, and what schema the mapping there has. */
function propertyScope(s: Scope): { keys?: Record<string, PropertySchema>; value: boolean } | undefined {
  const root = propertiesRoot(s);
  if (!root) return undefined;
  if (root.rest.length === 0) return { keys: root.plugin?.properties, value: false };
  return { keys: schemaAt(root.plugin, root.rest)?.schema, value: true };
}

const keyword = (label: string, detail?: string): Suggestion => ({ label, kind: "keyword", insertText: `${label}: `, detail });

function propertySuggestions(keys: Record<string, PropertySchema>, siblings: readonly string[]): Suggestion[] {
  return Object.entries(keys)
    .filter(([name, s]) => isShown(s) && !siblings.includes(name))
    .map(([name, s]) => ({ label: name, kind: "property", insertText: `${name}: `, detail: propertyDetail(s), documentation: s.description }));
}

function functionSuggestions(s: Scope): Suggestion[] {
  return functionsAt(s).map((name) => ({ label: name, kind: "function", insertText: `${name}: `, detail: "function", documentation: functionDoc(name) }));
}

function resourceSuggestions(s: Scope, exclude: readonly string[]): Suggestion[] {
  return [...s.outline.resources]
    .filter(([name]) => !exclude.includes(name))
    .map(([name, type]) => ({ label: name, kind: "resource", insertText: name, detail: type }));
}

function attributeSuggestions(plugin: ResourcePlugin | undefined): Suggestion[] {
  const attrs: Record<string, AttributeSchema> = { ...plugin?.attributes, show: { description: "Detailed information about resource.", type: "map" } };
  return Object.entries(attrs)
    .filter(([, a]) => isShown(a))
    .map(([name, a]) => ({ label: name, kind: "attribute", insertText: name, detail: a.type, documentation: a.description }));
}

const plain = (kind: Suggestion["kind"], labels: readonly string[]): Suggestion[] => labels.map((label) => ({ label, kind, insertText: label }));

function keySuggestions(s: Scope): Suggestion[] {
  const { path, siblings } = s.ctx;
  const fresh = (names: readonly string[]) => names.filter((n) => !siblings.includes(n)).map((n) => keyword(n));
  if (path.length === 0) return fresh(s.version.sections);
  if (path.length === 2 && path[0] === "resources") return fresh([...s.version.resourceKeys, "region"]);
  if (path.length === 2 && path[0] === "outputs") return fresh(s.version.outputKeys);
  if (path.length === 2 && path[0] === "parameters") return fresh(s.version.parameterKeys);
  const prop = propertyScope(s);
  if (prop) return [...(prop.keys ? propertySuggestions(prop.keys, siblings) : []), ...(prop.value ? functionSuggestions(s) : [])];
  if ((path[0] === "outputs" && path[2] === "value") || (path[0] === "conditions" && path.length > 1)) return functionSuggestions(s);
  if (path.some((seg) => seg in FUNCTION_TABLES[s.version.date].functions)) return functionSuggestions(s);
  return [];
}

function valueSuggestions(s: Scope): Suggestion[] {
  const { path, key } = s.ctx;
  switch (key) {
    case "type":
      if (path[0] === "parameters") return plain("value", PARAMETER_TYPES);
      return s.registry.list().map((p) => ({ label: p.type, kind: "type", insertText: p.type, detail: p.service, documentation: p.description }));
    case "depends_on":
      return resourceSuggestions(s, [path[1]]);
    case "get_resource":
      return resourceSuggestions(s, []);
    case "get_param":
      return plain("parameter", s.outline.parameters);
    case "condition":
      return plain("value", s.outline.conditions);
    case "deletion_policy":
      return plain("value", s.version.deletionPolicies);
    case "heat_template_version":
      return path.length === 0 ? plain("value", TEMPLATE_VERSIONS.flatMap((v) => [v.date, ...v.aliases])) : [];
    default:
      return [];
  }
}

function itemSuggestions(s: Scope): Suggestion[] {
  const { path, items } = s.ctx;
  const owner = path[path.length - 1];
  if (owner === "depends_on") return resourceSuggestions(s, [path[1], ...items]);
  if (owner === "get_attr" && items.length === 0) return resourceSuggestions(s, []);
  if (owner === "get_attr" && items.length === 1) return attributeSuggestions(pluginOf(s, items[0]));
  if (owner === "get_param" && items.length === 0) return plain("parameter", s.outline.parameters);
  if (owner === "if" && items.length === 0) return plain("value", s.outline.conditions);
  // A new item of a list of maps (networks: - ...) starts with one of the item schema's keys.
  const root = propertiesRoot(s);
  const keys = root && schemaAt(root.plugin, root.rest)?.items?.schema;
  return keys ? propertySuggestions(keys, []) : [];
}

/** Completion at a 1-based line and column; `regions` are the cloud's region names. */
export function suggestionsAt(text: string, line: number, column: number, registry: TypeRegistry, regions: readonly string[]): Completion {
  const s = scopeAt(text, line, column, registry);
  if (!s) return { from: column, suggestions: [] };
  const from = column - s.ctx.word.length;
  if (s.ctx.slot === "value" && s.ctx.key === "region") return { from, suggestions: plain("region", regions) };
  const suggestions = s.ctx.slot === "key" ? keySuggestions(s) : s.ctx.slot === "value" ? valueSuggestions(s) : itemSuggestions(s);
  return { from, suggestions };
}

/** The property schema a key at the cursor names, when the cursor is a property key. */
function propertyKeyDoc(s: Scope, word: string): string | undefined {
  const prop = propertyScope(s);
  const schema = prop?.keys?.[word];
  return schema ? `**${word}** — ${propertyDetail(schema)}\n\n${schema.description ?? ""}` : undefined;
}

/** Hover documentation (markdown) for the word at a 1-based line and column; undefined when none. */
export function hoverAt(text: string, line: number, column: number, registry: TypeRegistry): string | undefined {
  const lineText = text.split("\n")[line - 1] ?? "";
  const words = /[\w-]+(?:::[\w-]+)*/g;
  let m: RegExpExecArray | null;
  while ((m = words.exec(lineText))) {
    if (column - 1 < m.index || column - 1 > m.index + m[0].length) continue;
    const w = m[0];
    const plugin = registry.get(w);
    if (plugin) return `**${plugin.type}** (${plugin.service})\n\n${plugin.description}`;
    const s = scopeAt(text, line, m.index + w.length + 1, registry);
    if (!s) return undefined;
    const { ctx } = s;
    if (ctx.slot === "key" && functionsAt(s).includes(w)) return `**${w}**\n\n${functionDoc(w)}`;
    if (ctx.slot === "key") return propertyKeyDoc(s, w);
    const owner = ctx.slot === "item" ? ctx.path[ctx.path.length - 1] : ctx.key;
    if (owner === "get_attr" && ctx.items.length === 1) {
      const attr = pluginOf(s, ctx.items[0])?.attributes[w];
      return attr ? `**${w}** (attribute of ${ctx.items[0]})\n\n${attr.description}` : undefined;
    }
    const referencesResource = owner === "depends_on" || owner === "get_resource" || (owner === "get_attr" && ctx.items.length === 0);
    if (referencesResource && s.outline.resources.has(w)) return `**${w}** — resource of type ${s.outline.resources.get(w) ?? "(none)"}`;
    if (owner === "get_param" && ctx.items.length === 0 && s.outline.parameters.includes(w)) return `**${w}** — parameter of this template`;
    return undefined;
  }
  return undefined;
}
