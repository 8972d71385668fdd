/**
 * A background task of a region's engine that runs every `intervalMs` (the divergence scan, the
 * revocation sync): one tick at a time, the first at once, not keeping the process alive; stop()
 * waits for the running tick.
 */

/** A started ticker. */
export interface Ticker {
  /** Stops ticking; resolves once the running tick (if any) has ended. */
  stop(): Promise<void>;
}

/** Runs `tick` now and then `intervalMs` after each tick ends; a failed tick goes to `onError`. */
export function startTicker(intervalMs: number, tick: () => Promise<unknown>, onError: (error: unknown) => void): Ticker {
  const stopper = new AbortController();
  const loop = (async () => {
    while (!stopper.signal.aborted) {
      await tick().catch(onError);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, intervalMs);
        timer.unref?.();
        stopper.signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
      });
    }
  })();
  return {
    async stop() {
      stopper.abort();
      await loop;
    },
  };
}
