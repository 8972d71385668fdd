"use client";

import "@xyflow/react/dist/style.css";
import { Background, Controls, MarkerType, ReactFlow, type DefaultEdgeOptions } from "@xyflow/react";
import ELK from "elkjs/lib/elk.bundled.js";
import { useEffect, useMemo, useState, type KeyboardEvent } from "react";
import { nodeTypes } from "./node-types";
import { flowEdges, flowNodes, layoutInput, placementsOf, structureKey, type GraphResource, type Placement } from "./topology-layout";

/** One elkjs instance for the page (it keeps no state between layouts). */
const elk = new ELK();

/** Edges end in an arrow pointing at the dependent resource. */
const EDGE_OPTIONS: DefaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed }, focusable: false };

/** Props: the resources to draw, which one failed first, and what to do when one is opened. */
export interface TopologyGraphProps {
  resources: GraphResource[];
  firstFailure?: string;
  onOpen: (resource: string) => void;
}

/**
 * The live topology: resources grouped by region, laid out by elkjs (recomputed only when names,
 * regions or edges change; status changes just redraw). Nodes are focusable (Tab); Enter or a click
 * opens a resource's details.
 */
export function TopologyGraph({ resources, firstFailure, onOpen }: TopologyGraphProps) {
  const key = structureKey(resources);
  const [layout, setLayout] = useState<{ key: string; placements: Map<string, Placement> }>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let current = true;
    elk
      .layout(layoutInput(resources))
      .then((result) => current && setLayout({ key, placements: placementsOf(result) }))
      .catch((e: unknown) => current && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      current = false;
    };
    // The layout depends on the structure only: `key` stands for it.
  }, [key]);

  const nodes = useMemo(() => (layout ? flowNodes(resources, layout.placements, firstFailure) : []), [layout, resources, firstFailure]);
  const edges = useMemo(() => flowEdges(resources), [resources]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "Enter") return;
    const node = (event.target as HTMLElement).closest<HTMLElement>(".react-flow__node-resource");
    const id = node?.dataset.id;
    if (id) onOpen(id);
  };

  if (resources.length === 0) return <p className="px-4 py-8 text-center text-sm text-slate-600">This stack has no resources.</p>;
  if (error) return <p className="px-4 py-8 text-sm text-red-700">The graph could not be laid out: {error}</p>;
  if (!layout) return <p className="px-4 py-8 text-center text-sm text-slate-600">Laying out the graph…</p>;
  return (
    <div className="h-full w-full" onKeyDown={onKeyDown} data-testid="topology-graph" data-layout={layout.key === key ? "ready" : "stale"}>
      <ReactFlow
        key={layout.key}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        defaultEdgeOptions={EDGE_OPTIONS}
        onNodeClick={(_, node) => node.type === "resource" && onOpen(node.id)}
        nodesDraggable={false}
        nodesConnectable={false}
        fitView
        fitViewOptions={{ padding: 0.1, maxZoom: 1 }}
        minZoom={0.2}
        aria-label="Topology of the stack's resources, grouped by region"
      >
        <Background gap={16} size={1} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
