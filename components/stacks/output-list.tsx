import type { StackOutput } from "@/lib/engine/stack/api";
import { DataTable, CELL } from "../ui/data-table";
import { ValueText } from "./value-text";

/** A stack's outputs, as computed when the page was read; an output that could not be resolved shows its error. */
export function OutputList({ outputs }: { outputs: readonly StackOutput[] }) {
  return (
    <DataTable
      caption="Outputs"
      columns={["Key", "Value", "Description"]}
      isEmpty={outputs.length === 0}
      empty="This stack's template declares no outputs."
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
