"use client";

import { useState } from "react";
import type { EventRecord } from "@/lib/engine/ports";
import { TopologyGraph } from "../graph/topology-graph";
import type { GraphResource } from "../graph/topology-layout";
import { ResourceDetails } from "./resource-details";

/** Props: the graph's resources, the events of the stack (newest first), the first failure, a note when edges are unknown. */
export interface TopologySectionProps {
  resources: GraphResource[];
  events: EventRecord[];
  stackId: string;
  firstFailure?: string;
  edgesError?: string;
}

/** The live topology with a details panel for the resource opened (click, or Enter on a focused node). */
export function TopologySection({ resources, events, stackId, firstFailure, edgesError }: TopologySectionProps) {
  const [opened, setOpened] = useState<string>();
  const resource = resources.find((r) => r.name === opened);
  return (
    <section aria-labelledby="topology-title" className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="flex items-baseline justify-between gap-4 border-b border-slate-200 px-4 py-2">
        <h2 id="topology-title" className="text-sm font-semibold text-slate-900">
          Topology
        </h2>
        <p className="text-xs text-slate-500">
          {edgesError ? `Dependencies unknown: ${edgesError}` : "Arrows point from a resource to those that wait for it. Tab to a resource, Enter for details."}
        </p>
      </div>
      <div className={`grid h-[26rem] ${resource ? "grid-cols-[1fr_20rem]" : "grid-cols-1"}`}>
        <TopologyGraph resources={resources} firstFailure={firstFailure} onOpen={setOpened} />
        {resource ? (
          <div className="border-l border-slate-200">
            <ResourceDetails
              key={resource.name}
              resource={resource}
              events={events.filter((e) => e.stackId === stackId && !e.isStackEvent && e.resourceName === resource.name)}
              firstFailure={resource.name === firstFailure}
              onClose={() => setOpened(undefined)}
            />
          </div>
        ) : null}
      </div>
    </section>
  );
}
