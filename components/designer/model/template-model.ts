/**
 * Template text -> graph model for the canvas: one node per resource (name, type, region) and one
 * edge per reference (get_resource / get_attr in properties, or depends_on) with the property path
 * it sits in. The text stays the source of truth; this model is derived from it on every change.
 */
import { isMap, isScalar } from "yaml";
import { splitLayout, type Layout } from "./layout-comment";
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
  /** A YAML syntax or structure problem that stopped derivation (the canvas keeps its last model). */
  error?: string;
}

/** Derives the canvas model from a template text. Never throws: problems come back as `error`. */
export function deriveModel(text: string): TemplateModel {
  const { body, layout } = splitLayout(text);
  const model: TemplateModel = { body, layout, nodes: [], edges: [], regions: [] };
  const doc = parseYaml(body);
  if (doc.errors.length) return { ...model, error: doc.errors[0].message.split("\n")[0] };
  const root = doc.contents;
  if (root !== null && !isMap(root)) return { ...model, error: "The template is not a YAML mapping" };
  const resources = root ? pairOf(root.items, "resources")?.value : undefined;
  if (!resources) return model;
  if (!isMap(resources)) return { ...model, error: "resources is not a mapping" };
  const data = resources.toJSON() as Record<string, unknown>;
  for (const [name, def] of Object.entries(data ?? {})) {
    const d = (def ?? {}) as Record<string, unknown>;
    const region = typeof d.region === "string" ? d.region : undefined;
    model.nodes.push({ name, type: typeof d.type === "string" ? d.type : "", region });
    if (region && !model.regions.includes(region)) model.regions.push(region);
  }
  const names = new Set(model.nodes.map((n) => n.name));
  for (const item of resources.items) {
    if (!isScalar(item.key) || !item.value) continue;
    const source = String(item.key.value);
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
      out.push({ id: `${source}->${target}@${path.join(".")}`, source, target, kind, path });
      return;
    }
  }
  for (const [k, v] of entries) collectEdges(source, v, [...path, k], names, out);
}
