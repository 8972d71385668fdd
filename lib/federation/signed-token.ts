/**
 * Signed tokens every region of a federation validates on its own, with no call to the region that
 * issued them (as Keystone's fernet/JWS tokens): `hs1.<payload>.<signature>`, the payload base64url
 * JSON and the signature HMAC-SHA256 of `hs1.<payload>` under the federation's shared tokenKey.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** What a signed token says. Names, not ids: each region's identity rows have ids of their own. */
export interface SignedTokenClaims {
  /** "user": a user's own token; "trust": minted by a region's Heat to act for a project on a remote child. */
  kind: "user" | "trust";
  /** The user's name (for "trust": the minting region's Heat, e.g. heat@RegionOne). */
  user: string;
  /** The scoped project's name; null for an unscoped token. */
  project: string | null;
  /** Role names held when issued ("trust": the roles delegated; "user": informational, each region reads its own grants). */
  roles: string[];
  /** Auth methods used to get it. */
  methods: string[];
  /** The issuing region. */
  issuer: string;
  issuedAt: string;
  expiresAt: string;
}

const PREFIX = "hs1.";

/** Signs and verifies tokens under one shared key. */
export interface TokenSigner {
  sign(claims: SignedTokenClaims): string;
  /** The claims of a token with a good signature and well-formed payload (expiry not checked); undefined otherwise. */
  verify(token: string): SignedTokenClaims | undefined;
  /** Whether `token` has the signed format (so stored-token lookup is not the way to check it). */
  isSigned(token: string): boolean;
}

/** A TokenSigner over `key` (the federation's tokenKey). */
export function tokenSigner(key: string): TokenSigner {
  const mac = (text: string) => createHmac("sha256", key).update(text).digest();
  return {
    sign(claims) {
      const body = `${PREFIX}${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
      return `${body}.${mac(body).toString("base64url")}`;
    },
    verify(token) {
      const dot = token.lastIndexOf(".");
      if (!token.startsWith(PREFIX) || dot <= PREFIX.length) return undefined;
      const body = token.slice(0, dot);
      const given = Buffer.from(token.slice(dot + 1), "base64url");
      const expected = mac(body);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      try {
        const claims = JSON.parse(Buffer.from(body.slice(PREFIX.length), "base64url").toString("utf8")) as SignedTokenClaims;
        const wellFormed = (claims.kind === "user" || claims.kind === "trust") && typeof claims.user === "string" && typeof claims.expiresAt === "string" && Array.isArray(claims.roles);
        return wellFormed ? claims : undefined;
      } catch {
        return undefined;
      }
    },
    isSigned: (token) => token.startsWith(PREFIX),
  };
}
