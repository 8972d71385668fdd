/**
 * The topology graph's model, without React: which resources and edges it shows (live rows joined
 * with the compiled dependency graph), the elkjs input (one group per region, dependencies flowing
 * downwards) and the React Flow nodes and edges built from elkjs's answer.
 */
import type { Edge, Node } from "@xyflow/react";
import type { ElkNode } from "elkjs/lib/elk-api";
import type { TopologyResource } from "@/lib/services/types";
import type { ResourceRow } from "../stacks/live-state";

/** A resource as the graph draws it: live status plus its place in the dependency graph. */
export interface GraphResource {
  name: string;
  type: string;
  region: string;
  status: string;
  statusReason: string;
  physicalId: string | null;
  nestedStackId: string | null;
  /** Resources of the graph this one waits for. */
  dependsOn: string[];
}

/** Size of a resource node (the layout reserves it; the node component fills it). */
export const NODE_SIZE = { width: 210, height: 68 } as const;
/** Room above a region's members for its title. */
const REGION_PADDING = "[top=44,left=20,bottom=20,right=20]";

/** What a resource node shows. */
export type ResourceNodeData = { resource: GraphResource; firstFailure: boolean };
/** What a region node shows. */
export type RegionNodeData = { region: string; count: number };
/** The graph's node kinds; node-types.tsx must render each one. */
export type TopologyNode = Node<ResourceNodeData, "resource"> | Node<RegionNodeData, "region">;

/** A region's node id (kept apart from resource names, which are plain identifiers). */
export function regionNodeId(region: string): string {
  return `region:${region}`;
}

/**
 * Joins live rows (status) with the compiled topology (region, dependencies). A resource only in
 * the template (not stored yet) shows as INIT_COMPLETE; one only in the store has no edges.
 */
export function graphResources(rows: readonly ResourceRow[], topology: readonly TopologyResource[]): GraphResource[] {
  const compiled = new Map(topology.map((t) => [t.name, t]));
  const fromRows = rows.map((row) => ({
    name: row.name,
    type: row.type,
    region: row.region || compiled.get(row.name)?.region || "",
    status: row.status,
    statusReason: row.statusReason,
    physicalId: row.physicalId,
    nestedStackId: row.nestedStackId,
    dependsOn: compiled.get(row.name)?.dependsOn ?? [],
  }));
  const stored = new Set(rows.map((r) => r.name));
  const pending = topology
    .filter((t) => !stored.has(t.name))
    .map((t) => ({ ...t, status: "INIT_COMPLETE", statusReason: "", physicalId: null, nestedStackId: null }));
  const all = [...fromRows, ...pending];
  const names = new Set(all.map((r) => r.name));
  return all.map((r) => ({ ...r, dependsOn: r.dependsOn.filter((d) => names.has(d)) }));
}

/** What the layout depends on (names, regions, edges): a new layout is computed only when it changes. */
export function structureKey(resources: readonly GraphResource[]): string {
  return resources
    .map((r) => `${r.region}/${r.name}<${r.dependsOn.join(",")}`)
    .sort()
    .join(";");
}

/** The regions of the graph, sorted, each with its resources in name order. */
function byRegion(resources: readonly GraphResource[]): [string, GraphResource[]][] {
  const groups = new Map<string, GraphResource[]>();
  for (const r of resources.toSorted((a, b) => a.name.localeCompare(b.name))) groups.set(r.region, [...(groups.get(r.region) ?? []), r]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** The elkjs graph: a layered layout, top to bottom, regions as compound nodes, edges from dependency to dependent. */
export function layoutInput(resources: readonly GraphResource[]): ElkNode {
  return {
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "DOWN",
      "elk.hierarchyHandling": "INCLUDE_CHILDREN",
      "elk.spacing.nodeNode": "28",
      "elk.layered.spacing.nodeNodeBetweenLayers": "44",
      "elk.spacing.componentComponent": "40",
    },
    children: byRegion(resources).map(([region, members]) => ({
      id: regionNodeId(region),
      layoutOptions: { "elk.padding": REGION_PADDING },
      children: members.map((r) => ({ id: r.name, ...NODE_SIZE })),
    })),
    edges: resources.flatMap((r) => r.dependsOn.map((dep) => ({ id: `${dep}->${r.name}`, sources: [dep], targets: [r.name] }))),
  };
}

/** Where elkjs put a node: x/y relative to its parent (regions: to the graph). */
export interface Placement {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Reads the placements of regions and resources from elkjs's answer. */
export function placementsOf(layout: ElkNode): Map<string, Placement> {
  const found = new Map<string, Placement>();
  const visit = (node: ElkNode) => {
    for (const child of node.children ?? []) {
      found.set(child.id, { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 });
      visit(child);
    }
  };
  visit(layout);
  return found;
}

/** React Flow nodes: each region first, then its members (parentId, kept inside it). */
export function flowNodes(resources: readonly GraphResource[], placements: ReadonlyMap<string, Placement>, firstFailure: string | undefined): TopologyNode[] {
  return byRegion(resources).flatMap(([region, members]): TopologyNode[] => {
    const id = regionNodeId(region);
    const box = placements.get(id) ?? { x: 0, y: 0, width: NODE_SIZE.width, height: NODE_SIZE.height };
    const group: TopologyNode = {
      id,
      type: "region",
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      data: { region, count: members.length },
      selectable: false,
      focusable: false,
      ariaLabel: `Region ${region || "unknown"}, ${members.length} resources`,
    };
    return [
      group,
      ...members.map((resource): TopologyNode => {
        const at = placements.get(resource.name) ?? { x: 0, y: 0 };
        return {
          id: resource.name,
          type: "resource",
          parentId: id,
          extent: "parent",
          position: { x: at.x, y: at.y },
          ...NODE_SIZE,
          data: { resource, firstFailure: resource.name === firstFailure },
          ariaLabel: `${resource.name}, ${resource.type}, ${resource.status}. Press Enter for details.`,
        };
      }),
    ];
  });
}

/** React Flow edges, from dependency to dependent; animated while the dependent is in progress. */
export function flowEdges(resources: readonly GraphResource[]): Edge[] {
  return resources.flatMap((r) =>
    r.dependsOn.map((dep) => ({ id: `${dep}->${r.name}`, source: dep, target: r.name, animated: r.status.endsWith("_IN_PROGRESS") })),
  );
}
