/**
 * Runs a plugin's start hook, then polls its check hook on the engine's clock until it reports
 * completion. The poll interval starts at pollIntervalMs and grows with the time already waited
 * (2% of it) up to 1 s, so a long wait is noticed within ~2% of its length and short ones quickly.
 */
import type { Token } from "../resources/types";
import type { Operation } from "./operation";
import type { HookContext } from "./runtime";

/** Rejects with the signal's reason as soon as it aborts, whatever `promise` does. */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    // its outcome no longer matters, but a rejection of it must not go unhandled (it ends the process)
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}

/** The longest pause between two polls. */
export const MAX_POLL_INTERVAL_MS = 1000;

/** The pause before the next poll after `elapsed` ms of waiting. */
export function pollInterval(first: number, elapsed: number): number {
  return Math.min(MAX_POLL_INTERVAL_MS, Math.max(first, elapsed * 0.02));
}

type Start = (ctx: HookContext["ctx"]) => Promise<Token>;
type Check = (ctx: HookContext["ctx"], token: Token) => Promise<boolean>;

/**
 * Runs `start` then polls `check` (if any) until it returns true; persists the context after each
 * call. Every caller runs inside a resource's transition, whose next commit (COMPLETE or FAILED)
 * stores the record: with no check to wait for, a new physical id goes in that commit instead of
 * one of its own (one commit fewer per resource on the critical path); data and notes, which other
 * hooks read back from the store, are still stored first.
 */
export async function runHook(op: Operation, hc: HookContext, start: Start | undefined, check: Check | undefined, signal: AbortSignal): Promise<void> {
  if (!start) return;
  const clock = op.core.clock;
  let token: Token;
  try {
    token = await abortable(start(hc.ctx), signal);
  } finally {
    await (check ? hc.flush() : hc.flushShared());
  }
  if (!check) return;
  const began = clock.now();
  for (;;) {
    await clock.sleep(pollInterval(op.core.pollIntervalMs, clock.now() - began), signal);
    let done: boolean;
    try {
      done = await abortable(check(hc.ctx, token), signal);
    } finally {
      await hc.flush();
    }
    if (done) return;
  }
}
