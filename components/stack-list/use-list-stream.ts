"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

/** Events arriving closer together than this cause one refresh. */
const COALESCE_MS = 100;

/**
 * Follows every stack's status changes over SSE (app/api/events) and re-renders the page from the
 * server when one arrives, and after every (re)connection, which may have missed some. Returns
 * whether the stream is live, so the caller can fall back to polling while it is not.
 */
export function useListStream(): boolean {
  const router = useRouter();
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource("/api/events");
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), COALESCE_MS);
    };
    source.onopen = () => {
      setLive(true);
      refresh();
    };
    source.onmessage = refresh;
    // The browser reconnects by itself (retry: from the server); poll meanwhile.
    source.onerror = () => setLive(false);
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [router]);
  return live;
}
