/**
 * The clock port: the engine reads time and waits only through it. lib/engine/stack/system-clock.ts
 * is the real one (the default); lib/engine/testing/fake-clock.ts drives time by hand in tests.
 */

/** Time source; tests use a fake one. */
export interface Clock {
  now(): number;
  /** Waits `ms` on this clock; rejects with the signal's reason when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}
