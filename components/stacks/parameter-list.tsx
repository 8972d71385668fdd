import { DataTable, CELL } from "../ui/data-table";
import { ValueText } from "./value-text";

/** Placeholder shown instead of a hidden parameter's value (as Heat does). */
export const HIDDEN_VALUE = "******";

/** The parameters a stack was created or last updated with; hidden ones are masked. */
export function ParameterList({ parameters, hidden }: { parameters: Record<string, unknown>; hidden: readonly string[] }) {
  const names = Object.keys(parameters).sort();
  return (
    <DataTable caption="Parameters" columns={["Name", "Value"]} isEmpty={names.length === 0} empty="No parameters." testId="parameter-table">
      {names.map((name) => (
        <tr key={name} data-testid="parameter-row" data-parameter-name={name}>
          <th scope="row" className={`${CELL} font-medium text-slate-900`}>
            {name}
          </th>
          <td className={CELL}>
            <ValueText value={hidden.includes(name) ? HIDDEN_VALUE : parameters[name]} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
