/**
 * What the OS::Keystone::* plugins share: the identity client of the stack's project, "already gone"
 * on delete, and the `roles` property (a list of {role, project}) turned into grants of a user or a
 * group, kept in step on update by revoking what left the list and granting what joined it; and the delete, check and
 * attribute hooks of a type whose physical id is the identity object's id.
 */
import { IdentityFault, type IdentityClient, type RoleGrant } from "../../ports";
import { optList, optString } from "../support/props";
import type { ResourceContext, ResourceHandlers } from "../types";

/** The stack's identity client; a clear error when the engine has no identity service. */
export function identityOf(ctx: ResourceContext): IdentityClient {
  if (!ctx.identity) throw new Error("No identity service is configured for this cloud");
  return ctx.identity;
}

/** Runs a delete, treating an identity object that is already gone as deleted. */
export async function deleteIgnoringMissing(call: () => Promise<void>): Promise<void> {
  try {
    await call();
  } catch (err) {
    if (!(err instanceof IdentityFault && err.code === "NotFound")) throw err;
  }
}

/** The grants a `roles` property asks for; a domain-scoped grant is refused (Hearth has one domain and no domain roles). */
export function roleGrants(props: Record<string, unknown>): RoleGrant[] {
  return optList<Record<string, unknown>>(props, "roles").map((entry) => {
    const role = entry.role;
    const project = entry.project;
    if (typeof role !== "string" || !role) throw new IdentityFault("BadRequest", "Each entry of roles needs a role.");
    if (typeof project !== "string" || !project) throw new IdentityFault("BadRequest", `Role ${role} needs a project: domain-scoped grants are not supported.`);
    return { role, project };
  });
}

const key = (g: RoleGrant) => `${g.project}\u0000${g.role}`;

/** Who holds grants: a user or a group, by id. */
export interface GrantHolder {
  grant(grant: RoleGrant): Promise<void>;
  revoke(grant: RoleGrant): Promise<void>;
}

/** A user as a grant holder. */
export const userHolder = (identity: IdentityClient, user: string): GrantHolder => ({
  grant: (g) => identity.grant(user, g),
  revoke: (g) => identity.revoke(user, g),
});

/** A group as a grant holder. */
export const groupHolder = (identity: IdentityClient, group: string): GrantHolder => ({
  grant: (g) => identity.grantGroup(group, g),
  revoke: (g) => identity.revokeGroup(group, g),
});

/** Revokes the grants of `before` that `after` lacks and grants those `after` adds, for `holder`. */
export async function syncGrants(holder: GrantHolder, before: RoleGrant[], after: RoleGrant[]): Promise<void> {
  const kept = new Set(after.map(key));
  const had = new Set(before.map(key));
  for (const g of before) if (!kept.has(key(g))) await holder.revoke(g);
  for (const g of after) if (!had.has(key(g))) await holder.grant(g);
}

/** Refuses a domain other than Hearth's one ("default"): `what` names the object. */
export function defaultDomainOnly(props: Record<string, unknown>, what: string): void {
  const domain = optString(props, "domain");
  if (domain && domain !== "default") throw new IdentityFault("BadRequest", `${what} can only live in the default domain (Hearth has one): leave domain unset or "default".`);
}

/** An attribute from `values`, or the whole map for `show`; null for a name it lacks. */
export function keystoneAttribute(name: string, values: Record<string, unknown>): unknown {
  if (name === "show") return values;
  return name in values ? values[name] : null;
}

/** The delete, check and attribute hooks of an identity object whose id is the physical id. */
export function objectHooks<T>(
  read: (identity: IdentityClient, id: string) => Promise<T>,
  remove: (identity: IdentityClient, id: string) => Promise<void>,
  values: (object: T) => Record<string, unknown>,
): Pick<ResourceHandlers, "delete" | "check" | "attribute"> {
  return {
    async delete(ctx) {
      if (ctx.physicalId) await deleteIgnoringMissing(() => remove(identityOf(ctx), ctx.physicalId!));
    },
    async check(ctx) {
      await read(identityOf(ctx), ctx.physicalId ?? "");
    },
    async attribute(ctx, name) {
      return ctx.physicalId ? keystoneAttribute(name, values(await read(identityOf(ctx), ctx.physicalId))) : null;
    },
  };
}
