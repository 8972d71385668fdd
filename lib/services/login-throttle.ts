/**
 * Throttling of failed password logins, per user name and per client address: after `failures`
 * failures within `windowMs` (default 5 per minute) further password attempts for that user or from
 * that address are refused, without checking the password, until the oldest failure leaves the
 * window. A success clears the user's failures. Memory stays bounded: at most `maxKeys` keys are
 * tracked (the stalest are dropped first), so a flood of made-up names cannot grow it.
 */

/** Settings of the throttle. */
export interface LoginThrottleOptions {
  /** Failures allowed within the window (default 5). */
  failures?: number;
  /** Length of the window in ms (default one minute). */
  windowMs?: number;
  /** Most keys tracked at once (default 10,000). */
  maxKeys?: number;
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

/** The throttle: `refusal` before checking a password, `failed` / `succeeded` after. */
export interface LoginThrottle {
  refusal(attempt: LoginAttempt): ThrottleRefusal | undefined;
  failed(attempt: LoginAttempt): void;
  succeeded(attempt: LoginAttempt): void;
}

/** Builds a throttle on the given clock (ms). */
export function createLoginThrottle(now: () => number, options: LoginThrottleOptions = {}): LoginThrottle {
  const limit = options.failures ?? 5;
  const windowMs = options.windowMs ?? 60_000;
  const maxKeys = options.maxKeys ?? 10_000;
  /** Failure times per key, oldest first; a Map keeps insertion order, so the stalest key comes first. */
  const failures = new Map<string, number[]>();

  const keysOf = (attempt: LoginAttempt): [ThrottleRefusal["key"], string][] => [
    ["user", `user:${attempt.user}`],
    ...(attempt.address ? [["address", `address:${attempt.address}`] as [ThrottleRefusal["key"], string]] : []),
  ];

  /** The failures of `key` still in the window (dropping the key when none are). */
  function recent(key: string): number[] {
    const since = now() - windowMs;
    const times = (failures.get(key) ?? []).filter((t) => t > since);
    if (times.length === 0) failures.delete(key);
    else failures.set(key, times);
    return times;
  }

  return {
    refusal(attempt) {
      for (const [kind, key] of keysOf(attempt)) {
        const times = recent(key);
        if (times.length >= limit) return { key: kind, retryAfterMs: times[times.length - limit] + windowMs - now(), failures: limit, windowMs };
      }
      return undefined;
    },
    failed(attempt) {
      for (const [, key] of keysOf(attempt)) {
        const times = [...recent(key), now()].slice(-limit);
        failures.delete(key);
        failures.set(key, times);
      }
      while (failures.size > maxKeys) failures.delete(failures.keys().next().value!);
    },
    succeeded(attempt) {
      failures.delete(`user:${attempt.user}`);
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
