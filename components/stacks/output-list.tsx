import type { StackRecord } from "@/lib/engine/ports";
import { DataTable, CELL } from "../ui/data-table";
import { ValueText } from "./value-text";

/** A stack's outputs; an output that could not be resolved shows its error. */
export function OutputList({ outputs }: { outputs: StackRecord["outputs"] }) {
  return (
    <DataTable
      caption="Outputs"
      columns={["Key", "Value", "Description"]}
      isEmpty={outputs.length === 0}
      empty="No outputs (yet): they are resolved when an operation completes."
      testId="output-table"
    >
      {outputs.map((o) => (
        <tr key={o.key} data-testid="output-row" data-output-key={o.key}>
          <th scope="row" className={`${CELL} font-medium text-slate-900`}>
            {o.key}
          </th>
          <td className={CELL}>
            {o.error ? <span className="text-red-700">Error: {o.error}</span> : <ValueText value={o.value} />}
          </td>
          <td className={`${CELL} text-slate-600`}>{o.description || "—"}</td>
        </tr>
      ))}
    </DataTable>
  );
}
