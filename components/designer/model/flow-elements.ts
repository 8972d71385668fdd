/**
 * Template model + layout -> React Flow nodes and edges: region boxes first (group nodes), then
 * resources, a resource inside its region's box as the box's child (position relative to it).
 */
import type { Edge, Node } from "@xyflow/react";
import { NODE_SIZE, regionNodeId } from "../../graph/topology-layout";
import type { Layout } from "./layout-comment";
import type { ReferenceEdge, ResourceNode, TemplateModel } from "./template-model";

/** What a resource node shows. */
export type DesignNodeData = { resource: ResourceNode; errors: number };
/** What a region box shows. */
export type RegionBoxData = { region: string; count: number; isDefault: boolean };
/** The designer's node kinds; node-types.tsx renders each. */
export type DesignNode = Node<DesignNodeData, "design"> | Node<RegionBoxData, "regionBox">;
/** An edge with the reference it stands for. */
export type DesignEdge = Edge<{ ref: ReferenceEdge }>;

export { regionNodeId };

/** Builds the canvas nodes; `errors` counts diagnostics per resource, `selected` keeps the selection. */
export function flowNodes(
  model: TemplateModel,
  layout: Layout,
  options: { errors?: Map<string, number>; selected?: ReadonlySet<string>; defaultRegion?: string } = {},
): DesignNode[] {
  const boxes: DesignNode[] = Object.entries(layout.regions).map(([region, box]) => ({
    id: regionNodeId(region),
    type: "regionBox",
    position: { x: box.x, y: box.y },
    width: box.width,
    height: box.height,
    style: { width: box.width, height: box.height },
    data: { region, count: model.nodes.filter((n) => n.region === region).length, isDefault: region === options.defaultRegion },
    selected: options.selected?.has(regionNodeId(region)) ?? false,
    ariaLabel: `Region ${region}`,
    zIndex: -1,
  }));
  const resources: DesignNode[] = model.nodes.map((resource) => {
    const at = layout.nodes[resource.name] ?? { x: 0, y: 0 };
    const box = resource.region ? layout.regions[resource.region] : undefined;
    return {
      id: resource.name,
      type: "design",
      position: box ? { x: at.x - box.x, y: at.y - box.y } : at,
      ...(box ? { parentId: regionNodeId(resource.region!) } : {}),
      ...NODE_SIZE,
      data: { resource, errors: options.errors?.get(resource.name) ?? 0 },
      selected: options.selected?.has(resource.name) ?? false,
      ariaLabel: `${resource.name}, ${resource.type}${resource.region ? `, region ${resource.region}` : ""}`,
    };
  });
  return [...boxes, ...resources];
}

/** An edge's label: the property it sits in, and for get_attr the attribute it reads. */
function edgeLabel(ref: ReferenceEdge): string {
  if (ref.kind === "depends_on") return "depends_on";
  const property = ref.path.filter((p) => typeof p === "string" && p !== "properties").join(".");
  return ref.attribute ? `${property} ← ${ref.attribute}` : property;
}

/** Canvas edges: from the resource that holds the reference to the one it names (get_attr edges name the attribute). */
export function flowEdges(model: TemplateModel): DesignEdge[] {
  return model.edges.map((ref) => ({
    id: ref.id,
    source: ref.source,
    target: ref.target,
    label: edgeLabel(ref),
    data: { ref },
    style: ref.kind === "depends_on" ? { strokeDasharray: "5 4" } : ref.kind === "get_attr" ? { stroke: "#0369a1" } : undefined,
  }));
}

/** Absolute position of a canvas node (children of a box are stored relative to it). */
export function absolutePosition(node: Pick<Node, "position" | "parentId">, layout: Layout): { x: number; y: number } {
  const region = node.parentId?.startsWith("region:") ? node.parentId.slice("region:".length) : undefined;
  const box = region ? layout.regions[region] : undefined;
  return box ? { x: node.position.x + box.x, y: node.position.y + box.y } : { ...node.position };
}
