/**
 * The Gantt view's model: how long each resource of a stack took, from its IN_PROGRESS event to the
 * COMPLETE or FAILED event of the same action. A span still open runs until "now". Pure functions,
 * so the server-rendered page and every streamed event give the same bars.
 */
import type { EventRecord } from "@/lib/engine/ports";

/** One bar: a resource's action from start to end (null while it is still in progress). */
export interface GanttSpan {
  resource: string;
  type: string;
  action: string;
  /** Epoch milliseconds. */
  start: number;
  end: number | null;
  status: "IN_PROGRESS" | "COMPLETE" | "FAILED";
  /** Reason of the event that closed the span (or opened it, while open). */
  reason: string;
}

/** The resource events of one stack, oldest first. */
function resourceEventsOf(events: readonly EventRecord[], stackId: string): EventRecord[] {
  return events.filter((e) => e.stackId === stackId && !e.isStackEvent).toSorted((a, b) => a.seq - b.seq);
}

/**
 * Spans of the resources of `stackId` (events of nested stacks are left to their own page).
 * A COMPLETE or FAILED without a matching IN_PROGRESS (e.g. a signal) draws nothing; a new
 * IN_PROGRESS of another action closes the previous open span where it starts.
 */
export function ganttSpans(events: readonly EventRecord[], stackId: string): GanttSpan[] {
  const spans: GanttSpan[] = [];
  const open = new Map<string, GanttSpan>();
  for (const event of resourceEventsOf(events, stackId)) {
    const time = Date.parse(event.time);
    const current = open.get(event.resourceName);
    if (event.status === "IN_PROGRESS") {
      if (current?.action === event.action) continue;
      if (current) current.end = time;
      const span: GanttSpan = { resource: event.resourceName, type: event.resourceType, action: event.action, start: time, end: null, status: "IN_PROGRESS", reason: event.reason };
      spans.push(span);
      open.set(event.resourceName, span);
    } else if (current?.action === event.action) {
      Object.assign(current, { end: time, status: event.status, reason: event.reason });
      open.delete(event.resourceName);
    }
  }
  return spans;
}

/** Time range the chart covers: first start to last end (open spans end at `now`). */
export function ganttRange(spans: readonly GanttSpan[], now: number): { start: number; end: number } {
  if (spans.length === 0) return { start: now, end: now };
  const start = Math.min(...spans.map((s) => s.start));
  const end = Math.max(...spans.map((s) => s.end ?? Math.max(now, s.start)));
  return { start, end: Math.max(end, start + 1) };
}

/** One chart row: a resource and its bars. */
export interface GanttRow {
  resource: string;
  type: string;
  spans: GanttSpan[];
}

/** Rows per region (regions sorted, resources in order of their first start). */
export function ganttGroups(spans: readonly GanttSpan[], regionOf: (resource: string) => string): { region: string; rows: GanttRow[] }[] {
  const rows = new Map<string, GanttRow>();
  for (const span of spans) {
    const row = rows.get(span.resource) ?? { resource: span.resource, type: span.type, spans: [] };
    row.spans.push(span);
    rows.set(span.resource, row);
  }
  const groups = new Map<string, GanttRow[]>();
  for (const row of rows.values()) {
    const region = regionOf(row.resource) || "Unknown region";
    groups.set(region, [...(groups.get(region) ?? []), row]);
  }
  return [...groups.entries()].toSorted(([a], [b]) => a.localeCompare(b)).map(([region, list]) => ({ region, rows: list }));
}

/** A duration as people read it: 850 ms, 12.3 s, 4 min 05 s. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1000);
  return `${minutes} min ${String(seconds).padStart(2, "0")} s`;
}
