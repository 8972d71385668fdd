/**
 * Pre-signed signal URLs: `<base>/api/signals/<token>`, where the token carries (stack id, resource,
 * action) and an HMAC-SHA256 of them under a secret only the services hold. Anyone holding a URL can
 * POST to it; nobody without the secret can make one for another resource or action.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { SignalPresigner } from "../../engine/stack/api";
import { ServiceError } from "../errors";

/** What a signal URL lets its holder signal. */
export interface SignalTarget {
  stackId: string;
  resource: string;
  action: string;
}

/** A token that is malformed or whose signature does not match: code "SignalUrlRefused" (the route answers 403). */
export class SignalUrlRefused extends ServiceError {
  constructor() {
    super("SignalUrlRefused", "Signal URL refused: the token is malformed or its signature does not match");
    this.name = "SignalUrlRefused";
  }
}

/** The path prefix of signal URLs (app/api/signals/[token]/route.ts). */
export const SIGNAL_PATH = "/api/signals/";

const b64 = (data: string | Buffer) => Buffer.from(data).toString("base64url");

function mac(secret: string, payload: string): Buffer {
  return createHmac("sha256", secret).update(payload).digest();
}

/** The signed token for `target`. */
export function signToken(secret: string, target: SignalTarget): string {
  const payload = b64(JSON.stringify([target.stackId, target.resource, target.action]));
  return `${payload}.${b64(mac(secret, payload))}`;
}

/**
 * The target a token grants; throws SignalUrlRefused when it is malformed or forged. The signature
 * is compared as text with the one canonical spelling signToken writes (a base64url decoder would also
 * take padding, `+` and `/`, stray characters and other low bits in the last character), so each
 * target has exactly one valid token.
 */
export function verifyToken(secret: string, token: string): SignalTarget {
  const [payload, signature, ...rest] = token.split(".");
  const refused = new SignalUrlRefused();
  if (!payload || !signature || rest.length > 0) throw refused;
  const given = Buffer.from(signature, "utf8");
  const expected = Buffer.from(b64(mac(secret, payload)), "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refused;
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw refused;
  }
  if (!Array.isArray(parts) || parts.length !== 3 || !parts.every((p) => typeof p === "string")) throw refused;
  const [stackId, resource, action] = parts as string[];
  return { stackId, resource, action };
}

/** The token of a signal URL (anything after the signals path), or undefined for another URL. */
export function tokenOfUrl(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  if (!path.startsWith(SIGNAL_PATH)) return undefined;
  const token = path.slice(SIGNAL_PATH.length);
  return token && !token.includes("/") ? decodeURIComponent(token) : undefined;
}

/** The engine's presigner over `secret`, making URLs under `baseUrl` (see public-url.ts). */
export function createPresigner(secret: string, baseUrl: string): SignalPresigner {
  return { url: (target) => `${baseUrl}${SIGNAL_PATH}${signToken(secret, target)}` };
}
