"use client";

import { useEffect, useRef, useState } from "react";
import type { StackSummary } from "@/lib/services/types";
import { EmptyStacks } from "../stacks/empty-stacks";
import { type ListFilter } from "./list-filter";
import { StackFilters } from "./stack-filters";
import { StackTable } from "./stack-table";
import { statusChanges } from "./status-changes";
import { useAutoRefresh } from "./use-auto-refresh";
import { useListStream } from "./use-list-stream";

/** Polling period while the event stream is down. */
const FALLBACK_REFRESH_MS = 3_000;

/**
 * The stacks list's live body: filters, the table (or the empty state) and a polite live region
 * that announces status changes. It re-renders from the server whenever any stack's status changes
 * (pushed over SSE), so stacks created or changed elsewhere (CLI, API) show up at once; while the
 * stream is down it polls instead.
 */
export function StackList({ stacks, total, filter, statuses, regions }: { stacks: StackSummary[]; total: number; filter: ListFilter; statuses: string[]; regions: string[] }) {
  const live = useListStream();
  useAutoRefresh(live ? undefined : FALLBACK_REFRESH_MS);

  const previous = useRef<{ stacks: StackSummary[]; filter: string } | undefined>(undefined);
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    const key = JSON.stringify(filter);
    // A changed filter changes the rows, not the stacks: nothing to announce then.
    if (previous.current && previous.current.filter === key) {
      const changes = statusChanges(previous.current.stacks, stacks);
      if (changes.length > 0) setAnnouncement(changes.join(". "));
    }
    previous.current = { stacks, filter: key };
  }, [stacks, filter]);

  return (
    <>
      <p role="status" aria-live="polite" className="sr-only" data-testid="list-announcer" data-stream={live ? "live" : "polling"}>
        {announcement}
      </p>
      {total === 0 ? (
        <EmptyStacks />
      ) : (
        <>
          <StackFilters filter={filter} statuses={statuses} regions={regions} />
          <StackTable stacks={stacks} />
        </>
      )}
    </>
  );
}
