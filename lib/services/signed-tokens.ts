/**
 * The identity's side of signed tokens (lib/federation/signed-token.ts): issuing them, and validating
 * one against this region's own identity data, so a token from any region of a federation is
 * accepted here without calling its issuer. The user and project are found by name (each region's
 * rows have their own ids; an operator keeps the data in sync, docs/federation.md), the roles are
 * this region's grants, and a revoked token is remembered as a revoked token row.
 */
import { createHash } from "node:crypto";
import type { SignedTokenClaims, TokenSigner } from "../federation/signed-token";
import type { IdentityStore, RoleRow } from "../store/ports";
import { ADMIN_PROJECT_NAME } from "./identity-policy";
import type { TokenInfo } from "./identity";

/** How this region signs: the shared signer and the region's name (the tokens' issuer). */
export interface SignedTokenSettings {
  signer: TokenSigner;
  issuer: string;
}

/** SHA-256 of a token, as the token rows key them. */
export const tokenHash = (token: string): string => createHash("sha256").update(token).digest("hex");

const notFound = () => Object.assign(new Error("Could not find token."), { code: "NotFound" as const });

/** Issues a signed user token for what `info` says (the caller checked the credentials and scope). */
export function issueSignedToken(settings: SignedTokenSettings, info: Omit<TokenInfo, "isAdminProject">): string {
  return settings.signer.sign({
    kind: "user",
    user: info.user.name,
    project: info.project?.name ?? null,
    roles: info.roles.map((r) => r.name),
    methods: info.methods,
    issuer: settings.issuer,
    issuedAt: info.issuedAt,
    expiresAt: info.expiresAt,
  });
}

/** Mints a trust token: this region's Heat acting for `project` with `roles` (a remote child's operations). */
export function mintTrustToken(settings: SignedTokenSettings, project: string, roles: string[], ttlMs: number, now = new Date()): string {
  const claims: SignedTokenClaims = {
    kind: "trust",
    user: `heat@${settings.issuer}`,
    project,
    roles,
    methods: ["token"],
    issuer: settings.issuer,
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
  };
  return settings.signer.sign(claims);
}

/**
 * What a signed token stands for in this region; throws an error with code "NotFound" (the caller
 * maps it to IdentityError) for a bad signature, an expired or revoked token, or a user or project
 * this region does not have, or has disabled.
 */
export async function validateSignedToken(store: IdentityStore, settings: SignedTokenSettings, token: string, now: Date): Promise<TokenInfo> {
  const claims = settings.signer.verify(token);
  if (!claims || claims.expiresAt <= now.toISOString()) throw notFound();
  if ((await store.findToken(tokenHash(token)))?.revokedAt) throw notFound();
  const project = claims.project === null ? null : await store.findProject(claims.project);
  if (project === undefined || project?.enabled === false) throw notFound();
  let user: { id: string; name: string };
  let roles: RoleRow[];
  if (claims.kind === "trust") {
    if (!project) throw notFound();
    user = { id: `trust-${claims.issuer}`, name: claims.user };
    roles = (await store.listRoles()).filter((r) => claims.roles.includes(r.name));
  } else {
    const row = await store.findUser(claims.user);
    if (!row?.enabled) throw notFound();
    user = { id: row.id, name: row.name };
    roles = project ? await store.rolesOn(row.id, project.id) : [];
    if (project && roles.length === 0) throw notFound();
  }
  return {
    user,
    project: project && { id: project.id, name: project.name },
    isAdminProject: project?.name === ADMIN_PROJECT_NAME,
    roles,
    issuedAt: claims.issuedAt,
    expiresAt: claims.expiresAt,
    methods: claims.methods,
  };
}
