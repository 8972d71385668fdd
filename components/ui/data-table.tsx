import type { ReactNode } from "react";

/** A bordered table with a header row; rows come as children. Shows `empty` when there are none. */
export function DataTable({
  caption,
  columns,
  children,
  empty,
  isEmpty,
  testId,
}: {
  caption: string;
  columns: string[];
  children: ReactNode;
  empty: ReactNode;
  isEmpty: boolean;
  testId?: string;
}) {
  if (isEmpty) return <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-600">{empty}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-4 py-2.5 font-medium">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">{children}</tbody>
      </table>
    </div>
  );
}

/** Class names of an ordinary body cell. */
export const CELL = "px-4 py-2.5";
