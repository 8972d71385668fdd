import type { EventRecord } from "@/lib/engine/ports";
import { DataTable, CELL } from "../ui/data-table";
import { StatusBadge } from "../ui/status-badge";
import { TimeText } from "../ui/time-text";

/** A stack's events, newest first (stack and nested-stack events alike). */
export function EventList({ events, stackId }: { events: EventRecord[]; stackId: string }) {
  return (
    <DataTable
      caption="Events, newest first"
      columns={["Time", "Resource", "Status", "Reason"]}
      isEmpty={events.length === 0}
      empty="No events yet."
      testId="event-table"
    >
      {events.map((e) => (
        <tr key={e.seq} data-testid="event-row" data-seq={e.seq}>
          <td className={`${CELL} whitespace-nowrap text-slate-600`}>
            <TimeText iso={e.time} />
          </td>
          <td className={CELL}>
            <span className="font-medium text-slate-900">{e.resourceName}</span>
            {e.stackId !== stackId ? <span className="ml-1 text-xs text-slate-500">(in {e.stackName})</span> : null}
            <div className="font-mono text-xs text-slate-500">{e.isStackEvent ? "stack" : e.resourceType}</div>
          </td>
          <td className={CELL}>
            <StatusBadge status={`${e.action}_${e.status}`} testId="event-status" />
          </td>
          <td className={`${CELL} max-w-md break-words ${e.status === "FAILED" ? "text-red-700" : "text-slate-600"}`}>{e.reason || "—"}</td>
        </tr>
      ))}
    </DataTable>
  );
}
