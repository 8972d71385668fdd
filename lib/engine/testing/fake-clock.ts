/**
 * A manual Clock for tests: time only moves when the test advances it, so timeouts, lock
 * expiry and polling back-off are tested without sleeping.
 */
import type { Clock } from "../ports";

interface Timer {
  due: number;
  order: number;
  resolve: () => void;
}

/** Lets every pending promise chain run (one macrotask turn). */
export function flushAsync(): Promise<void> {
  const g = globalThis as { setImmediate?: (cb: () => void) => unknown };
  return new Promise((resolve) => (g.setImmediate ? g.setImmediate(resolve) : setTimeout(resolve, 0)));
}

/** A Clock whose time moves only through advance() / run(). */
export class FakeClock implements Clock {
  private time: number;
  private timers: Timer[] = [];
  private order = 0;

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer: Timer = { due: this.time + Math.max(0, ms), order: this.order++, resolve: () => undefined };
      const onAbort = () => {
        this.timers = this.timers.filter((t) => t !== timer);
        reject(signal!.reason);
      };
      timer.resolve = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.timers.push(timer);
    });
  }

  /** Number of sleeps waiting for time to pass. */
  pendingTimers(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, firing due timers in order and letting their callers run in between. */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    await flushAsync();
    for (let t = this.nextTimer(); t && t.due <= target; t = this.nextTimer()) {
      this.fire(t);
      await flushAsync();
    }
    this.time = target;
  }

  /**
   * Runs until `promise` settles, jumping from timer to timer (at most `limitMs` of fake time),
   * and returns its value. Throws if it is still pending with no timer left or past the limit.
   */
  async run<T>(promise: Promise<T>, limitMs = 24 * 3600_000): Promise<T> {
    let settled = false;
    const watched = promise.finally(() => (settled = true));
    watched.catch(() => undefined);
    const end = this.time + limitMs;
    await flushAsync();
    while (!settled) {
      const t = this.nextTimer();
      if (!t) throw new Error("FakeClock.run: promise is pending but no timer is waiting");
      if (t.due > end) throw new Error(`FakeClock.run: still pending after ${limitMs} ms of fake time`);
      this.fire(t);
      await flushAsync();
    }
    return watched;
  }

  private nextTimer(): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.timers) if (!best || t.due < best.due || (t.due === best.due && t.order < best.order)) best = t;
    return best;
  }

  /** Fires `t` and every other timer due at the same moment, in the order they were set. */
  private fire(t: Timer): void {
    const due = this.timers.filter((x) => x.due === t.due).sort((a, b) => a.order - b.order);
    this.timers = this.timers.filter((x) => x.due !== t.due);
    this.time = Math.max(this.time, t.due);
    for (const x of due) x.resolve();
  }
}
