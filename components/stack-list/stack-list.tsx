"use client";

import { useEffect, useRef, useState } from "react";
import type { StackSummary } from "@/lib/services/types";
import { EmptyStacks } from "../stacks/empty-stacks";
import { splitStatus } from "../ui/status";
import { type ListFilter } from "./list-filter";
import { StackFilters } from "./stack-filters";
import { StackTable } from "./stack-table";
import { statusChanges } from "./status-changes";
import { useAutoRefresh } from "./use-auto-refresh";

/** Refresh period while some stack is in progress, and otherwise. */
const BUSY_REFRESH_MS = 1_000;
const IDLE_REFRESH_MS = 4_000;

/**
 * The stacks list's live body: filters, the table (or the empty state) and a polite live region
 * that announces status changes. It re-renders from the server every second while a stack is in
 * progress (every few seconds otherwise), so stacks created elsewhere (CLI, API) appear too.
 */
export function StackList({ stacks, total, filter, statuses, regions }: { stacks: StackSummary[]; total: number; filter: ListFilter; statuses: string[]; regions: string[] }) {
  const busy = stacks.some((s) => splitStatus(s.status).status === "IN_PROGRESS");
  useAutoRefresh(busy ? BUSY_REFRESH_MS : IDLE_REFRESH_MS);

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
      <p role="status" aria-live="polite" className="sr-only" data-testid="list-announcer">
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
