"use client";

import { Handle, NodeResizer, Position, type NodeProps, type NodeTypes } from "@xyflow/react";
import type { ComponentType } from "react";
import type { DesignNode } from "./model/flow-elements";

/** Connection handles: visible dots, so users see where to drag an edge from and to. */
const HANDLE = "!h-2.5 !w-2.5 !border-2 !border-white !bg-orange-600";

/** A resource: name, type, region, and its validation problems (icon + count in words). */
function ResourceNode({ data, selected }: NodeProps<Extract<DesignNode, { type: "design" }>>) {
  const { resource, errors } = data;
  return (
    <div
      data-testid="design-node"
      data-resource-name={resource.name}
      data-region={resource.region ?? ""}
      className={`flex h-full w-full flex-col justify-between rounded-md border bg-white px-2.5 py-1.5 text-left shadow-sm ${
        selected ? "border-orange-600 ring-2 ring-orange-500/40" : errors ? "border-red-400" : "border-slate-300"
      }`}
    >
      <Handle type="target" position={Position.Top} className={HANDLE} />
      <span className="truncate text-sm font-semibold text-slate-900">{resource.name}</span>
      <span className="truncate font-mono text-[10px] text-slate-500">{resource.type || "(no type)"}</span>
      <span className="flex items-center gap-1 text-[11px]">
        {errors ? (
          <span className="text-red-700" data-testid="design-node-errors">
            <span aria-hidden="true">⊗</span> {errors} {errors === 1 ? "problem" : "problems"}
          </span>
        ) : (
          <span className="text-emerald-700">
            <span aria-hidden="true">✓</span> valid
          </span>
        )}
      </span>
      <Handle type="source" position={Position.Bottom} className={HANDLE} />
    </div>
  );
}

/** A region boundary: a resizable labelled box; resources dropped inside it live in that region. */
function RegionBox({ data, selected }: NodeProps<Extract<DesignNode, { type: "regionBox" }>>) {
  return (
    <div data-testid="region-box" data-region={data.region} className="h-full w-full rounded-lg border-2 border-dashed border-sky-500/70 bg-sky-50/50">
      <NodeResizer isVisible={selected} minWidth={240} minHeight={140} lineClassName="!border-sky-600" handleClassName="!h-2.5 !w-2.5 !bg-sky-600" />
      <div className="flex items-baseline gap-2 px-3 pt-2">
        <span aria-hidden="true" className="text-sky-700">
          ◎
        </span>
        <span className="text-sm font-semibold text-slate-800">{data.region}</span>
        <span className="text-xs text-slate-600">
          {data.count} {data.count === 1 ? "resource" : "resources"}
          {data.isDefault ? " · stack default" : ""}
        </span>
      </div>
    </div>
  );
}

/** One component per node kind; the mapped type makes a missing kind a compile error. */
const components: { [K in DesignNode["type"]]: ComponentType<NodeProps<Extract<DesignNode, { type: K }>>> } = {
  design: ResourceNode,
  regionBox: RegionBox,
};

/** The designer's node types (declared once, outside any component). */
export const designNodeTypes = components as NodeTypes;
