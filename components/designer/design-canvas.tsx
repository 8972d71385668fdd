"use client";

import "@xyflow/react/dist/style.css";
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type NodeChange,
  type Node,
} from "@xyflow/react";
import { useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from "react";
import { defaultRegistry } from "@/lib/engine/resources";
import { NODE_SIZE } from "../graph/topology-layout";
import type { CanvasView } from "./canvas-commands";
import { designNodeTypes } from "./design-nodes";
import { regionAt, within } from "./model/auto-layout";
import { addResource, setLayout, setRegion } from "./model/edits";
import { absolutePosition, flowEdges, flowNodes, type DesignNode } from "./model/flow-elements";
import type { Layout } from "./model/layout-comment";
import { enclose, freeSpot } from "./model/placement";
import { keepUnchanged } from "./model/stable-elements";
import { PALETTE_MIME } from "./palette";
import type { DesignerState } from "./use-designer";

/** Props of the canvas. */
export interface DesignCanvasProps {
  designer: DesignerState;
  selected: ReadonlySet<string>;
  onSelect: (names: Set<string>) => void;
  /** Pane-scoped shortcuts (delete, copy, paste, duplicate, select all, undo/redo) are handled by the designer. */
  onShortcut: (event: KeyboardEvent<HTMLDivElement>, view: CanvasView) => void;
  defaultRegion: string;
}

const FIT_VIEW = { padding: 0.15, maxZoom: 1 };
const EDGE_OPTIONS = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 }, style: { strokeWidth: 1.5 } };

/** Problems per resource, from the diagnostics' paths. */
function errorCounts(diagnostics: DesignerState["diagnostics"]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) {
    if (d.severity === "error" && d.path[0] === "resources" && typeof d.path[1] === "string") counts.set(d.path[1], (counts.get(d.path[1]) ?? 0) + 1);
  }
  return counts;
}

/** The layout after a node was moved or resized: boxes carry their members along. */
function movedLayout(node: Node, layout: Layout): Layout {
  if (node.type === "regionBox") {
    const region = node.id.slice("region:".length);
    const old = layout.regions[region];
    const width = node.measured?.width ?? node.width ?? old.width;
    const height = node.measured?.height ?? node.height ?? old.height;
    const [dx, dy] = [node.position.x - old.x, node.position.y - old.y];
    const members = Object.entries(layout.nodes).map(([k, p]) => {
      // The box carries what regionAt counts as in it, so the members keep their region.
      return [k, within(p, old) ? { x: p.x + dx, y: p.y + dy } : p] as const;
    });
    return { nodes: Object.fromEntries(members), regions: { ...layout.regions, [region]: { ...node.position, width, height } } };
  }
  return { ...layout, nodes: { ...layout.nodes, [node.id]: absolutePosition(node, layout) } };
}

/** `next`, keeping the previous object of every element that did not change (see keepUnchanged). */
function useStableElements<T extends { id: string }>(next: T[]): T[] {
  const [held, setHeld] = useState({ next, kept: next });
  if (held.next === next) return held.kept;
  const kept = keepUnchanged(held.kept, next);
  setHeld({ next, kept });
  return kept;
}

