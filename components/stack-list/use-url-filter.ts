"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { filterQuery, type ListFilter } from "./list-filter";

/** How long typing pauses before the search reaches the URL. */
const SEARCH_DELAY_MS = 250;

/**
 * The list filter as the controls edit it. A change shows at once in the controls and replaces the
 * URL's query (a search after a pause in typing), after which the server renders the filtered list.
 * The server's filter is adopted only when the URL changed for another reason (a link, back):
 * answers to our own navigations arrive late and would undo newer edits.
 */
export function useUrlFilter(filter: ListFilter): { current: ListFilter; change: (next: ListFilter, typing?: boolean) => void } {
  const router = useRouter();
  const pathname = usePathname();
  const [current, setCurrent] = useState(filter);
  const requested = useRef(new Set<string>());
  const latest = useRef(filterQuery(filter));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const key = filterQuery(filter);
  useEffect(() => {
    if (!requested.current.has(key)) setCurrent(filter);
    else if (key === latest.current) requested.current.clear();
    // `filter` is a new object on every server render; its query is what matters.
  }, [key]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const change = (next: ListFilter, typing = false) => {
    setCurrent(next);
    clearTimeout(timer.current);
    const query = filterQuery({ ...next, q: next.q.trim() });
    const go = () => {
      requested.current.add(query);
      latest.current = query;
      router.replace(`${pathname}${query}`, { scroll: false });
    };
    if (typing) timer.current = setTimeout(go, SEARCH_DELAY_MS);
    else go();
  };
  return { current, change };
}
