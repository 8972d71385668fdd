/**
 * Error handling shared by the service-backed plugins: NotFound on delete means "already gone",
 * transient faults during polling mean "ask again", and everything else becomes a clear message
 * that says what was being done, in which region, and why it failed.
 */
import { CloudError } from "../../ports";

/** True when `err` is a cloud NotFound. */
export function isNotFound(err: unknown): boolean {
  return err instanceof CloudError && err.code === "NotFound";
}

/** Runs a cloud call, returning undefined when the object is already gone (delete hooks). */
export async function ignoreNotFound<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** Runs a polling read; a retryable (Transient) fault gives undefined so the caller polls again. */
export async function pollRead<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof CloudError && err.retryable) return undefined;
    throw err;
  }
}

const REASONS: Record<CloudError["code"], string> = {
  NotFound: "not found",
  Conflict: "conflict",
  BadRequest: "bad request",
  QuotaExceeded: "quota exceeded",
  RegionUnavailable: "region unavailable",
  InjectedFault: "cloud fault",
  Transient: "temporary cloud error",
};

/**
 * Rewrites a cloud error as "<action> in <region> failed (<reason>): <message>", keeping non-cloud
 * errors unchanged. `action` reads like "creating server web-1".
 */
export function describeCloudError(err: unknown, action: string, region: string): Error {
  if (!(err instanceof CloudError)) return err instanceof Error ? err : new Error(String(err));
  const wrapped = new Error(`${action} in ${region} failed (${REASONS[err.code]}): ${err.message}`);
  wrapped.name = err.code === "QuotaExceeded" ? "OverLimit" : err.code === "BadRequest" ? "BadRequest" : "CloudError";
  return wrapped;
}

/** Runs a start call and rewrites its cloud errors with `describeCloudError`. */
export async function cloudCall<T>(action: string, region: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw describeCloudError(err, action, region);
  }
}

/** Heat's ResourceInError: the physical resource reached an error status. */
export class ResourceInError extends Error {
  constructor(status: string, fault?: string) {
    super(`Went to status ${status} due to "${fault ?? "Unknown"}"`);
    this.name = "ResourceInError";
  }
}
