/**
 * GET /identity/v3/OS-REVOKE/events (Keystone's revocation events, Hearth's form): the revocations
 * this region holds of tokens not yet expired, revoked at or after `?since=` (ISO time, inclusive),
 * oldest first, each `{audit_id: SHA-256 of the token, revoked_at, expires_at}`. The other regions of
 * a federation pull it with their Heat's signed trust token (lib/federation/revocation-sync.ts), so a
 * token revoked in one region is refused by all; the cloud admin may read it too.
 */
import { isCloudAdmin } from "../../services/identity-policy";
import { IdentityError, type TokenInfo } from "../../services/identity";
import { badRequest, json } from "../http";
import type { Route } from "../router";
import type { IdentityContext } from "./routes";

/** A token of another region's Heat (signed-tokens.ts gives trust tokens the user id `trust-<region>`). */
const isRegionService = (info: TokenInfo) => info.user.id.startsWith("trust-");

/** The revocation events route; `caller` validates the caller's token. */
export function revokeRoutes(caller: (ctx: IdentityContext) => Promise<TokenInfo>): Route<IdentityContext>[] {
  return [
    {
      method: "GET",
      pattern: "v3/OS-REVOKE/events",
      async handle(ctx) {
        const info = await caller(ctx);
        if (!isRegionService(info) && !isCloudAdmin(info)) throw new IdentityError("Forbidden", "You are not authorized to list revocation events: it needs a region's service token or the cloud admin's.");
        const since = new URL(ctx.request.url).searchParams.get("since") ?? "";
        if (since && Number.isNaN(Date.parse(since))) throw badRequest(`Invalid since "${since}": use an ISO 8601 time.`);
        const events = await ctx.identity.revocations(since);
        return json({ events: events.map((e) => ({ audit_id: e.hash, revoked_at: e.revokedAt, expires_at: e.expiresAt })) });
      },
    },
  ];
}
