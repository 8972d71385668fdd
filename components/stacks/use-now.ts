"use client";

import { useEffect, useState } from "react";

/**
 * The current time, ticking every `periodMs` while `active`. Starts from `initial` (the server's
 * render time) so the first client render matches the server's HTML.
 */
export function useNow(initial: number, active: boolean, periodMs = 1000): number {
  const [now, setNow] = useState(initial);
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), periodMs);
    return () => clearInterval(timer);
  }, [active, periodMs]);
  return now;
}
