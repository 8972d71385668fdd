"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState, type ReactNode } from "react";
import type { EventRecord } from "@/lib/engine/stack/ports";
import type { StackDetail } from "@/lib/services/types";
import { isFinalStatus } from "../ui/status";
import { StatusBadge } from "../ui/status-badge";
import { Tabs } from "../ui/tabs";
import { TimeText } from "../ui/time-text";
import { EventList } from "./event-list";
import { applyEvent, initialLiveState, mergeEvents } from "./live-state";
import { OutputList } from "./output-list";
import { ParameterList } from "./parameter-list";
import { ResourceTable } from "./resource-table";
import { StreamIndicator } from "./stream-indicator";
import { useStackEvents } from "./use-stack-events";

/** Props: a server-read snapshot and the events up to `lastSeq` (newest first). */
export interface StackLiveViewProps {
  detail: StackDetail;
  events: EventRecord[];
  lastSeq: number;
  hiddenParameters: string[];
}

/**
 * The stack detail page's body. Renders the server snapshot first, then applies streamed events:
 * stack status and resource rows change live. When the stack reaches a final state the server
 * snapshot is refreshed (outputs, attributes) and streamed events newer than it still apply.
 */
export function StackLiveView({ detail, events, lastSeq, hiddenParameters }: StackLiveViewProps) {
  const router = useRouter();
  const { stack } = detail;
  const [streamed, setStreamed] = useState<EventRecord[]>([]);

  const streamState = useStackEvents(stack.id, lastSeq, (event) => {
    setStreamed((previous) => mergeEvents(previous, [event]));
    if (event.isStackEvent && event.stackId === stack.id && isFinalStatus(`${event.action}_${event.status}`)) router.refresh();
  });

  const live = useMemo(
    () => streamed.toReversed().reduce(applyEvent, initialLiveState(stack, detail.resources, lastSeq)),
    [stack, detail.resources, lastSeq, streamed],
  );
  const allEvents = useMemo(() => mergeEvents(events, streamed), [events, streamed]);
  const failed = live.status.endsWith("FAILED");

  return (
    <div className="space-y-6">
      <section aria-labelledby="stack-name" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <h1 id="stack-name" className="truncate text-2xl font-semibold tracking-tight" data-testid="page-title">
              {stack.name}
            </h1>
            <p className="mt-1 font-mono text-xs text-slate-500">{stack.id}</p>
          </div>
          <div className="flex items-center gap-4">
            <StreamIndicator state={streamState} />
            <StatusBadge status={live.status} testId="stack-status" />
          </div>
        </div>
        <p data-testid="stack-status-reason" className={`mt-3 text-sm ${failed ? "text-red-700" : "text-slate-700"}`}>
          {live.statusReason || "—"}
        </p>
        <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
          <Field label="Region">{stack.region}</Field>
          <Field label="Created">
            <TimeText iso={stack.createdAt} />
          </Field>
          <Field label="Updated">
            <TimeText iso={stack.updatedAt} />
          </Field>
          <Field label="Rollback">{stack.disableRollback ? "disabled" : "enabled"}</Field>
        </dl>
        {detail.children.length > 0 ? (
          <p className="mt-3 text-sm text-slate-700">
            Nested stacks:{" "}
            {detail.children.map((child, i) => (
              <span key={child.id}>
                {i > 0 ? ", " : null}
                <Link href={`/stacks/${child.id}`} className="text-sky-700 hover:underline">
                  {child.name}
                </Link>
              </span>
            ))}
          </p>
        ) : null}
      </section>

      <Tabs
        label="Stack details"
        items={[
          { id: "resources", label: `Resources (${live.resources.length})`, panel: <ResourceTable resources={live.resources} /> },
          { id: "events", label: `Events (${allEvents.length})`, panel: <EventList events={allEvents} stackId={stack.id} /> },
          { id: "outputs", label: `Outputs (${detail.outputs.length})`, panel: <OutputList outputs={detail.outputs} /> },
          { id: "parameters", label: "Parameters", panel: <ParameterList parameters={stack.parameters} hidden={hiddenParameters} /> },
          {
            id: "template",
            label: "Template",
            panel: (
              <pre data-testid="template-text" className="max-h-[32rem] overflow-auto rounded-lg border border-slate-200 bg-slate-900 p-4 font-mono text-xs leading-relaxed text-slate-100">
                {stack.template}
              </pre>
            ),
          },
        ]}
      />
    </div>
  );
}

/** One label/value pair of the stack header. */
function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-slate-900">{children}</dd>
    </div>
  );
}
