"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Re-renders the current page from the server every `intervalMs` while the tab is visible (and at
 * once when it becomes visible again), so a server-rendered list follows changes made elsewhere.
 * `undefined` turns it off.
 */
export function useAutoRefresh(intervalMs: number | undefined): void {
  const router = useRouter();
  useEffect(() => {
    if (intervalMs === undefined) return;
    const tick = () => {
      if (document.visibilityState === "visible") router.refresh();
    };
    const timer = setInterval(tick, intervalMs);
    document.addEventListener("visibilitychange", tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", tick);
    };
  }, [router, intervalMs]);
}
