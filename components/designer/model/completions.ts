/**
 * Editor assistance from the registry (the one source of truth for types): completions of resource
 * types, regions, property names of the resource under the cursor and intrinsic functions, and hover
 * docs for types, properties and functions. Pure text logic; the Monaco glue lives in the designer.
 */
import type { PropertySchema, TypeRegistry } from "../../../lib/engine/resources/types";

/** One suggestion the editor offers. */
export interface Suggestion {
  label: string;
  kind: "type" | "property" | "function" | "region";
  insertText: string;
  detail?: string;
  documentation?: string;
}

/** HOT intrinsic functions with a one-line description each. */
export const FUNCTIONS: Record<string, string> = {
  get_resource: "The reference id of a resource in this template (usually its physical id).",
  get_attr: "An attribute of a resource: [resource, attribute, path...].",
  get_param: "The value of a template parameter: name, or [name, key/index...].",
  get_file: "The contents of a file given with the template (files map).",
  list_join: "Joins lists of strings with a delimiter: [delimiter, list, ...].",
  str_replace: "Replaces params keys in a template string: { template, params }.",
  str_split: "Splits a string into a list: [delimiter, string, index?].",
  repeat: "Repeats a template for each item of lists: { template, for_each }.",
  digest: "A hash of a value: [algorithm, value].",
  map_merge: "Merges maps; later ones win.",
  map_replace: "Replaces keys and values of a map: [map, { keys, values }].",
  list_concat: "Concatenates lists.",
  if: "A value chosen by a condition: [condition, if_true, if_false].",
  equals: "True when two values are equal (conditions).",
  not: "Negates a condition.",
  and: "True when every condition holds.",
  or: "True when any condition holds.",
  contains: "True when a value is in a list (conditions).",
  yaql: "Evaluates a YAQL expression: { expression, data }.",
};

/** Lines above `line` (1-based) up to the start, nearest first, with their indentation. */
function linesAbove(lines: string[], line: number): { text: string; indent: number; index: number }[] {
  const out = [];
  for (let i = line - 2; i >= 0; i--) {
    const text = lines[i];
    if (text.trim() === "" || text.trimStart().startsWith("#")) continue;
    out.push({ text, indent: text.length - text.trimStart().length, index: i });
  }
  return out;
}

/** The type of the resource whose `properties:` block holds line `line`, when it does. */
export function typeAround(text: string, line: number): string | undefined {
  const lines = text.split("\n");
  const own = lines[line - 1] ?? "";
  let indent = own.trim() === "" ? own.length : own.length - own.trimStart().length;
  let propertiesIndent: number | undefined;
  for (const l of linesAbove(lines, line)) {
    if (l.indent >= indent) continue;
    indent = l.indent;
    if (propertiesIndent === undefined) {
      if (!/^\s*properties:\s*$/.test(l.text)) return undefined;
      propertiesIndent = l.indent;
      continue;
    }
    // l is the resource's name line: its type is a sibling of `properties` below it.
    for (let i = l.index + 1; i < lines.length; i++) {
      const t = lines[i];
      const ind = t.length - t.trimStart().length;
      if (t.trim() !== "" && ind <= l.indent) break;
      const m = /^\s*type:\s*["']?([^"'\s#]+)/.exec(t);
      if (m && ind === propertiesIndent) return m[1];
    }
    return undefined;
  }
  return undefined;
}

/** Suggestions at a 1-based line and column. */
export function suggestionsAt(text: string, line: number, column: number, registry: TypeRegistry, regions: readonly string[]): Suggestion[] {
  const before = (text.split("\n")[line - 1] ?? "").slice(0, column - 1);
  if (/^\s*type:\s*["']?[\w:]*$/.test(before)) {
    return registry.list().map((p) => ({ label: p.type, kind: "type", insertText: p.type, detail: p.service, documentation: p.description }));
  }
  if (/^\s*region:\s*\w*$/.test(before)) return regions.map((r) => ({ label: r, kind: "region", insertText: r }));
  if (/(\{\s*|get_)\w*$/.test(before)) {
    return Object.entries(FUNCTIONS).map(([name, doc]) => ({ label: name, kind: "function", insertText: `${name}: `, documentation: doc }));
  }
  if (/^\s*\w*$/.test(before)) {
    const type = typeAround(text, line);
    const props = type ? registry.get(type)?.properties : undefined;
    return Object.entries(props ?? {})
      .filter(([, s]) => !s.hidden)
      .map(([name, s]) => ({ label: name, kind: "property", insertText: `${name}: `, detail: propertyDetail(s), documentation: s.description }));
  }
  return [];
}

/** "string, required, default m1.small" */
export function propertyDetail(s: PropertySchema): string {
  return [s.type, s.required ? "required" : "optional", s.default !== undefined ? `default ${JSON.stringify(s.default)}` : ""].filter(Boolean).join(", ");
}

/** Hover documentation (markdown) for the word at a 1-based line and column; undefined when none. */
export function hoverAt(text: string, line: number, column: number, registry: TypeRegistry): string | undefined {
  const lineText = text.split("\n")[line - 1] ?? "";
  const word = /\w+(?:::\w+)*/g;
  let m: RegExpExecArray | null;
  while ((m = word.exec(lineText))) {
    if (column - 1 < m.index || column - 1 > m.index + m[0].length) continue;
    const w = m[0];
    const plugin = registry.get(w);
    if (plugin) return `**${plugin.type}** (${plugin.service})\n\n${plugin.description}`;
    if (FUNCTIONS[w]) return `**${w}**\n\n${FUNCTIONS[w]}`;
    const type = typeAround(text, line);
    const schema = type ? registry.get(type)?.properties[w] : undefined;
    if (schema && new RegExp(`^\\s*${w}:`).test(lineText)) return `**${w}** — ${propertyDetail(schema)}\n\n${schema.description ?? ""}`;
  }
  return undefined;
}
