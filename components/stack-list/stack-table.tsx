import Link from "next/link";
import type { StackSummary } from "@/lib/services/types";
import { StackActions } from "../stack-actions/stack-actions";
import { CELL, DataTable } from "../ui/data-table";
import { RelativeTimeText } from "../ui/relative-time-text";
import { StatusBadge } from "../ui/status-badge";

/**
 * The stacks table: name (links to the detail page), status, regions, the last change (created
 * under it once updated) and the row's actions (an owned remote child's ask first, naming its owner).
 */
export function StackTable({ stacks }: { stacks: StackSummary[] }) {
  return (
    <DataTable
      caption="Stacks"
      columns={["Name", "Status", "Regions", "Last change", "Actions"]}
      isEmpty={stacks.length === 0}
      empty={<span data-testid="stacks-no-match">No stack matches these filters.</span>}
      testId="stack-table"
    >
      {stacks.map((stack) => (
        <tr key={stack.id} data-testid="stack-row" data-stack-name={stack.name} className="hover:bg-slate-50">
          <td className={`${CELL} font-medium`}>
            <Link href={`/stacks/${stack.id}`} className="text-sky-700 hover:underline">
              {stack.name}
            </Link>
          </td>
          <td className={CELL}>
            <StatusBadge status={stack.status} />
            {stack.statusReason && stack.status.endsWith("FAILED") ? (
              <p className="mt-1 max-w-56 truncate text-xs text-red-700" title={stack.statusReason}>
                {stack.statusReason}
              </p>
            ) : null}
          </td>
          <td className={`${CELL} text-slate-700`}>{stack.regions.join(", ") || "—"}</td>
          <td className={`${CELL} whitespace-nowrap text-slate-700`}>
            <RelativeTimeText iso={stack.updatedAt ?? stack.createdAt} />
            {stack.updatedAt ? (
              <span className="block text-xs text-slate-600">
                created <RelativeTimeText iso={stack.createdAt} />
              </span>
            ) : null}
          </td>
          <td className={CELL}>
            <StackActions stack={stack} owner={stack.owner ?? undefined} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
