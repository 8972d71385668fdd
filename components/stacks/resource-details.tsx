import Link from "next/link";
import type { EventRecord } from "@/lib/engine/ports";
import { StatusBadge } from "../ui/status-badge";
import { TimeText } from "../ui/time-text";
import type { GraphResource } from "../graph/topology-layout";

/** Props: the resource opened from the graph, its events (newest first) and a way to close the panel. */
export interface ResourceDetailsProps {
  resource: GraphResource;
  events: EventRecord[];
  firstFailure: boolean;
  onClose: () => void;
}

/** A resource's details beside the graph: status and reason, region, ids, dependencies, nested stack, events. */
export function ResourceDetails({ resource, events, firstFailure, onClose }: ResourceDetailsProps) {
  return (
    <aside aria-labelledby="resource-details-title" data-testid="resource-details" data-resource-name={resource.name} className="flex h-full flex-col gap-3 overflow-y-auto p-4 text-sm">
      <div className="flex items-start justify-between gap-2">
        <h2 id="resource-details-title" className="break-all text-base font-semibold text-slate-900">
          {resource.name}
        </h2>
        <button type="button" onClick={onClose} className="rounded px-2 py-0.5 text-slate-600 hover:bg-slate-100" aria-label="Close the resource details">
          ✕
        </button>
      </div>
      <p className="font-mono text-xs text-slate-500">{resource.type}</p>
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge status={resource.status} testId="resource-details-status" />
        {firstFailure ? <span className="text-xs font-semibold text-red-700">First resource to fail</span> : null}
      </div>
      {resource.statusReason ? <p className={`break-words ${resource.status.endsWith("FAILED") ? "text-red-700" : "text-slate-700"}`}>{resource.statusReason}</p> : null}
      <dl className="grid grid-cols-[6rem_1fr] gap-x-2 gap-y-1">
        <dt className="text-slate-500">Region</dt>
        <dd>{resource.region || "—"}</dd>
        <dt className="text-slate-500">Physical ID</dt>
        <dd className="break-all font-mono text-xs">{resource.physicalId ?? "—"}</dd>
        <dt className="text-slate-500">Depends on</dt>
        <dd>{resource.dependsOn.length ? resource.dependsOn.join(", ") : "—"}</dd>
      </dl>
      {resource.nestedStackId ? (
        <Link href={`/stacks/${resource.nestedStackId}`} className="font-medium text-sky-700 hover:underline" data-testid="nested-stack-link">
          Open the nested stack →
        </Link>
      ) : null}
      <div>
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Events</h3>
        <ol className="mt-1 space-y-1">
          {events.map((e) => (
            <li key={e.seq} className="flex flex-wrap items-center gap-2 text-xs">
              <StatusBadge status={`${e.action}_${e.status}`} testId="resource-details-event" />
              <span className="text-slate-500">
                <TimeText iso={e.time} />
              </span>
            </li>
          ))}
        </ol>
      </div>
    </aside>
  );
}
