"use client";

import { useEffect, useState } from "react";
import { formatTime } from "./format-time";
import { formatRelative } from "./relative-time";
import { useHydrated } from "./use-hydrated";

/** How often the relative text is recomputed. */
const TICK_MS = 15_000;

/**
 * A timestamp shown relative to now ("5 minutes ago"), with the exact UTC time in its title and
 * dateTime. The server and the first client render show the exact time, so hydration agrees.
 */
export function RelativeTimeText({ iso }: { iso: string | null | undefined }) {
  const hydrated = useHydrated();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  if (!iso) return <span className="text-slate-400">—</span>;
  const exact = formatTime(iso);
  return (
    <time dateTime={iso} title={exact}>
      {hydrated ? formatRelative(iso, now) : exact}
    </time>
  );
}
