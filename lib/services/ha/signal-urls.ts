/**
 * Delivery of pre-signed signal URLs: the route (app/api/signals/[token]) and the HA monitor's alarm
 * actions both go through `byToken`, so an alarm POST is verified exactly as an HTTP POST is.
 */
import { SignalUrlRefused, tokenOfUrl, verifyToken, type SignalTarget } from "./presign";

/** Delivers a verified signal (engine.signal). */
export type Deliver = (stackId: string, resource: string, details: unknown) => Promise<void>;

/** Verifies signal tokens and URLs under `secret` and delivers them. */
export interface SignalDispatcher {
  /** Verifies `token` and signals its resource; the details carry the action ("signal" or "alarm"). */
  byToken(token: string, details: unknown): Promise<SignalTarget>;
  /** The same for a full signal URL; any other URL is refused (Hearth makes no outside calls). */
  byUrl(url: string, details: unknown): Promise<void>;
}

/** Builds the dispatcher. */
export function createSignalDispatcher(secret: string, deliver: Deliver): SignalDispatcher {
  const byToken = async (token: string, details: unknown): Promise<SignalTarget> => {
    const target = verifyToken(secret, token);
    await deliver(target.stackId, target.resource, details);
    return target;
  };
  return {
    byToken,
    async byUrl(url, details) {
      const token = tokenOfUrl(url);
      if (!token) throw new SignalUrlRefused();
      await byToken(token, details);
    },
  };
}
