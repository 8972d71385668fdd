"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { filterQuery, STATUS_PHASES, type ListFilter } from "./list-filter";

/** How long typing pauses before the search reaches the URL. */
const SEARCH_DELAY_MS = 250;

const INPUT = "mt-1 block rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm";

/**
 * Search by name, filter by status and region. Every change replaces the URL's query (no history
 * entry per keystroke), and the server renders the filtered list.
 */
export function StackFilters({ filter, statuses, regions }: { filter: ListFilter; statuses: string[]; regions: string[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const [q, setQ] = useState(filter.q);

  const apply = (next: ListFilter) => router.replace(`${pathname}${filterQuery(next)}`, { scroll: false });

  useEffect(() => {
    if (q.trim() === filter.q) return;
    const timer = setTimeout(() => router.replace(`${pathname}${filterQuery({ ...filter, q: q.trim() })}`, { scroll: false }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [q, filter, pathname, router]);

  const exact = statuses.filter((s) => !STATUS_PHASES.some((p) => p.value === s));
  const active = filter.q || filter.status || filter.region;
  return (
    <form role="search" aria-label="Filter stacks" onSubmit={(e) => (e.preventDefault(), apply({ ...filter, q: q.trim() }))} className="mb-4 flex flex-wrap items-end gap-4" data-testid="stack-filters">
      <div>
        <label htmlFor="stack-search" className="block text-sm font-medium text-slate-800">
          Search by name
        </label>
        <input id="stack-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" data-testid="filter-search" className={`${INPUT} w-64`} />
      </div>
      <FilterSelect
        which="status"
        label="Status"
        value={filter.status}
        options={[{ value: "", label: "Any status" }, ...STATUS_PHASES, ...exact.map((v) => ({ value: v, label: v }))]}
        onChange={(status) => apply({ ...filter, q: q.trim(), status })}
      />
      <FilterSelect
        which="region"
        label="Region"
        value={filter.region}
        options={[{ value: "", label: "Any region" }, ...regions.map((v) => ({ value: v, label: v }))]}
        onChange={(region) => apply({ ...filter, q: q.trim(), region })}
      />
      {active ? (
        <button
          type="button"
          onClick={() => (setQ(""), apply({ q: "", status: "", region: "" }))}
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
