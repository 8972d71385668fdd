/**
 * OS::Keystone::Group on the cloud's identity service: a group named by `name` (else Heat's made
 * name), renamed and described in place, holding the roles of `roles` on projects (kept in step on
 * update). Its members (OS::Keystone::User `groups`) hold those roles too, so they can log in to
 * those projects. Its Ref is the id, as in Heat; deleting it ends its memberships and grants.
 */
import type { IdentityGroupInfo } from "../../ports";
import { physicalName } from "../support/naming";
import { optString } from "../support/props";
import { defineResource } from "../define";
import { type ResourceContext } from "../types";
import { defaultDomainOnly, groupHolder, identityOf, objectHooks, roleGrants, syncGrants } from "./common";

const nameOf = (ctx: ResourceContext, props: Record<string, unknown>) => optString(props, "name") || physicalName(ctx);

const groupValues = (group: IdentityGroupInfo) => ({ id: group.id, name: group.name, description: group.description, domain_id: "default" });

/** The OS::Keystone::Group plugin. */
export const keystoneGroupResource = defineResource({
  type: "OS::Keystone::Group",
  handlers: {
    async create(ctx) {
      defaultDomainOnly(ctx.properties, "A group");
      const grants = roleGrants(ctx.properties);
      const identity = identityOf(ctx);
      const group = await identity.createGroup({ name: nameOf(ctx, ctx.properties), description: optString(ctx.properties, "description") ?? "" });
      ctx.setPhysicalId(group.id);
      await syncGrants(groupHolder(identity, group.id), [], grants);
    },
    async update(ctx, change) {
      defaultDomainOnly(change.after, "A group");
      const identity = identityOf(ctx);
      const after = change.after;
      await identity.updateGroup(ctx.physicalId!, {
        ...(change.changed.includes("name") ? { name: nameOf(ctx, after) } : {}),
        ...(change.changed.includes("description") ? { description: optString(after, "description") ?? "" } : {}),
      });
      if (change.changed.includes("roles")) await syncGrants(groupHolder(identity, ctx.physicalId!), roleGrants(change.before), roleGrants(after));
    },
    ...objectHooks((identity, id) => identity.getGroup(id), (identity, id) => identity.deleteGroup(id), groupValues),
  },
});
