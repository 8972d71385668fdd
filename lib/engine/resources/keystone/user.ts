/**
 * OS::Keystone::User on the cloud's identity service: a user with a password, a default project,
 * enabled or not, the roles it holds on projects (`roles`: grants made at create, kept in step on
 * update, taken back on delete) and the groups it is a member of (`groups`, likewise). A created user
 * can log in to a project it holds a role on, its own or a group's; disabled or deleted, it cannot.
 */
import type { IdentityClient, IdentityUserInfo, IdentityUserSpec } from "../../ports";
import { optBool, optList, optString } from "../support/props";
import { physicalName } from "../support/naming";
import { defineResource } from "../define";
import { type PropertyChange, type ResourceContext } from "../types";
import { defaultDomainOnly, identityOf, objectHooks, roleGrants, syncGrants, userHolder } from "./common";

/** What a user's properties ask of the identity service, for the properties named in `only` (all when absent). */
function userSpec(ctx: ResourceContext, props: Record<string, unknown>, only?: string[]): Partial<IdentityUserSpec> {
  const spec: IdentityUserSpec = {
    name: optString(props, "name") || physicalName(ctx),
    description: optString(props, "description") ?? "",
    email: optString(props, "email") ?? null,
    enabled: optBool(props, "enabled") ?? true,
    password: optString(props, "password"),
    defaultProject: optString(props, "default_project") ?? null,
  };
  const property: Record<keyof IdentityUserSpec, string> = {
    name: "name",
    description: "description",
    email: "email",
    enabled: "enabled",
    password: "password",
    defaultProject: "default_project",
  };
  return only ? Object.fromEntries(Object.entries(spec).filter(([k]) => only.includes(property[k as keyof IdentityUserSpec]))) : spec;
}

const groupsOf = (props: Record<string, unknown>) => optList<string>(props, "groups");

/** Takes `user` out of the groups of `before` that `after` lacks and into those `after` adds. */
async function syncGroups(identity: IdentityClient, user: string, before: string[], after: string[]): Promise<void> {
  for (const g of before) if (!after.includes(g)) await identity.removeFromGroup(g, user);
  for (const g of after) if (!before.includes(g)) await identity.addToGroup(g, user);
}

const userValues = (user: IdentityUserInfo) => ({
  id: user.id,
  name: user.name,
  description: user.description,
  email: user.email,
  enabled: user.enabled,
  default_project_id: user.defaultProjectId,
  domain_id: "default",
  password_expires_at: null,
});

/** The OS::Keystone::User plugin. */
export const keystoneUserResource = defineResource({
  type: "OS::Keystone::User",
  handlers: {
    async create(ctx) {
      defaultDomainOnly(ctx.properties, "A user");
      const grants = roleGrants(ctx.properties);
      const identity = identityOf(ctx);
      const user = await identity.createUser(userSpec(ctx, ctx.properties) as IdentityUserSpec);
      ctx.setPhysicalId(user.id);
      await syncGrants(userHolder(identity, user.id), [], grants);
      await syncGroups(identity, user.id, [], groupsOf(ctx.properties));
    },
    async update(ctx, change: PropertyChange) {
      defaultDomainOnly(change.after, "A user");
      const identity = identityOf(ctx);
      const spec = userSpec(ctx, change.after, change.changed);
      if (Object.keys(spec).length) await identity.updateUser(ctx.physicalId!, spec);
      if (change.changed.includes("roles")) await syncGrants(userHolder(identity, ctx.physicalId!), roleGrants(change.before), roleGrants(change.after));
      if (change.changed.includes("groups")) await syncGroups(identity, ctx.physicalId!, groupsOf(change.before), groupsOf(change.after));
    },
    ...objectHooks((identity, id) => identity.getUser(id), (identity, id) => identity.deleteUser(id), userValues),
  },
});
