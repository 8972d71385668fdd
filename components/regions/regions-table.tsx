import type { RegionView } from "@/lib/services/regions-view";
import { CELL, DataTable } from "../ui/data-table";
import { Latency, Reachability } from "./reachability";

/** The columns of the regions table; the embedded default has no latency (nothing is probed) and no owned children. */
const COLUMNS = { federated: ["Region", "Orchestration (Heat)", "Identity (Keystone)", "Reachability", "Latency", "Stacks", "Owned children"], embedded: ["Region", "Orchestration (Heat)", "Identity (Keystone)", "Reachability", "Stacks"] };

/** The project's stack count there, or unknown (with the reason when the region answered its probe, else the probe's reason says it). */
function StackCount({ region }: { region: RegionView }) {
  if (region.stacks !== undefined) return <span className="tabular-nums">{region.stacks}</span>;
  return (
    <span className="flex flex-col gap-1">
      <span className="text-slate-500">unknown</span>
      {region.reachability.state === "reachable" && region.stacksError ? <span className="text-xs text-red-800">{region.stacksError}</span> : null}
    </span>
  );
}

/** How many owned children the region's section lists, and how many of them diverged. */
function ChildCount({ region }: { region: RegionView }) {
  const diverged = region.children.filter((c) => c.diverged).length;
  if (region.children.length === 0) return <span className="text-slate-500">none</span>;
  return (
    <a href={`#children-${region.name}`} className="text-sky-800 underline-offset-2 hover:underline">
      {region.children.length}
      {diverged > 0 ? <span className="ml-1 font-medium text-amber-800">({diverged} diverged)</span> : null}
    </a>
  );
}

/** Every region, one row each: endpoints, reachability and latency now, the project's stacks, owned children (the last two in a federation only). */
export function RegionsTable({ regions, federated }: { regions: RegionView[]; federated: boolean }) {
  return (
    <DataTable caption="Regions" columns={COLUMNS[federated ? "federated" : "embedded"]} isEmpty={regions.length === 0} empty="No regions." testId="regions-table">
      {regions.map((region) => (
        <tr key={region.name} data-testid="region-row" data-region={region.name} data-self={region.self ? "true" : "false"}>
          <th scope="row" className={`${CELL} font-medium text-slate-900`}>
            {region.name}
            {federated && region.self ? (
              <span data-testid="self-region" className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs font-medium text-sky-900">
                this region
              </span>
            ) : null}
          </th>
          <td className={`${CELL} font-mono [overflow-wrap:anywhere] text-xs text-slate-700`}>{region.heat}</td>
          <td className={`${CELL} font-mono [overflow-wrap:anywhere] text-xs text-slate-700`}>{region.identity}</td>
          <td className={CELL}>
            <Reachability reachability={region.reachability} />
          </td>
          {federated ? (
            <td className={`${CELL} whitespace-nowrap`}>
              <Latency reachability={region.reachability} />
            </td>
          ) : null}
          <td className={CELL} data-testid="stack-count">
            <StackCount region={region} />
          </td>
          {federated ? (
            <td className={CELL} data-testid="child-count">
              <ChildCount region={region} />
            </td>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}
