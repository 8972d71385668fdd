/**
 * The stacks list's filter: a name search, a status and a region, kept in the URL's query
 * (?q=web&status=FAILED&region=RegionTwo) so a reload or a shared link shows the same list.
 */
import type { StackSummary } from "@/lib/services/types";
import { splitStatus } from "../ui/status";

/** The list's filter; empty strings mean "any". */
export interface ListFilter {
  q: string;
  status: string;
  region: string;
}

/** The status choices: a phase (any action), or one exact status present in the list. */
export const STATUS_PHASES = [
  { value: "IN_PROGRESS", label: "In progress" },
  { value: "COMPLETE", label: "Complete" },
  { value: "FAILED", label: "Failed" },
] as const;

/** Reads the filter from the page's query parameters (repeated keys: the first wins). */
export function parseFilter(params: Record<string, string | string[] | undefined>): ListFilter {
  const first = (key: string) => {
    const value = params[key];
    return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
  };
  return { q: first("q"), status: first("status"), region: first("region") };
}

/** The query string of a filter, leaving out empty parts ("" when nothing is set). */
export function filterQuery(filter: ListFilter): string {
  const params = new URLSearchParams();
  for (const key of ["q", "status", "region"] as const) if (filter[key]) params.set(key, filter[key]);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** True when the stack's status is the chosen one, or its phase is the chosen phase. */
function statusMatches(status: string, wanted: string): boolean {
  return status === wanted || splitStatus(status).status === wanted;
}

/** The stacks the filter lets through: name contains q (any case), status and region match. */
export function applyFilter(stacks: StackSummary[], filter: ListFilter): StackSummary[] {
  const q = filter.q.toLowerCase();
  return stacks.filter(
    (s) =>
      (!q || s.name.toLowerCase().includes(q)) &&
      (!filter.status || statusMatches(s.status, filter.status)) &&
      (!filter.region || s.regions.includes(filter.region)),
  );
}

/** The exact statuses present in the list, sorted, for the status choice. */
export function presentStatuses(stacks: StackSummary[]): string[] {
  return [...new Set(stacks.map((s) => s.status))].sort();
}
