/**
 * Throttling of failed password logins, per user name and per client address: after `failures`
 * failures within `windowMs` (default 5 per minute) further password attempts for that user or from
 * that address are refused, without checking the password, until the oldest failure leaves the
 * window. A success clears the user's failures. The counts live in the database (LoginFailureStore),
 * so every console and engine process on it shares one budget, and each try is taken before its
 * password is checked, in one atomic step: two processes can never both be given a key's last try.
 * Keys with no failure left in the window are dropped, so a flood of made-up names does not stay.
 */
import type { LoginFailureStore } from "../store/ports";

/** Settings of the throttle. */
export interface LoginThrottleOptions {
  /** Failures allowed within the window (default 5). */
  failures?: number;
  /** Length of the window in ms (default one minute). */
  windowMs?: number;
}

/** Who is trying to log in: the user name given, and the client's address when known. */
export interface LoginAttempt {
  user: string;
  address?: string;
}

/** A refusal: which key is throttled, and in how many ms it may try again. */
export interface ThrottleRefusal {
  key: "user" | "address";
  retryAfterMs: number;
  failures: number;
  windowMs: number;
}

/** What taking a try gives: the refusal, or the try, to be settled with `succeeded` when the password is right. */
export type ThrottleTry = { refusal: ThrottleRefusal } | { refusal?: undefined; succeeded(): Promise<void> };

/** The throttle: `take` before checking a password (the try counts as a failure until `succeeded`). */
export interface LoginThrottle {
  take(attempt: LoginAttempt): Promise<ThrottleTry>;
}

/** Builds a throttle keeping its counts in `store`, on the given clock (ms). */
export function createLoginThrottle(store: LoginFailureStore, now: () => number, options: LoginThrottleOptions = {}): LoginThrottle {
  const limit = options.failures ?? 5;
  const windowMs = options.windowMs ?? 60_000;
  return {
    async take(attempt) {
      const at = now();
      const keys: [ThrottleRefusal["key"], string][] = [["user", `user:${attempt.user}`]];
      if (attempt.address) keys.push(["address", `address:${attempt.address}`]);
      const full = await store.record(keys.map(([, key]) => key), at, at - windowMs, limit);
      if (full) {
        const kind = keys.find(([, key]) => key === full.key)![0];
        return { refusal: { key: kind, retryAfterMs: full.times[full.times.length - limit] + windowMs - at, failures: limit, windowMs } };
      }
      return {
        async succeeded() {
          await store.forget(keys[0][1]);
          if (keys[1]) await store.takeBack(keys[1][1], at);
        },
      };
    },
  };
}

/** The message of a refusal, naming what is throttled, the limit, and when to try again. */
export function throttleMessage(refusal: ThrottleRefusal, attempt: LoginAttempt): string {
  const who = refusal.key === "user" ? `user ${attempt.user}` : `address ${attempt.address}`;
  const seconds = Math.max(1, Math.ceil(refusal.retryAfterMs / 1000));
  return `Too many failed logins for ${who} (${refusal.failures} in ${Math.round(refusal.windowMs / 1000)} s): try again in ${seconds} s.`;
}

/**
 * The client's address as the front proxy reports it (first X-Forwarded-For entry, else X-Real-IP);
 * undefined when neither is set. A client can forge these headers, which only splits its per-address
 * count: the per-user count still holds.
 */
export function clientAddress(headers: Pick<Headers, "get">): string | undefined {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || undefined;
}
