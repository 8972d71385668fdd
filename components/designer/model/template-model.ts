/**
 * Template text -> graph model for the canvas: one node per resource (name, type, region) and one
 * edge per reference (get_resource / get_attr in properties, or depends_on) with the property path
 * it sits in. The text stays the source of truth; this model is derived from it on every change,
 * cheaply: each resource's chunk of text is parsed once and remembered (resource-chunks.ts), so a
 * keystroke re-parses one resource, not the template.
 */
import { isMap, isScalar, type Node, type Scalar, type YAMLMap } from "yaml";
import { splitLayout, type Layout } from "./layout-comment";
import { resourceChunks, type ResourceChunk } from "./resource-chunks";
import { pairOf, parseYaml } from "./yaml-text";

/** One resource on the canvas. */
export interface ResourceNode {
  name: string;
  type: string;
  /** The resource's own `region` key; undefined means the stack's default region. */
  region?: string;
}

/** How an edge is written in the template. */
export type EdgeKind = "get_resource" | "get_attr" | "depends_on";

/** A reference from `source` (the resource that uses it) to `target`. */
export interface ReferenceEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  /** Path inside the source resource, e.g. ["properties", "networks", 0, "network"]. */
  path: (string | number)[];
  /** For get_attr: the attribute read, its path joined with dots (e.g. "first_address"). */
  attribute?: string;
}

/** What the canvas draws for one template text. */
export interface TemplateModel {
  /** The text without the layout block. */
  body: string;
  layout: Layout;
  nodes: ResourceNode[];
  edges: ReferenceEdge[];
  /** Regions named by resources' `region` keys, in order of first use. */
  regions: string[];
  /** Each resource's definition as plain data (shared between models: read, never change). */
  definitions: Readonly<Record<string, unknown>>;
  /** Names of the template's parameters. */
  parameters: string[];
  /** A YAML syntax or structure problem that stopped derivation (the canvas keeps its last model). */
  error?: string;
}

/** Resource entries in text order and parameter names, or the problem that stops derivation. */
type Parsed = { entries: [string, unknown][]; parameters: string[] } | { error: string };

/** How many parses of each kind are remembered. */
const PARSES_KEPT = 5000;

/** Parse results remembered by text, least recently used dropped first. */
class Remembered {
  private readonly kept = new Map<string, Parsed>();
  constructor(private readonly parse: (text: string) => Parsed) {}

  /** True when `text` was parsed before. */
  knows(text: string): boolean {
    return this.kept.has(text);
  }

  /** The parse of `text`, remembered. */
  get(text: string): Parsed {
    return this.keep(text, this.kept.get(text) ?? this.parse(text));
  }

  /** Remembers `parsed` as the parse of `text`. */
  keep(text: string, parsed: Parsed): Parsed {
    this.kept.delete(text);
    this.kept.set(text, parsed);
    if (this.kept.size > PARSES_KEPT) this.kept.delete(this.kept.keys().next().value!);
    return parsed;
  }
}

/** The root mapping of a parsed text (null for an empty one), or its first problem. */
function rootOf(text: string): { error: string } | { root: YAMLMap | null } {
  const doc = parseYaml(text);
  if (doc.errors.length) return { error: doc.errors[0].message.split("\n")[0] };
  const root = doc.contents;
  if (root !== null && !isMap(root)) return { error: "The template is not a YAML mapping" };
  return { root };
}

/** A map's entries with scalar keys, as [key, plain value]. */
function entriesOf(map: YAMLMap): [string, unknown][] {
  return map.items.filter((p) => isScalar(p.key)).map((p) => [String((p.key as Scalar).value), (p.value as Node | null)?.toJSON() ?? null]);
}

/** Names of the root's `parameters` mapping. */
function parametersOf(root: YAMLMap | null): string[] {
  const params = root ? pairOf(root.items, "parameters")?.value : undefined;
  return isMap(params) ? entriesOf(params).map(([k]) => k) : [];
}

/** Parses the body without its resources (cut out by the chunk scan): its problems and parameters. */
function parseRest(rest: string): Parsed {
  const checked = rootOf(rest);
  return "error" in checked ? checked : { entries: [], parameters: parametersOf(checked.root) };
}

/** Parses a whole body: the reference behaviour, and the way for texts the chunk scan cannot cut. */
function parseWhole(body: string): Parsed {
  const checked = rootOf(body);
  if ("error" in checked) return checked;
  const parameters = parametersOf(checked.root);
  const resources = checked.root ? pairOf(checked.root.items, "resources")?.value : undefined;
  if (!resources) return { entries: [], parameters };
  if (!isMap(resources)) return { error: "resources is not a mapping" };
  return { entries: entriesOf(resources), parameters };
}

/** One resource chunk, a one-entry mapping; anything else is left to the whole parse. */
function parseChunk(chunk: string): Parsed {
  const checked = rootOf(chunk);
  if ("error" in checked || !checked.root || checked.root.items.length !== 1) return { error: "not one resource" };
  const entries = entriesOf(checked.root);
  return entries.length === 1 ? { entries, parameters: [] } : { error: "not one resource" };
}

