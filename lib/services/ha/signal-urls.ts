/**
 * Delivery of pre-signed signal URLs: the route (app/api/signals/[token]) and the HA monitor's alarm
 * actions both go through `byToken`, so an alarm POST is verified exactly as an HTTP POST is.
 */
import { SignalUrlRefused, tokenOfUrl, verifyToken, type SignalTarget } from "./presign";

/** Delivers a verified signal (engine.signal). */
export type Deliver = (stackId: string, resource: string, details: unknown) => Promise<void>;

/** Reads a signal's details, called only once its token is verified (an HTTP body is read then, not before). */
export type ReadDetails = () => Promise<unknown>;

/** Verifies signal tokens and URLs under `secret` and delivers them. */
export interface SignalDispatcher {
  /** Verifies `token`, then reads the details and signals its resource (the action is "signal" or "alarm"). */
  byToken(token: string, readDetails: ReadDetails): Promise<SignalTarget>;
  /** The same for a full signal URL; any other URL is refused (Hearth makes no outside calls). */
  byUrl(url: string, details: unknown): Promise<void>;
}

/** Builds the dispatcher. */
export function createSignalDispatcher(secret: string, deliver: Deliver): SignalDispatcher {
  const byToken = async (token: string, readDetails: ReadDetails): Promise<SignalTarget> => {
    const target = verifyToken(secret, token);
    await deliver(target.stackId, target.resource, await readDetails());
    return target;
  };
  return {
    byToken,
    async byUrl(url, details) {
      const token = tokenOfUrl(url);
      if (!token) throw new SignalUrlRefused();
      await byToken(token, async () => details);
    },
  };
}
