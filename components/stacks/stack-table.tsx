import Link from "next/link";
import type { StackSummary } from "@/lib/services/types";
import { StatusBadge } from "../ui/status-badge";
import { TimeText } from "../ui/time-text";

/** The stacks list: name (links to the detail page), status, regions, created and updated times. */
export function StackTable({ stacks }: { stacks: StackSummary[] }) {
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm" data-testid="stack-table">
        <caption className="sr-only">Stacks</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2.5 font-medium">Name</th>
            <th scope="col" className="px-4 py-2.5 font-medium">Status</th>
            <th scope="col" className="px-4 py-2.5 font-medium">Regions</th>
            <th scope="col" className="px-4 py-2.5 font-medium">Created</th>
            <th scope="col" className="px-4 py-2.5 font-medium">Updated</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {stacks.map((stack) => (
            <tr key={stack.id} data-testid="stack-row" data-stack-name={stack.name} className="hover:bg-slate-50">
              <td className="px-4 py-3 font-medium">
                <Link href={`/stacks/${stack.id}`} className="text-sky-700 hover:underline">
                  {stack.name}
                </Link>
              </td>
              <td className="px-4 py-3">
                <StatusBadge status={stack.status} />
                {stack.statusReason && stack.status.endsWith("FAILED") ? (
                  <p className="mt-1 max-w-md truncate text-xs text-red-700" title={stack.statusReason}>
                    {stack.statusReason}
                  </p>
                ) : null}
              </td>
              <td className="px-4 py-3 text-slate-700">{stack.regions.join(", ") || "—"}</td>
              <td className="px-4 py-3 text-slate-600">
                <TimeText iso={stack.createdAt} />
              </td>
              <td className="px-4 py-3 text-slate-600">
                <TimeText iso={stack.updatedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
