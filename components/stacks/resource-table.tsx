import { DataTable, CELL } from "../ui/data-table";
import { StatusBadge } from "../ui/status-badge";
import type { ResourceRow } from "./live-state";

/** The resources of a stack with their live status; a failed resource shows its reason in red. */
export function ResourceTable({ resources }: { resources: ResourceRow[] }) {
  return (
    <DataTable
      caption="Resources"
      columns={["Name", "Type", "Region", "Physical ID", "Status", "Reason"]}
      isEmpty={resources.length === 0}
      empty="This stack has no resources."
      testId="resource-table"
    >
      {resources.map((r) => (
        <tr key={r.name} data-testid="resource-row" data-resource-name={r.name}>
          <th scope="row" className={`${CELL} font-medium text-slate-900`}>
            {r.name}
          </th>
          <td className={`${CELL} font-mono text-xs text-slate-700`}>{r.type}</td>
          <td className={`${CELL} text-slate-700`}>{r.region || "—"}</td>
          <td className={`${CELL} font-mono text-xs text-slate-600`}>{r.physicalId ?? "—"}</td>
          <td className={CELL}>
            <StatusBadge status={r.status} testId="resource-status" />
          </td>
          <td className={`${CELL} max-w-sm break-words ${r.status.endsWith("FAILED") ? "text-red-700" : "text-slate-600"}`} data-testid="resource-reason">
            {r.statusReason || "—"}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
