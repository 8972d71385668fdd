"use client";

import { useAccess } from "./session-context";

/** A note above every page of a read-only session (reader role): why the buttons that change things are off. */
export function ReadOnlyNotice() {
  const { canChange, reason } = useAccess();
  if (canChange) return null;
  return (
    <p role="note" data-testid="read-only-notice" className="mb-6 flex items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4 shrink-0" fill="currentColor">
        <path d="M8 3C4.4 3 1.7 5.4 1 8c.7 2.6 3.4 5 7 5s6.3-2.4 7-5c-.7-2.6-3.4-5-7-5Zm0 8a3 3 0 1 1 0-6 3 3 0 0 1 0 6Zm0-1.5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3Z" />
      </svg>
      <span>
        <strong className="font-semibold">Read-only.</strong> {reason} Buttons that would change something are disabled.
      </span>
    </p>
  );
}