function Canvas({ designer, selected, onSelect, onShortcut, defaultRegion }: DesignCanvasProps) {
  const flow = useReactFlow();
  const frame = useRef<HTMLDivElement>(null);
  const { model, layout } = designer;
  const errors = useMemo(() => errorCounts(designer.diagnostics), [designer.diagnostics]);
  // Keyed on the parts each depends on, so a keystroke elsewhere in the text derives nothing.
  const derived = useMemo(() => flowNodes(model, layout, { errors, selected, defaultRegion }), [model.nodes, layout, errors, selected, defaultRegion]); // eslint-disable-line react-hooks/exhaustive-deps
  const edges = useStableElements(useMemo(() => flowEdges(model), [model.edges])); // eslint-disable-line react-hooks/exhaustive-deps
  // React Flow's own copy of the nodes (moved, measured, selected); a new derivation replaces only
  // the nodes that changed, during this render rather than one commit later.
  const [shown, setShown] = useState({ derived, nodes: derived });
  let nodes = shown.nodes;
  if (shown.derived !== derived) {
    const live = new Map(shown.nodes.map((n) => [n.id, n]));
    nodes = keepUnchanged(shown.derived, derived, shown.nodes, (id) => live.get(id));
    setShown({ derived, nodes });
  }

  /** Commits a moved or resized node: new positions, and a new region when it left or entered a box. */
  const commit = (node: Node) => {
    const next = movedLayout(node, layout);
    designer.apply((text) => {
      let out = text;
      if (node.type === "design") {
        const region = regionAt(next.nodes[node.id], next.regions);
        const was = model.nodes.find((n) => n.name === node.id)?.region;
        if (region !== was) out = setRegion(out, node.id, region);
      }
      return setLayout(out, next);
    });
  };

  const onNodesChange = (changes: NodeChange<DesignNode>[]) => {
    setShown((v) => ({ ...v, nodes: applyNodeChanges(changes, v.nodes) }));
    // Only the user's own picks (clicks, selection box) change the selection: the nodes handed to React
    // Flow may lag a render behind `selected`, and echoing them back would undo a Ctrl+A.
    if (changes.some((c) => c.type === "select")) {
      const next = new Set(selected);
      for (const c of changes) if (c.type === "select") (c.selected ? next.add(c.id) : next.delete(c.id));
      onSelect(next);
    }
    for (const c of changes) {
      if (c.type === "dimensions" && c.resizing === false) {
        const node = flow.getNode(c.id);
        if (node?.type === "regionBox") commit({ ...node, ...(c.dimensions ?? {}) });
      }
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    const type = event.dataTransfer.getData(PALETTE_MIME);
    if (!type) return;
    event.preventDefault();
    const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    // Near the drop point, but never on top of a node already there; dropped in a box, it stays in
    // that box's region and the box grows to hold it.
    const wanted = { x: at.x - NODE_SIZE.width / 2, y: at.y - NODE_SIZE.height / 2 };
    const region = regionAt(wanted, layout.regions);
    const position = freeSpot(wanted, Object.values(layout.nodes));
    const regions = region ? { ...layout.regions, [region]: enclose(layout.regions[region], position) } : layout.regions;
    designer.apply((text) => addResource(setLayout(text, { ...layout, regions }), type, defaultRegistry, { position, region }).text);
  };

  // React Flow copies these props into its store, one store update (every node's selectors re-run)
  // per prop whose identity changed: stable wrappers that call the latest handlers keep a keystroke
  // from costing four such updates.
  const latest = useRef({ onNodesChange, commit, connect: designer.connectResources });
  latest.current = { onNodesChange, commit, connect: designer.connectResources };
  const handlers = useMemo(
    () => ({
      onNodesChange: (changes: NodeChange<DesignNode>[]) => latest.current.onNodesChange(changes),
      onNodeDragStop: (_: unknown, node: Node) => latest.current.commit(node),
      onConnect: (c: Connection) => c.source && c.target && latest.current.connect(c.source, c.target),
    }),
    [],
  );

  const view: CanvasView = {
    center: () => {
      const r = frame.current?.getBoundingClientRect();
      const c = flow.screenToFlowPosition(r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : { x: 0, y: 0 });
      return { x: c.x - NODE_SIZE.width / 2, y: c.y - NODE_SIZE.height / 2 };
    },
  };
  /** F fits the whole template in view; every other key goes to the designer's commands. */
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key.toLowerCase() === "f" && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      void flow.fitView(FIT_VIEW);
    } else onShortcut(event, view);
  };

  return (
    <div
      ref={frame}
      className="h-full w-full outline-none focus-visible:ring-2 focus-visible:ring-orange-500"
      tabIndex={0}
      onKeyDown={onKey}
      data-testid="design-canvas"
      aria-label="Canvas: resources and region boundaries"
      aria-keyshortcuts="Control+A Control+C Control+V Control+X Control+D Delete Escape F Control+Z Control+Shift+Z"
    >
      <ReactFlow<DesignNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={designNodeTypes}
        defaultEdgeOptions={EDGE_OPTIONS}
        onNodesChange={handlers.onNodesChange}
        onNodeDragStop={handlers.onNodeDragStop}
        onConnect={handlers.onConnect}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
        }}
        onDrop={onDrop}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={["Meta", "Control"]}
        fitView
        fitViewOptions={FIT_VIEW}
        minZoom={0.1}
        aria-label="Template canvas"
      >
        <Background gap={16} size={1} />
        <Controls aria-label="Zoom controls" fitViewOptions={{ padding: 0.15, maxZoom: 1, duration: 200 }} />
        <MiniMap pannable zoomable ariaLabel="Minimap of the canvas" style={{ width: 120, height: 80 }} />
      </ReactFlow>
    </div>
  );
}

/** The canvas: React Flow with region boxes, drag and drop from the palette, edges written as references. */
export function DesignCanvas(props: DesignCanvasProps) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}
