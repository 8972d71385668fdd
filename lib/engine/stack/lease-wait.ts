/**
 * Waiting for a stack another operation holds (a StackBusy), for a hook that must change it next (a
 * FailoverPolicy's step, say, whose followers' stack or group a peer's sweep is carrying on): instead of
 * trying its change again every so often, it waits for the holder's lease to go. An operation of this
 * engine is awaited as it ends; another engine's lease is read again from the store, backing off from
 * the engine's poll interval to 1 s, and never slept past its expiry, so a release is seen within a
 * second and a dead holder's lease the moment it runs out.
 */
import type { EngineCore } from "./core";

/** Longest pause between two reads of another engine's lease. */
const MAX_READ_INTERVAL_MS = 1_000;

/**
 * Resolves once no operation holds stack `stackId` (this engine runs none on it and its lease is
 * released or expired) or the engine's clock reaches `until`, whichever is first; rejects when `signal` aborts.
 */
export async function untilStackFree(
  core: Pick<EngineCore, "clock" | "store" | "running" | "pollIntervalMs">,
  stackId: string,
  until: number,
  signal: AbortSignal,
): Promise<void> {
  let interval = Math.max(1, core.pollIntervalMs);
  for (;;) {
    signal.throwIfAborted();
    const now = core.clock.now();
    if (now >= until) return;
    const local = core.running.get(stackId);
    const lock = local ? undefined : await core.store.getLock(stackId);
    if (!local && (!lock || lock.expiresAt <= now)) return;
    const wake = Math.min(until, lock?.expiresAt ?? Infinity, now + interval);
    const stop = new AbortController();
    const pause = core.clock.sleep(Math.max(1, wake - now), AbortSignal.any([signal, stop.signal])).catch((error: unknown) => {
      if (signal.aborted) throw error;
    });
    try {
      await (local ? Promise.race([local.finished, pause]) : pause);
    } finally {
      stop.abort();
    }
    interval = Math.min(MAX_READ_INTERVAL_MS, interval * 2);
  }
}
