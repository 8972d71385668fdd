"use client";

import { STATUS_PHASES, type ListFilter } from "./list-filter";
import { useUrlFilter } from "./use-url-filter";

const INPUT = "mt-1 block rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm";

/**
 * Search by name, filter by status and region. Every change replaces the URL's query (no history
 * entry per keystroke), and the server renders the filtered list.
 */
export function StackFilters({ filter, statuses, regions }: { filter: ListFilter; statuses: string[]; regions: string[] }) {
  const { current, change } = useUrlFilter(filter);
  const exact = statuses.filter((s) => !STATUS_PHASES.some((p) => p.value === s));
  const active = current.q || current.status || current.region;
  return (
    <form role="search" aria-label="Filter stacks" onSubmit={(e) => (e.preventDefault(), change(current))} className="mb-4 flex flex-wrap items-end gap-4" data-testid="stack-filters">
      <div>
        <label htmlFor="stack-search" className="block text-sm font-medium text-slate-800">
          Search by name
        </label>
        <input id="stack-search" type="search" value={current.q} onChange={(e) => change({ ...current, q: e.target.value }, true)} autoComplete="off" data-testid="filter-search" className={`${INPUT} w-64`} />
      </div>
      <FilterSelect
        which="status"
        label="Status"
        value={current.status}
        options={[{ value: "", label: "Any status" }, ...STATUS_PHASES, ...exact.map((v) => ({ value: v, label: v }))]}
        onChange={(status) => change({ ...current, status })}
      />
      <FilterSelect
        which="region"
        label="Region"
        value={current.region}
        options={[{ value: "", label: "Any region" }, ...regions.map((v) => ({ value: v, label: v }))]}
        onChange={(region) => change({ ...current, region })}
      />
      {active ? (
        <button
          type="button"
          onClick={() => change({ q: "", status: "", region: "" })}
          data-testid="filter-clear"
          className="rounded-md px-3 py-1.5 text-sm font-medium text-sky-700 underline-offset-4 hover:underline"
        >
          Clear filters
        </button>
      ) : null}
    </form>
  );
}

/** One labelled filter choice (status or region). */
function FilterSelect({
  which,
  label,
  value,
  options,
  onChange,
}: {
  which: "status" | "region";
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  const id = `stack-${which}-filter`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={`filter-${which}`} className={INPUT}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
