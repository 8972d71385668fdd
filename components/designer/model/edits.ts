/**
 * Canvas gestures as template text edits. Each takes the whole text (body + layout block) and returns
 * the new text; only the touched entries change, so comments, key order, parameters, conditions and
 * outputs survive every gesture.
 */
import { isMap, isScalar, isSeq, type Node } from "yaml";
import type { PropertySchema, TypeRegistry } from "../../../lib/engine/resources/types";
import { joinLayout, splitLayout, type Layout, type Point } from "./layout-comment";
import { deriveModel } from "./template-model";
import { applySplices, deleteIn, nodeAt, parseYaml, setIn, type Splice } from "./yaml-text";

/** The text a new, empty template starts from. */
export const NEW_TEMPLATE = "heat_template_version: 2018-08-31\n\ndescription: Designed in Hearth\n\nresources: {}\n";

/** Runs `edit` on the body and `relayout` on the layout, then joins them again. */
function withBody(text: string, edit: (body: string) => string, relayout: (layout: Layout) => Layout = (l) => l): string {
  const { body, layout } = splitLayout(text);
  return joinLayout(edit(body.trim() === "" ? NEW_TEMPLATE : body), relayout(layout));
}

/** A starting value for a required property: its default, first allowed value, or an empty value. */
function placeholderValue(schema: PropertySchema): unknown {
  if (schema.default !== undefined) return schema.default;
  for (const c of schema.constraints ?? []) {
    if ("allowedValues" in c && c.allowedValues.length) return c.allowedValues[0];
    if ("range" in c && c.range.min !== undefined) return c.range.min;
  }
  return { string: "", integer: 0, number: 0, boolean: false, list: [], map: {}, any: "" }[schema.type];
}

/** A free resource name derived from a type (OS::Nova::Server -> server, server_2, ...). */
export function freeName(type: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = (type.split("::").pop() ?? "resource").replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase() || "resource";
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}_${i}`)) return `${base}_${i}`;
}

/** Options of addResource. */
export interface AddOptions {
  name?: string;
  region?: string;
  position?: Point;
}

/** Adds a resource of `type` with its required properties; returns the text and the name used. */
export function addResource(text: string, type: string, registry: TypeRegistry, options: AddOptions = {}): { text: string; name: string } {
  const plugin = registry.get(type);
  if (!plugin) throw new Error(`Unknown resource type ${type}`);
  const name = options.name ?? freeName(type, deriveModel(text).nodes.map((n) => n.name));
  const properties = Object.fromEntries(
    Object.entries(plugin.properties)
      .filter(([, s]) => s.required && !s.hidden)
      .map(([k, s]) => [k, placeholderValue(s)]),
  );
  const def: Record<string, unknown> = { type };
  if (options.region) def.region = options.region;
  if (Object.keys(properties).length) def.properties = properties;
  const next = withBody(
    text,
    (body) => setIn(body, ["resources", name], def),
    (layout) => (options.position ? { ...layout, nodes: { ...layout.nodes, [name]: options.position } } : layout),
  );
  return { text: next, name };
}

/** Deletes resources and every reference to them (depends_on entries; property references are kept so validation names them). */
export function deleteResources(text: string, names: readonly string[]): string {
  const gone = new Set(names);
  return withBody(
    text,
    (body) => {
      let out = body;
      // depends_on entries naming deleted resources first, last index first so earlier indexes hold.
      const deps = deriveModel(body).edges.filter((e) => e.kind === "depends_on" && gone.has(e.target) && !gone.has(e.source));
      for (const e of deps.reverse()) out = deleteIn(out, ["resources", e.source, ...e.path]);
      for (const name of names) out = deleteIn(out, ["resources", name]);
      return out;
    },
    (layout) => ({ ...layout, nodes: Object.fromEntries(Object.entries(layout.nodes).filter(([k]) => !gone.has(k))) }),
  );
}

/** Renames a resource and every get_resource / get_attr / depends_on that names it. */
export function renameResource(text: string, from: string, to: string): string {
  if (!/^[A-Za-z0-9_.:-]+$/.test(to)) throw new Error(`Resource name "${to}" may only use letters, digits, _ . : and -`);
  const model = deriveModel(text);
  if (!model.nodes.some((n) => n.name === from)) throw new Error(`No resource named "${from}"`);
  if (from !== to && model.nodes.some((n) => n.name === to)) throw new Error(`A resource named "${to}" already exists`);
  return withBody(
    text,
    (body) => {
      const doc = parseYaml(body);
      const splices: Splice[] = [];
      const resources = nodeAt(doc, ["resources"]);
      if (!isMap(resources)) return body;
      for (const pair of resources.items) {
        if (!isScalar(pair.key)) continue;
        if (String(pair.key.value) === from) splices.push({ start: pair.key.range![0], end: pair.key.range![1], text: to });
        collectNameUses(pair.value as Node | null, from, to, splices, false);
      }
      // Outputs reference resources too.
      collectNameUses(nodeAt(doc, ["outputs"]) ?? null, from, to, splices, false);
      return applySplices(body, splices);
    },
    (layout) => {
      const nodes = Object.fromEntries(Object.entries(layout.nodes).map(([k, p]) => [k === from ? to : k, p]));
      return { ...layout, nodes };
    },
  );
}

/** Splices for scalars naming `from` inside get_resource, get_attr (first item) and depends_on. */
function collectNameUses(node: Node | null, from: string, to: string, out: Splice[], inDeps: boolean): void {
  const hit = (n: unknown) => {
    if (isScalar(n) && n.value === from && n.range) out.push({ start: n.range[0], end: n.range[1], text: to });
  };
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      const value = pair.value as Node | null;
      if (key === "get_resource") hit(value);
      else if (key === "get_attr" && isSeq(value)) hit(value.items[0]);
      else if (key === "depends_on") collectNameUses(value, from, to, out, true);
      else collectNameUses(value, from, to, out, false);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) inDeps ? hit(item) : collectNameUses(item as Node, from, to, out, false);
  } else if (inDeps) hit(node);
}

/** Sets (or, with undefined, removes) a resource's `region` key. */
export function setRegion(text: string, name: string, region: string | undefined): string {
  return withBody(text, (body) => (region ? setIn(body, ["resources", name, "region"], region) : deleteIn(body, ["resources", name, "region"])));
}

/** Sets one property of a resource (undefined removes it). */
export function setProperty(text: string, name: string, path: readonly (string | number)[], value: unknown): string {
  const at = ["resources", name, "properties", ...path];
  return withBody(text, (body) => (value === undefined ? deleteIn(body, at) : setIn(body, at, value)));
}

/** Replaces the layout block (positions and region boxes), leaving the body as it is. */
export function setLayout(text: string, layout: Layout): string {
  return joinLayout(splitLayout(text).body, layout);
}
