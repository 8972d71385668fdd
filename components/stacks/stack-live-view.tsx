"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import type { EventRecord } from "@/lib/engine/ports";
import type { StackOutput } from "@/lib/engine/stack/api";
import type { StackDetail, StackTopology } from "@/lib/services/types";
import { CodeViewer } from "../editor/code-viewer";
import { graphResources } from "../graph/topology-layout";
import { isFinalStatus } from "../ui/status";
import { Tabs } from "../ui/tabs";
import { DivergencePanel } from "./divergence-panel";
import { EventList } from "./event-list";
import type { DivergenceView, OwnerView } from "./federation-view";
import { GanttChart } from "./gantt-chart";
import { ganttSpans } from "./gantt";
import { applyEvent, initialLiveState, mergeEvents } from "./live-state";
import { OutputList } from "./output-list";
import { ParameterList } from "./parameter-list";
import { ResourceTable } from "./resource-table";
import { firstFailedResource, type RootCauseStep } from "./root-cause";
import { RootCausePanel } from "./root-cause-panel";
import { StackBreadcrumb, type StackCrumb } from "./stack-breadcrumb";
import { StackHeader } from "./stack-header";
import { stuckResources, type TypeExpectations } from "./stuck";
import { StuckWarning } from "./stuck-warning";
import { TopologySection } from "./topology-section";
import { useNow } from "./use-now";
import { useStackEvents } from "./use-stack-events";

/** Props: a server-read snapshot, the events up to `lastSeq` (newest first, nested stacks' too) and what the server derived. */
export interface StackLiveViewProps {
  detail: StackDetail;
  /** The stack's outputs, computed from its resources' current attributes when the page was read. */
  outputs: readonly StackOutput[];
  events: EventRecord[];
  lastSeq: number;
  hiddenParameters: string[];
  topology: StackTopology;
  /** Path to the root cause of a failure (empty unless the stack failed). */
  rootCause: RootCauseStep[];
  /** Parent stacks of a nested stack, top-level first. */
  ancestors: StackCrumb[];
  /** When the server rendered the page (epoch ms): the first "now" of durations. */
  renderedAt: number;
  /** How long each type usually takes (the registry's, read on the server). */
  expectations: TypeExpectations;
  /** A remote child's owner (federation-view.ts); undefined for a stack nobody owns. */
  owner?: OwnerView;
  /** The stack's diverged remote children, as the server read them. */
  divergences: DivergenceView[];
}

/**
 * The stack detail page's body. Renders the server snapshot first, then applies streamed events:
 * status, graph, table, timeline and warnings change live. When the stack reaches a final state the
 * server snapshot is refreshed (outputs, attributes, root cause) and newer streamed events still apply;
 * so it is when a signal to one of its resources was handled (a failover moves the outputs too).
 */
export function StackLiveView({ detail, outputs, events, lastSeq, hiddenParameters, topology, rootCause, ancestors, renderedAt, expectations, owner, divergences }: StackLiveViewProps) {
  const router = useRouter();
  const { stack } = detail;
  const [streamed, setStreamed] = useState<EventRecord[]>([]);

  const streamState = useStackEvents(stack.id, lastSeq, (event) => {
    setStreamed((previous) => mergeEvents(previous, [event]));
    if (changesSnapshot(event, stack.id)) router.refresh();
  });

  const live = useMemo(
    () => streamed.toReversed().reduce(applyEvent, initialLiveState(stack, detail.resources, lastSeq)),
    [stack, detail.resources, lastSeq, streamed],
  );
  const allEvents = useMemo(() => mergeEvents(events, streamed), [events, streamed]);
  const resources = useMemo(() => graphResources(live.resources, topology.resources), [live.resources, topology.resources]);
  const spans = useMemo(() => ganttSpans(allEvents, stack.id), [allEvents, stack.id]);
  const firstFailure = useMemo(() => firstFailedResource(allEvents, stack.id), [allEvents, stack.id]);
  const inProgress = live.status.endsWith("_IN_PROGRESS");
  const now = useNow(renderedAt, inProgress);
  const regionOf = (name: string) => resources.find((r) => r.name === name)?.region ?? "";

  return (
    <div className="space-y-4">
      <StackBreadcrumb ancestors={ancestors} current={stack.name} parentResource={stack.parentResource} />
      <StackHeader detail={detail} status={live.status} statusReason={live.statusReason} streamState={streamState} owner={owner} />
      <DivergencePanel stackId={stack.id} divergences={divergences} />
      {live.status.endsWith("_FAILED") ? <RootCausePanel stackName={stack.name} stackReason={live.statusReason} path={rootCause} /> : null}
      {inProgress ? <StuckWarning stuck={stuckResources(spans, now, expectations)} /> : null}
      <TopologySection resources={resources} events={allEvents} stackId={stack.id} firstFailure={firstFailure} edgesError={topology.error} />
      <Tabs
        label="Stack details"
        items={[
          { id: "resources", label: `Resources (${live.resources.length})`, panel: <ResourceTable resources={live.resources} firstFailure={firstFailure} diverged={divergences.map((d) => d.resource)} /> },
          { id: "events", label: `Events (${allEvents.length})`, panel: <EventList events={allEvents} stackId={stack.id} /> },
          { id: "timeline", label: "Timeline", panel: <GanttChart spans={spans} regionOf={regionOf} now={now} firstFailure={firstFailure} /> },
          { id: "outputs", label: `Outputs (${outputs.length})`, panel: <OutputList outputs={outputs} /> },
          { id: "parameters", label: "Parameters", panel: <ParameterList parameters={stack.parameters} hidden={hiddenParameters} /> },
          { id: "template", label: "Template", panel: <CodeViewer value={stack.template} label={`Template of stack ${stack.name} (read-only)`} /> },
        ]}
      />
    </div>
  );
}

/**
 * Whether an event makes the server snapshot stale: the stack reached a final state, a signal to one of
 * its resources was handled, or the divergence scan found a remote child diverged (its event keeps the
 * resource's state, so only the snapshot's divergence banner shows it).
 */
function changesSnapshot(event: EventRecord, stackId: string): boolean {
  if (event.stackId !== stackId) return false;
  if (event.isStackEvent) return isFinalStatus(`${event.action}_${event.status}`);
  return (event.action === "SIGNAL" && event.status !== "IN_PROGRESS") || event.reason.includes("has diverged");
}
