/**
 * OS::Keystone::User and OS::Keystone::UserRoleAssignment on the cloud's identity service: a user
 * with a password, a default project, enabled or not, and the roles it holds on projects (`roles`:
 * grants made at create, kept in step on update, taken back on delete). A created user can log in
 * to a project it holds a role on; disabled or deleted, it cannot. Hearth's identity has no groups:
 * a user template that names `groups` is refused.
 */
import type { IdentityUserInfo, IdentityUserSpec } from "../../ports";
import { optBool, optList, optString, reqString } from "../support/props";
import { physicalName } from "../support/naming";
import { defineResource, type PropertyChange, type ResourceContext } from "../types";
import { deleteIgnoringMissing, identityOf, keystoneAttribute, objectHooks, roleGrants, syncGrants } from "./common";

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

function refuseGroups(props: Record<string, unknown>): void {
  if (optList(props, "groups").length) throw new Error("Groups are not supported by Hearth's identity: leave groups unset");
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
      refuseGroups(ctx.properties);
      const grants = roleGrants(ctx.properties);
      const identity = identityOf(ctx);
      const user = await identity.createUser(userSpec(ctx, ctx.properties) as IdentityUserSpec);
      ctx.setPhysicalId(user.id);
      await syncGrants(identity, user.id, [], grants);
    },
    async update(ctx, change: PropertyChange) {
      refuseGroups(change.after);
      const identity = identityOf(ctx);
      const spec = userSpec(ctx, change.after, change.changed);
      if (Object.keys(spec).length) await identity.updateUser(ctx.physicalId!, spec);
      if (change.changed.includes("roles")) await syncGrants(identity, ctx.physicalId!, roleGrants(change.before), roleGrants(change.after));
    },
    ...objectHooks((identity, id) => identity.getUser(id), (identity, id) => identity.deleteUser(id), userValues),
  },
});

/** The OS::Keystone::UserRoleAssignment plugin: `roles` granted to an existing `user`. */
export const keystoneUserRoleAssignmentResource = defineResource({
  type: "OS::Keystone::UserRoleAssignment",
  handlers: {
    async create(ctx) {
      const identity = identityOf(ctx);
      const user = await identity.getUser(reqString(ctx.properties, "user"));
      await syncGrants(identity, user.id, [], roleGrants(ctx.properties));
      ctx.setPhysicalId(physicalName(ctx));
      ctx.setData("user", user.id);
    },
    async update(ctx, change) {
      const identity = identityOf(ctx);
      const before = ctx.data.user ?? reqString(change.before, "user");
      const user = (await identity.getUser(reqString(change.after, "user"))).id;
      if (user === before) await syncGrants(identity, user, roleGrants(change.before), roleGrants(change.after));
      else {
        await deleteIgnoringMissing(() => syncGrants(identity, before, roleGrants(change.before), []));
        await syncGrants(identity, user, [], roleGrants(change.after));
        ctx.setData("user", user);
      }
    },
    async delete(ctx) {
      const user = ctx.data.user;
      if (user) await deleteIgnoringMissing(() => syncGrants(identityOf(ctx), user, roleGrants(ctx.properties), []));
    },
    async check(ctx) {
      await identityOf(ctx).getUser(ctx.data.user ?? "");
    },
    async attribute(ctx, name) {
      return keystoneAttribute(name, { user: ctx.data.user ?? null, roles: roleGrants(ctx.properties) });
    },
  },
});
