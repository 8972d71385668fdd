import { statusTone, type StatusTone } from "../ui/status";
import { StatusBadge } from "../ui/status-badge";
import { formatDuration, ganttGroups, ganttRange, type GanttSpan } from "./gantt";

/** Bar colours per tone; each row also says its status and duration in text. */
const BAR: Record<StatusTone, string> = {
  complete: "bg-emerald-500",
  failed: "bg-red-500",
  progress: "bg-sky-500 animate-pulse motion-reduce:animate-none",
  neutral: "bg-slate-400",
};

/** Fractions of the range where the axis is labelled. */
const TICKS = [0, 0.25, 0.5, 0.75, 1];

/** Props: the spans (see gantt.ts), each resource's region, the current time for open spans. */
export interface GanttChartProps {
  spans: GanttSpan[];
  regionOf: (resource: string) => string;
  now: number;
  firstFailure?: string;
}

/** How long each resource took, one row per resource, grouped by region, on a shared time axis. */
export function GanttChart({ spans, regionOf, now, firstFailure }: GanttChartProps) {
  if (spans.length === 0) return <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-600">No resource has started yet.</p>;
  const range = ganttRange(spans, now);
  const total = range.end - range.start;
  const percent = (t: number) => `${(((t - range.start) / total) * 100).toFixed(3)}%`;
  return (
    <div data-testid="gantt" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="grid grid-cols-[14rem_1fr_13rem] gap-x-3 text-xs text-slate-500" aria-hidden="true">
        <span>Resource</span>
        <div className="relative h-4">
          {TICKS.map((f) => (
            <span key={f} className="absolute -translate-x-1/2 whitespace-nowrap first:translate-x-0 last:-translate-x-full" style={{ left: `${f * 100}%` }}>
              +{formatDuration(f * total)}
            </span>
          ))}
        </div>
        <span>Duration and status</span>
      </div>
      {ganttGroups(spans, regionOf).map((group) => (
        <section key={group.region} aria-label={`Region ${group.region}`} data-testid="gantt-region" data-region={group.region} className="mt-3">
          <h3 className="border-b border-slate-200 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">{group.region}</h3>
          <ul>
            {group.rows.map((row) => {
              const last = row.spans.at(-1)!;
              const took = (last.end ?? now) - last.start;
              return (
                <li
                  key={row.resource}
                  data-testid="gantt-row"
                  data-resource-name={row.resource}
                  className={`grid grid-cols-[14rem_1fr_13rem] items-center gap-x-3 py-1 ${row.resource === firstFailure ? "bg-red-50" : ""}`}
                >
                  <span className="truncate text-sm">
                    <span className="font-medium text-slate-900">{row.resource}</span> <span className="font-mono text-[10px] text-slate-500">{row.type}</span>
                  </span>
                  <div className="relative h-4 rounded bg-slate-100">
                    {row.spans.map((span) => (
                      <div
                        key={span.start}
                        data-testid="gantt-bar"
                        data-status={span.status}
                        title={`${span.action} ${span.status}: ${formatDuration((span.end ?? now) - span.start)}`}
                        className={`absolute top-0.5 h-3 min-w-1 rounded-sm ${BAR[statusTone(`${span.action}_${span.status}`)]}`}
                        style={{ left: percent(span.start), width: `calc(${percent(span.end ?? now)} - ${percent(span.start)})` }}
                      />
                    ))}
                  </div>
                  <span className="flex items-center gap-2 text-xs text-slate-700">
                    <span className="w-16 text-right tabular-nums" data-testid="gantt-duration">
                      {formatDuration(took)}
                    </span>
                    <StatusBadge status={`${last.action}_${last.status}`} testId="gantt-status" />
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
