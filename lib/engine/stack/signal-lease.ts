/**
 * The cross-engine lease on signals to one resource: every engine sharing the store handles the
 * signals to a resource one at a time (a failover of a FailoverPolicy never runs twice at once). The
 * lease lives in the store's lock table under `signal:<stack id>/<resource>`, is renewed while the
 * signal is handled, and expires when its engine dies, so a waiting engine takes it over (and the
 * plugin carries on what the dead engine left half done, see FailoverPolicy).
 */
import { conflict } from "../errors";
import type { EngineCore } from "./core";

/** The lock-table key of the signal lease of resource `name` of stack `stackId`. */
export function signalLeaseKey(stackId: string, name: string): string {
  return `signal:${stackId}/${name}`;
}

/** How long a signal waits for another engine's signal to the same resource before a Conflict. */
export const SIGNAL_WAIT_LIMIT_MS = 15 * 60_000;

/** A held signal lease: `lost` aborts if a renewal fails (the handling must stop); release() lets it go. */
export interface SignalLease {
  lost: AbortSignal;
  release(): Promise<void>;
}

/** How often a waiting engine looks at the lease, and a holder renews it. */
function beat(core: EngineCore): number {
  return Math.max(core.pollIntervalMs, Math.min(1000, core.lockTtlMs / 5));
}

/**
 * Takes the signal lease of `key`, waiting while another engine holds it (`onWait` is told the holder
 * once, before the first wait); throws Conflict after SIGNAL_WAIT_LIMIT_MS. The same owner (this
 * engine) may always take it: its own signals are queued in memory before they get here.
 */
export async function takeSignalLease(core: EngineCore, key: string, onWait: (holder: string) => Promise<void>): Promise<SignalLease> {
  const deadline = core.clock.now() + SIGNAL_WAIT_LIMIT_MS;
  let told = false;
  while (!(await core.store.acquireLock(key, core.owner, core.lockTtlMs))) {
    const holder = (await core.store.getLock(key))?.owner ?? "another engine";
    if (core.clock.now() >= deadline) throw conflict(`${key.slice("signal:".length)} is still handling a signal in ${holder} after ${SIGNAL_WAIT_LIMIT_MS / 60_000} min`);
    if (!told) await onWait(holder);
    told = true;
    await core.clock.sleep(beat(core));
  }
  return holdLease(core, key);
}

/** Renews a taken lease until released; a failed renewal (lost lease, halted store) aborts `lost`. */
function holdLease(core: EngineCore, key: string): SignalLease {
  const lost = new AbortController();
  const stop = new AbortController();
  const renewing = (async () => {
    while (!stop.signal.aborted) {
      await core.clock.sleep(beat(core), stop.signal).catch(() => undefined);
      if (stop.signal.aborted) return;
      const kept = await core.store.renewLock(key, core.owner, core.lockTtlMs).catch(() => false);
      if (!kept) return lost.abort(new Error(`the signal lease ${key} was lost`));
    }
  })();
  return {
    lost: lost.signal,
    async release() {
      stop.abort();
      await renewing;
      // a release that fails (a halted store) leaves the lease to expire, as a dead engine's does
      if (!lost.signal.aborted) await core.store.releaseLock(key, core.owner).catch(() => undefined);
    },
  };
}
