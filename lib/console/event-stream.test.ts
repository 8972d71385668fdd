import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EventRecord } from "@/lib/engine/ports";
import { eventRecord as event } from "@/lib/engine/testing/records";
import { createEventStream, formatEvent, resumePoint } from "./event-stream";

/** A fake feed: records the listener, lets the test push events, counts unsubscribes. */
function fakeFeed(replay: EventRecord[] = []) {
  const feed = { listener: undefined as ((e: EventRecord) => void) | undefined, unsubscribed: 0 };
  const subscribe = async (listener: (e: EventRecord) => void) => {
    feed.listener = listener;
    replay.forEach(listener);
    return () => {
      feed.unsubscribed += 1;
    };
  };
  return { feed, subscribe };
}

async function readChunks(reader: ReadableStreamDefaultReader<Uint8Array>, count: number): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  for (let i = 0; i < count; i++) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  return text;
}

describe("resumePoint", () => {
  it("prefers Last-Event-ID, then ?after, then the start", () => {
    expect(resumePoint("12", "3")).toEqual({ ok: true, afterSeq: 12 });
    expect(resumePoint(null, "3")).toEqual({ ok: true, afterSeq: 3 });
    expect(resumePoint("", "")).toEqual({ ok: true, afterSeq: 0 });
  });

  it("rejects a value that is not a sequence number, naming it", () => {
    expect(resumePoint(null, "-1")).toEqual({ ok: false, error: 'after must be a non-negative integer event sequence number, got "-1"' });
    expect(resumePoint("abc", null)).toMatchObject({ ok: false, error: expect.stringContaining("Last-Event-ID") });
  });
});

describe("formatEvent", () => {
  it("uses the seq as the SSE id and the event as JSON data", () => {
    const text = formatEvent(event(7));
    expect(text.startsWith("id: 7\ndata: ")).toBe(true);
    expect(text.endsWith("\n\n")).toBe(true);
    expect(JSON.parse(text.slice("id: 7\ndata: ".length))).toEqual(event(7));
  });
});

describe("createEventStream", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("sends the retry hint, replayed events, then live ones", async () => {
    const { feed, subscribe } = fakeFeed([event(1), event(2)]);
    const reader = createEventStream({ subscribe, signal: new AbortController().signal }).getReader();
    const first = await readChunks(reader, 3);
    expect(first).toContain("retry: 2000\n");
    expect(first).toContain("id: 1\n");
    expect(first).toContain("id: 2\n");
    feed.listener?.(event(3));
    expect(await readChunks(reader, 1)).toContain("id: 3\n");
    await reader.cancel();
  });

  it("sends a heartbeat comment every period", async () => {
    const { subscribe } = fakeFeed();
    const reader = createEventStream({ subscribe, signal: new AbortController().signal, heartbeatMs: 15_000 }).getReader();
    await readChunks(reader, 1);
    vi.advanceTimersByTime(15_000);
    expect(await readChunks(reader, 1)).toBe(": heartbeat\n\n");
    await reader.cancel();
  });

  it("unsubscribes, stops the heartbeat and ends the stream when the client aborts", async () => {
    const { feed, subscribe } = fakeFeed();
    const abort = new AbortController();
    const reader = createEventStream({ subscribe, signal: abort.signal }).getReader();
    await readChunks(reader, 1);
    abort.abort();
    expect(feed.unsubscribed).toBe(1);
    expect(await reader.read()).toEqual({ done: true, value: undefined });
    expect(vi.getTimerCount()).toBe(0);
    feed.listener?.(event(9));
  });

  it("unsubscribes when the consumer cancels", async () => {
    const { feed, subscribe } = fakeFeed();
    const reader = createEventStream({ subscribe, signal: new AbortController().signal }).getReader();
    await readChunks(reader, 1);
    await reader.cancel();
    expect(feed.unsubscribed).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
