import Link from "next/link";
import { DataTable, CELL } from "../ui/data-table";
import { StatusBadge } from "../ui/status-badge";
import type { ResourceRow } from "./live-state";

/**
 * The resources of a stack with their live status; a failed resource shows its reason in red, the
 * first to fail is marked in words, a resource whose remote child diverged (`diverged`) is badged,
 * and a resource owning a nested stack links to it.
 */
export function ResourceTable({ resources, firstFailure, diverged = [] }: { resources: ResourceRow[]; firstFailure?: string; diverged?: readonly string[] }) {
  return (
    <DataTable
      caption="Resources"
      columns={["Name", "Type", "Region", "Physical ID", "Status", "Reason"]}
      isEmpty={resources.length === 0}
      empty="This stack has no resources."
      testId="resource-table"
    >
      {resources.map((r) => (
        <tr key={r.name} data-testid="resource-row" data-resource-name={r.name} data-first-failure={r.name === firstFailure || undefined} className={r.name === firstFailure ? "bg-red-50" : undefined}>
          <th scope="row" className={`${CELL} font-medium text-slate-900`}>
            {r.nestedStackId ? (
              <Link href={`/stacks/${r.nestedStackId}`} className="text-sky-700 hover:underline" data-testid="resource-nested-link">
                {r.name}
              </Link>
            ) : (
              r.name
            )}
            {r.name === firstFailure ? <div className="text-xs font-semibold text-red-700">First failure</div> : null}
            {diverged.includes(r.name) ? (
              <div className="mt-0.5 inline-block rounded bg-amber-100 px-1.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-500/40" data-testid="resource-diverged">
                ⚠ Diverged
              </div>
            ) : null}
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
