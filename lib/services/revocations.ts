/**
 * Token revocations as the regions of a federation share them (docs/federation.md): each region lists
 * the revocations it holds (its own, and those it learned) for the others to pull, and remembers
 * what it pulls as revoked token rows, which validation already refuses (signed-tokens.ts).
 */
import type { RevocationEvent } from "../federation/revocation-sync";
import type { IdentityStore } from "../store/ports";

/** One revoked token: the SHA-256 of its value (never the token), when it was revoked and when it ends. */
export type Revocation = RevocationEvent;

/** At most this many revocations answer one pull (the puller asks again from the last one). */
export const REVOCATION_PAGE = 500;

/** The revocations `store` holds of tokens not expired at `now`, revoked at or after `since`, oldest first. */
export async function revocationsSince(store: IdentityStore, since: string, now: Date): Promise<Revocation[]> {
  const rows = await store.revokedTokens(since, now.toISOString(), REVOCATION_PAGE);
  return rows.map((r) => ({ hash: r.hash, revokedAt: r.revokedAt!, expiresAt: r.expiresAt }));
}

/** Stores each revocation `store` does not hold yet (a token it knows unrevoked is revoked); answers how many were new. */
export async function learnRevocations(store: IdentityStore, revocations: readonly Revocation[]): Promise<number> {
  let learned = 0;
  for (const r of revocations) {
    const known = await store.findToken(r.hash);
    if (known?.revokedAt) continue;
    if (known) await store.revokeToken(r.hash, r.revokedAt);
    // another process of this region may store the same revocation at the same moment: theirs is as good
    else await store.addToken({ hash: r.hash, userId: "", projectId: null, issuedAt: r.revokedAt, expiresAt: r.expiresAt, revokedAt: r.revokedAt }).catch(async (error: unknown) => {
      if (!(await store.findToken(r.hash))?.revokedAt) throw error;
    });
    learned++;
  }
  return learned;
}
