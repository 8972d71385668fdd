/**
 * Server-Sent Events framing of a stack's event feed: replay + live events (id = seq), heartbeat
 * comments, and cleanup when the client goes away. Kept apart from the route so it can be tested
 * without a server.
 */
import type { EventRecord } from "@/lib/engine/ports";

/** Response headers of an SSE stream. `no-transform` keeps compression from buffering it. */
export const SSE_HEADERS: Record<string, string> = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
};

/** Heartbeat period: keeps proxies and the browser from dropping an idle stream. */
export const HEARTBEAT_MS = 15_000;

/** Reconnect delay the browser is told to use after a dropped connection. */
export const RETRY_MS = 2_000;

/** Where a stream resumes: the sequence number after which events are sent. */
export type ResumePoint = { ok: true; afterSeq: number } | { ok: false; error: string };

/**
 * Reads the resume point: the `Last-Event-ID` header (sent by EventSource on reconnect) wins over
 * the `?after=` query parameter; neither means "from the start".
 */
export function resumePoint(lastEventId: string | null, after: string | null): ResumePoint {
  for (const [name, raw] of [["Last-Event-ID", lastEventId], ["after", after]] as const) {
    if (raw === null || raw === "") continue;
    if (!/^\d+$/.test(raw)) return { ok: false, error: `${name} must be a non-negative integer event sequence number, got "${raw}"` };
    return { ok: true, afterSeq: Number(raw) };
  }
  return { ok: true, afterSeq: 0 };
}

/** One event as an SSE message: its seq is the id the browser sends back on reconnect. */
export function formatEvent(event: EventRecord): string {
  return `id: ${event.seq}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** What the stream needs: a way to subscribe (replay + live), the request's abort signal, timers. */
export interface EventStreamOptions {
  subscribe: (listener: (event: EventRecord) => void) => Promise<() => void>;
  signal: AbortSignal;
  heartbeatMs?: number;
}

/** Builds the SSE body. Unsubscribes and stops the heartbeat when the client aborts or cancels. */
export function createEventStream({ subscribe, signal, heartbeatMs = HEARTBEAT_MS }: EventStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let closed = false;
  let unsubscribe: (() => void) | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | undefined;

  const cleanup = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe?.();
    signal.removeEventListener("abort", onAbort);
  };
  const onAbort = () => {
    cleanup();
    try {
      controllerRef?.close();
    } catch {
      // Already closed by a cancel from the consumer: nothing left to close.
    }
  };

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      controllerRef = controller;
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener("abort", onAbort);
      send(`retry: ${RETRY_MS}\n: connected\n\n`);
      heartbeat = setInterval(() => send(": heartbeat\n\n"), heartbeatMs);
      try {
        const stop = await subscribe((event) => send(formatEvent(event)));
        if (closed) stop();
        else unsubscribe = stop;
      } catch (error) {
        cleanup();
        controller.error(error);
      }
    },
    cancel() {
      cleanup();
    },
  });
}
