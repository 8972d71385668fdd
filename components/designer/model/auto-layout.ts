/**
 * Layout for templates that have none (or resources typed in YAML without a position): elkjs's
 * layered layout grouped by region, the same input the stack page's topology graph uses, turned into
 * absolute canvas positions and region boxes.
 */
import type { ElkNode } from "elkjs/lib/elk-api";
import { NODE_SIZE, layoutInput, placementsOf, regionNodeId, type GraphResource } from "../../graph/topology-layout";
import type { Box, Layout } from "./layout-comment";
import type { TemplateModel } from "./template-model";

/** Runs an elkjs layout (injected: the browser and the bench pass their own ELK instance). */
export type ElkLayout = (graph: ElkNode) => Promise<ElkNode>;

/** Resources as the shared elk input wants them; those without a region key form an unboxed group "". */
function graphOf(model: TemplateModel): GraphResource[] {
  const deps = new Map<string, string[]>();
  for (const e of model.edges) deps.set(e.source, [...(deps.get(e.source) ?? []), e.target]);
  return model.nodes.map((n) => ({
    name: n.name,
    type: n.type,
    region: n.region ?? "",
    status: "",
    statusReason: "",
    physicalId: null,
    nestedStackId: null,
    dependsOn: [...new Set(deps.get(n.name) ?? [])],
  }));
}

/** A full layout from elkjs: every resource placed, a box around each named region. */
export async function autoLayout(model: TemplateModel, elk: ElkLayout): Promise<Layout> {
  const placed = placementsOf(await elk(layoutInput(graphOf(model))));
  const layout: Layout = { nodes: {}, regions: {} };
  const regions = new Set(model.nodes.map((n) => n.region ?? ""));
  for (const region of regions) {
    const box = placed.get(regionNodeId(region));
    if (box && region) layout.regions[region] = box;
  }
  for (const n of model.nodes) {
    const at = placed.get(n.name) ?? { x: 0, y: 0 };
    const box = placed.get(regionNodeId(n.region ?? ""));
    layout.nodes[n.name] = { x: (box?.x ?? 0) + at.x, y: (box?.y ?? 0) + at.y };
  }
  return layout;
}

/** Room a new region box takes when nothing says otherwise. */
const NEW_BOX = { width: 2 * NODE_SIZE.width + 60, height: 2 * NODE_SIZE.height + 100 };

/**
 * Keeps every stored position and fills in the missing ones without a full relayout: new resources
 * go into their region's box (growing it) or below everything, new regions to the right.
 */
export function completeLayout(model: TemplateModel, layout: Layout): Layout {
  let boxed = layout;
  for (const region of model.regions) boxed = withRegionBox(boxed, region);
  const nodes = { ...boxed.nodes };
  const regions: Record<string, Box> = Object.fromEntries(Object.entries(boxed.regions).map(([k, b]) => [k, { ...b }]));
  const bottom = () => Math.max(0, ...Object.values(regions).map((b) => b.y + b.height), ...Object.values(nodes).map((p) => p.y + NODE_SIZE.height));
  for (const n of model.nodes) {
    if (nodes[n.name]) continue;
    const box = n.region ? regions[n.region] : undefined;
    if (box) {
      const inside = Object.entries(nodes).filter(([, p]) => within(p, box)).length;
      const col = inside % 2;
      const row = Math.floor(inside / 2);
      nodes[n.name] = { x: box.x + 20 + col * (NODE_SIZE.width + 20), y: box.y + 44 + row * (NODE_SIZE.height + 24) };
      box.height = Math.max(box.height, nodes[n.name].y - box.y + NODE_SIZE.height + 20);
      box.width = Math.max(box.width, nodes[n.name].x - box.x + NODE_SIZE.width + 20);
    } else {
      nodes[n.name] = { x: 0, y: bottom() + 40 };
    }
  }
  for (const name of Object.keys(nodes)) if (!model.nodes.some((n) => n.name === name)) delete nodes[name];
  return { nodes, regions };
}

/** The layout with a new, empty box for `region` to the right of everything (unchanged when it has one). */
export function withRegionBox(layout: Layout, region: string): Layout {
  if (layout.regions[region]) return layout;
  const right = Math.max(0, ...Object.values(layout.regions).map((b) => b.x + b.width), ...Object.values(layout.nodes).map((p) => p.x + NODE_SIZE.width));
  return { ...layout, regions: { ...layout.regions, [region]: { x: right + 40, y: 0, ...NEW_BOX } } };
}

/** True when a node's centre lies inside a box. */
export function within(p: { x: number; y: number }, box: Box): boolean {
  const cx = p.x + NODE_SIZE.width / 2;
  const cy = p.y + NODE_SIZE.height / 2;
  return cx >= box.x && cx <= box.x + box.width && cy >= box.y && cy <= box.y + box.height;
}

/** The region whose box holds a node's centre (the smallest when boxes overlap); undefined outside all. */
export function regionAt(p: { x: number; y: number }, regions: Record<string, Box>): string | undefined {
  const hits = Object.entries(regions).filter(([, b]) => within(p, b));
  hits.sort(([, a], [, b]) => a.width * a.height - b.width * b.height);
  return hits[0]?.[0];
}
