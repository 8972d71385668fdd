import Link from "next/link";
import type { ReactNode } from "react";
import type { StackDetail } from "@/lib/services/types";
import { StackActions } from "../stack-actions/stack-actions";
import { StatusBadge } from "../ui/status-badge";
import { TimeText } from "../ui/time-text";
import type { OwnerView } from "./federation-view";
import { OwnerPanel } from "./owner-panel";
import { StreamIndicator } from "./stream-indicator";
import type { StreamState } from "./use-stack-events";

/** Props: the stack snapshot, its live status and reason, and the stream's state. */
export interface StackHeaderProps {
  detail: StackDetail;
  status: string;
  statusReason: string;
  streamState: StreamState;
  /** The owner a remote child's tags record (undefined: nobody owns it). */
  owner?: OwnerView;
}

/** The top of the stack page: name, id, live status and reason, actions, region, times, rollback, owner, nested stacks. */
export function StackHeader({ detail, status, statusReason, streamState, owner }: StackHeaderProps) {
  const { stack } = detail;
  return (
    <section aria-labelledby="stack-name" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 id="stack-name" className="truncate text-2xl font-semibold tracking-tight" data-testid="page-title">
            {stack.name}
          </h1>
          <p className="mt-1 font-mono text-xs text-slate-500">{stack.id}</p>
          {detail.resources.some((r) => r.type === "OS::Heat::FailoverPolicy" || r.type === "OS::Heat::AutoScalingGroup") ? <Link href={`/stacks/${stack.id}/ha`} className="mt-1 inline-block text-sm text-sky-700 hover:underline" data-testid="ha-link">HA groups →</Link> : null}
        </div>
        <div className="flex flex-col items-end gap-2">
          <div className="flex items-center gap-4">
            <StreamIndicator state={streamState} />
            <StatusBadge status={status} testId="stack-status" />
          </div>
          {/* Nested stacks are operated through their parent, as in Heat. */}
          {stack.parentId ? null : <StackActions stack={{ id: stack.id, name: stack.name, status }} owner={owner} />}
        </div>
      </div>
      <p data-testid="stack-status-reason" className={`mt-3 text-sm ${status.endsWith("FAILED") ? "text-red-700" : "text-slate-700"}`}>
        {statusReason || "—"}
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
      {owner ? <OwnerPanel owner={owner} /> : null}
      {detail.children.length > 0 ? (
        <p className="mt-3 text-sm text-slate-700">
          Nested stacks:{" "}
          {detail.children.map((child, i) => (
            <span key={child.id}>
              {i > 0 ? ", " : null}
              <Link href={`/stacks/${child.id}`} className="text-sky-700 hover:underline" data-testid="child-stack-link">
                {child.name}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
    </section>
  );
}

/** One label/value pair of the header. */
function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-slate-900">{children}</dd>
    </div>
  );
}
