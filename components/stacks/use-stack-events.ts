"use client";

import { useEffect, useEffectEvent, useRef, useState } from "react";
import type { EventRecord } from "@/lib/engine/ports";

/** Connection state of the event stream, shown to the user as text. */
export type StreamState = "connecting" | "live" | "reconnecting";

/** Delay before reopening a stream the browser gave up on (it retries dropped ones by itself). */
const REOPEN_MS = 3_000;

/**
 * Follows a stack's events over SSE (app/api/stacks/[id]/events), starting after `afterSeq`.
 * A dropped connection resumes from the last event seen: the browser sends Last-Event-ID when it
 * retries, and a stream it closed for good is reopened here with ?after=<last seen seq>.
 * `afterSeq` is read once per stack: later values (after a refresh) do not restart the stream.
 */
export function useStackEvents(stackId: string, afterSeq: number, onEvent: (event: EventRecord) => void): StreamState {
  const [state, setState] = useState<StreamState>("connecting");
  const deliver = useEffectEvent(onEvent);
  const startSeq = useRef(afterSeq);

  useEffect(() => {
    let lastSeen = startSeq.current;
    let source: EventSource | undefined;
    let reopen: ReturnType<typeof setTimeout> | undefined;

    const open = () => {
      const current = new EventSource(`/api/stacks/${encodeURIComponent(stackId)}/events?after=${lastSeen}`);
      source = current;
      current.onopen = () => setState("live");
      current.onmessage = (message: MessageEvent<string>) => {
        const event = JSON.parse(message.data) as EventRecord;
        lastSeen = Math.max(lastSeen, event.seq);
        deliver(event);
      };
      current.onerror = () => {
        setState("reconnecting");
        if (current.readyState !== EventSource.CLOSED) return;
        current.close();
        reopen = setTimeout(open, REOPEN_MS);
      };
    };

    open();
    return () => {
      clearTimeout(reopen);
      source?.close();
    };
  }, [stackId]);

  return state;
}
