import { describe, expect, it } from "vitest";
import { FakeClock, MemoryStackStore } from "../testing";
import type { RunningOperation } from "./core";
import { untilStackFree } from "./lease-wait";

const START = Date.UTC(2026, 0, 1);

/** An engine's view for untilStackFree: a store on a fake clock, counting lock reads; `running` holds this engine's operations. */
function engineView() {
  const clock = new FakeClock(START);
  const store = new MemoryStackStore(() => clock.now());
  let reads = 0;
  const getLock = store.getLock.bind(store);
  store.getLock = (id) => (reads++, getLock(id));
  const running = new Map<string, RunningOperation>();
  return { clock, store, running, pollIntervalMs: 20, reads: () => reads };
}

/** When (ms after START) `wait` resolved, driving the fake clock until it does (bounded by the clock's run limit). */
async function resolvedAt(view: ReturnType<typeof engineView>, wait: Promise<void>): Promise<number> {
  await view.clock.run(wait, 120_000);
  return view.clock.now() - START;
}

describe("untilStackFree", () => {
  it("answers at once for a stack nobody holds", async () => {
    const view = engineView();
    expect(await resolvedAt(view, untilStackFree(view, "s", START + 30_000, new AbortController().signal))).toBe(0);
    expect(view.reads()).toBe(1);
  });

  it("sees a peer's release within a second, reading the lease a few times instead of sleeping until its expiry", async () => {
    const view = engineView();
    await view.store.acquireLock("s", "peer", 20_000);
    const wait = untilStackFree(view, "s", START + 30_000, new AbortController().signal);
    let done = false;
    void wait.then(() => (done = true));
    await view.clock.advance(5_000);
    expect(done).toBe(false);
    await view.store.releaseLock("s", "peer");
    const at = await resolvedAt(view, wait);
    expect(at).toBeGreaterThanOrEqual(5_000);
    expect(at).toBeLessThanOrEqual(6_000);
    // backing off from 20 ms to 1 s: about a dozen reads over 6 s, not one every poll interval
    expect(view.reads()).toBeLessThan(15);
  });

  it("answers when a dead peer's lease expires, and gives up at `until` while a live one renews it", async () => {
    const view = engineView();
    await view.store.acquireLock("dead", "peer", 2_500);
    expect(await resolvedAt(view, untilStackFree(view, "dead", START + 30_000, new AbortController().signal))).toBe(2_500);

    // a live peer renews its lease every 500 ms of the same clock
    await view.store.acquireLock("live", "peer", 2_000);
    const stopPeer = new AbortController();
    const peer = (async () => {
      while (!stopPeer.signal.aborted) {
        await view.clock.sleep(500, stopPeer.signal).catch(() => undefined);
        await view.store.renewLock("live", "peer", 2_000);
      }
    })();
    const wait = untilStackFree(view, "live", START + 2_500 + 10_000, new AbortController().signal);
    expect(await resolvedAt(view, wait)).toBe(12_500);
    expect(await view.store.getLock("live")).toMatchObject({ owner: "peer" });
    stopPeer.abort();
    await peer;
  });

  it("awaits this engine's own operation on the stack as it ends, and rejects when aborted", async () => {
    const view = engineView();
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    view.running.set("own", { stackId: "own", startGeneration: 1, cancel: () => {}, operation: () => undefined, finished });
    const wait = untilStackFree(view, "own", START + 30_000, new AbortController().signal);
    await view.clock.advance(3_000);
    view.running.delete("own");
    finish();
    expect(await resolvedAt(view, wait)).toBe(3_000);
    expect(view.reads()).toBe(1); // only once the operation had ended

    await view.store.acquireLock("held", "peer", 60_000);
    const stop = new AbortController();
    const aborted = untilStackFree(view, "held", START + 30_000, stop.signal);
    stop.abort(new Error("operation cancelled"));
    await expect(aborted).rejects.toThrow("operation cancelled");
  });
});