/** The parses the chunked path remembers: one per resource chunk text and per rest-of-body text. */
const restParses = new Remembered(parseRest);
const chunkParses = new Remembered(parseChunk);

/** More unknown chunks than this (a template just opened or pasted): one whole parse is cheaper. */
const WHOLE_PARSE_AFTER = 8;

/** Parses a body chunk by chunk (remembered); undefined when the whole body must be parsed instead. */
function parseChunked(body: string): Parsed | undefined {
  const cut = resourceChunks(body);
  if (!cut) return undefined;
  const texts = cut.chunks.map((c) => body.slice(c.start, c.end));
  if (texts.filter((t) => !chunkParses.knows(t)).length > WHOLE_PARSE_AFTER) return parseWholeRemembering(body, cut.chunks, texts);
  const rest = restParses.get(body.slice(0, cut.start) + body.slice(cut.end));
  if ("error" in rest) return undefined;
  const entries: [string, unknown][] = [];
  for (const text of texts) {
    const one = chunkParses.get(text);
    if ("error" in one) return undefined;
    entries.push(...one.entries);
  }
  return { entries, parameters: rest.parameters };
}

/** Parses the whole body and remembers each resource's entry as the parse of its chunk's text. */
function parseWholeRemembering(body: string, chunks: readonly ResourceChunk[], texts: readonly string[]): Parsed {
  const whole = parseWhole(body);
  if ("error" in whole || whole.entries.length !== chunks.length || chunks.some((c, i) => c.name !== whole.entries[i][0])) return whole;
  texts.forEach((text, i) => chunkParses.keep(text, { entries: [whole.entries[i]], parameters: [] }));
  return whole;
}

/** Derives the canvas model from a template text. Never throws: problems come back as `error`. */
export function deriveModel(text: string): TemplateModel {
  const { body, layout } = splitLayout(text);
  const model: TemplateModel = { body, layout, nodes: [], edges: [], regions: [], definitions: {}, parameters: [] };
  const parsed = parseChunked(body) ?? parseWhole(body);
  if ("error" in parsed) return { ...model, error: parsed.error };
  model.parameters = parsed.parameters;
  const data: Record<string, unknown> = {};
  for (const [name, def] of parsed.entries) data[name] = def;
  model.definitions = data;
  for (const [name, def] of Object.entries(data)) {
    const d = (def ?? {}) as Record<string, unknown>;
    const region = typeof d.region === "string" ? d.region : undefined;
    model.nodes.push({ name, type: typeof d.type === "string" ? d.type : "", region });
    if (region && !model.regions.includes(region)) model.regions.push(region);
  }
  const names = new Set(model.nodes.map((n) => n.name));
  for (const [source] of parsed.entries) {
    const def = (data[source] ?? {}) as Record<string, unknown>;
    collectEdges(source, def.properties, ["properties"], names, model.edges);
    const deps = typeof def.depends_on === "string" ? [def.depends_on] : Array.isArray(def.depends_on) ? def.depends_on : [];
    deps.forEach((t, i) => {
      if (typeof t === "string" && names.has(t)) {
        // A single name is the whole value; in a list it is one item.
        const path = Array.isArray(def.depends_on) ? ["depends_on", i] : ["depends_on"];
        model.edges.push({ id: `${source}->${t}@${path.join(".")}`, source, target: t, kind: "depends_on", path });
      }
    });
  }
  return model;
}

/** Finds get_resource / get_attr calls at any depth of a value. */
function collectEdges(source: string, value: unknown, path: (string | number)[], names: Set<string>, out: ReferenceEdge[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => collectEdges(source, v, [...path, i], names, out));
    return;
  }
  if (value === null || typeof value !== "object") return;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1) {
    const [fn, arg] = entries[0];
    const target = fn === "get_resource" ? arg : fn === "get_attr" && Array.isArray(arg) ? arg[0] : undefined;
    if (typeof target === "string" && names.has(target)) {
      const kind = fn as EdgeKind;
      const attribute = fn === "get_attr" ? (arg as unknown[]).slice(1).join(".") : undefined;
      out.push({ id: `${source}->${target}@${path.join(".")}`, source, target, kind, path, ...(attribute ? { attribute } : {}) });
      return;
    }
  }
  for (const [k, v] of entries) collectEdges(source, v, [...path, k], names, out);
}

/** True when two lists hold equal plain values (nodes, edges, regions) in the same order. */
function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i] || JSON.stringify(x) === JSON.stringify(b[i]));
}

/**
 * `next` with the nodes, edges and regions lists of `previous` where they are equal, so views keyed
 * on those lists (the canvas) skip their work when a keystroke changed only a property's value.
 */
export function keepUnchanged(previous: TemplateModel | undefined, next: TemplateModel): TemplateModel {
  if (!previous) return next;
  return {
    ...next,
    nodes: sameList(previous.nodes, next.nodes) ? previous.nodes : next.nodes,
    edges: sameList(previous.edges, next.edges) ? previous.edges : next.edges,
    regions: sameList(previous.regions, next.regions) ? previous.regions : next.regions,
  };
}
