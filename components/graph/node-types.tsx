"use client";

import { Handle, Position, type NodeProps, type NodeTypes } from "@xyflow/react";
import type { ComponentType } from "react";
import { StatusBadge } from "../ui/status-badge";
import type { TopologyNode } from "./topology-layout";

/** Handles are connection points only: invisible, the edges show the direction. */
const HANDLE = "!h-1 !w-1 !min-h-0 !min-w-0 !border-0 !bg-transparent";

/** A resource: name, type and status (icon + text); the first failure says so in words too. */
function ResourceNode({ data }: NodeProps<Extract<TopologyNode, { type: "resource" }>>) {
  const { resource, firstFailure } = data;
  const failed = resource.status.endsWith("_FAILED");
  return (
    <div
      data-testid="graph-node"
      data-resource-name={resource.name}
      data-region={resource.region}
      data-status={resource.status}
      data-first-failure={firstFailure || undefined}
      className={`flex h-full w-full flex-col justify-between rounded-md border bg-white px-2.5 py-1.5 text-left shadow-sm ${
        firstFailure ? "border-red-600 ring-2 ring-red-600/40" : failed ? "border-red-300" : "border-slate-300"
      }`}
    >
      <Handle type="target" position={Position.Top} className={HANDLE} isConnectable={false} />
      <div className="flex items-baseline justify-between gap-2">
        <span className="truncate text-sm font-semibold text-slate-900">{resource.name}</span>
        {firstFailure ? (
          <span className="shrink-0 text-[10px] font-semibold uppercase tracking-wide text-red-700">First failure</span>
        ) : resource.nestedStackId ? (
          <span className="shrink-0 text-[10px] uppercase tracking-wide text-slate-500">nested stack</span>
        ) : null}
      </div>
      <span className="truncate font-mono text-[10px] text-slate-500">{resource.type}</span>
      <div className="flex items-center">
        <StatusBadge status={resource.status} testId="graph-node-status" />
      </div>
      <Handle type="source" position={Position.Bottom} className={HANDLE} isConnectable={false} />
    </div>
  );
}

/** A region: a labelled box around its resources. */
function RegionNode({ data }: NodeProps<Extract<TopologyNode, { type: "region" }>>) {
  return (
    <div data-testid="graph-region" data-region={data.region} className="h-full w-full rounded-lg border border-dashed border-slate-400 bg-slate-100/60">
      <div className="flex items-baseline gap-2 px-3 pt-2">
        <span aria-hidden="true" className="text-slate-500">
          ◎
        </span>
        <span className="text-sm font-semibold text-slate-800">{data.region || "Unknown region"}</span>
        <span className="text-xs text-slate-500">
          {data.count} {data.count === 1 ? "resource" : "resources"}
        </span>
      </div>
    </div>
  );
}

/** One component per node kind; the mapped type makes a missing kind a compile error. */
const components: { [K in TopologyNode["type"]]: ComponentType<NodeProps<Extract<TopologyNode, { type: K }>>> } = {
  resource: ResourceNode,
  region: RegionNode,
};

/** The node types handed to React Flow (declared once, outside any component). */
export const nodeTypes = components as NodeTypes;
