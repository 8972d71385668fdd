/**
 * Probing one region of a federation for the console's regions view: unauthenticated GETs of its
 * Heat API root (reachability and round-trip latency) and then, when it answered, the user's
 * project's stacks there through its Heat API with the user's own token (a token issued by any region
 * is accepted by every region). Every request is bounded by the probe timeout, so a region that is
 * down or hangs costs the page at most that long; one that answers and then hangs, a few timeouts
 * (the second ping, the project lookup, the list).
 */
import type { RegionEndpoint } from "../federation/catalog";
import { RegionUnavailableError, RemoteHeat, type RemoteStack } from "../federation/remote-heat";

/** How a region answered the probe. */
export type Reachability = { state: "reachable"; latencyMs: number } | { state: "unreachable"; reason: string };

/** The project's stacks in a region, or why they could not be listed. */
export interface StackListing {
  /** The project's top-level stacks there; undefined when they could not be listed (see stacksError). */
  stacks?: RemoteStack[];
  /** Why the stacks could not be listed (the region unreachable, or its answer). */
  stacksError?: string;
}

/** The default probe timeout: short, since the page waits for the slowest region. */
export const DEFAULT_PROBE_TIMEOUT_MS = 1500;

/** The reason of a failed request: the network cause alone for an unreachable region, else the message. */
export function failureReason(error: unknown, timeoutMs: number): string {
  if (!(error instanceof RegionUnavailableError)) return (error as Error).message;
  return error.reason === "no answer in time" ? `timeout (no answer in ${timeoutMs} ms)` : error.reason;
}

/** A Heat client of `region` acting with `token`, each request bounded by `timeoutMs`. */
export function probeClient(region: RegionEndpoint, token: string, timeoutMs: number): RemoteHeat {
  return new RemoteHeat({ region, token: async () => token, requestTimeoutMs: timeoutMs });
}

/** How many pings a probe sends one after the other; the latency shown is the fastest (as ping's min). */
export const PINGS = 2;

/**
 * Pings the region's Heat root PINGS times in a row and answers the fastest round trip: the first one
 * also pays for the connection, and either may wait for this busy process's event loop (the page's
 * other reads). Callers ping every region at once and alone, before reading their store: a synchronous
 * database read would hold the event loop and add its time to the latency measured.
 */
export async function pingRegion(client: RemoteHeat, timeoutMs: number, now: () => number = () => performance.now()): Promise<Reachability> {
  let fastest = Infinity;
  try {
    for (let i = 0; i < PINGS; i++) {
      const started = now();
      await client.ping();
      fastest = Math.min(fastest, now() - started);
    }
    return { state: "reachable", latencyMs: Math.round(fastest * 10) / 10 };
  } catch (error) {
    return { state: "unreachable", reason: failureReason(error, timeoutMs) };
  }
}

/** The project's stacks in a region that answered its ping, or why they could not be listed. */
export async function listRegion(client: RemoteHeat, timeoutMs: number): Promise<StackListing> {
  try {
    return { stacks: await client.list() };
  } catch (error) {
    return { stacksError: failureReason(error, timeoutMs) };
  }
}
