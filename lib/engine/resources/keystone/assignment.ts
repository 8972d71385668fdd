/**
 * OS::Keystone::UserRoleAssignment and OS::Keystone::GroupRoleAssignment: `roles` granted to an
 * existing user or group (named by the `user` or `group` property), kept in step on update (a new
 * holder: the old one's grants taken back, the new one's made) and taken back on delete.
 */
import type { IdentityClient } from "../../ports";
import { physicalName } from "../support/naming";
import { reqString } from "../support/props";
import { defineResource } from "../define";
import { type ResourcePlugin } from "../types";
import { deleteIgnoringMissing, groupHolder, identityOf, keystoneAttribute, roleGrants, syncGrants, userHolder, type GrantHolder } from "./common";

/** How an assignment reaches its holder: the property naming it, its id by ref, the holder by id. */
interface HolderKind {
  property: "user" | "group";
  find(identity: IdentityClient, ref: string): Promise<{ id: string }>;
  holder(identity: IdentityClient, id: string): GrantHolder;
}

function roleAssignmentResource(type: string, kind: HolderKind): ResourcePlugin {
  const { property } = kind;
  return defineResource({
    type,
    handlers: {
      async create(ctx) {
        const identity = identityOf(ctx);
        const holder = await kind.find(identity, reqString(ctx.properties, property));
        await syncGrants(kind.holder(identity, holder.id), [], roleGrants(ctx.properties));
        ctx.setPhysicalId(physicalName(ctx));
        ctx.setData(property, holder.id);
      },
      async update(ctx, change) {
        const identity = identityOf(ctx);
        const before = ctx.data[property] ?? reqString(change.before, property);
        const after = (await kind.find(identity, reqString(change.after, property))).id;
        if (after === before) await syncGrants(kind.holder(identity, after), roleGrants(change.before), roleGrants(change.after));
        else {
          await deleteIgnoringMissing(() => syncGrants(kind.holder(identity, before), roleGrants(change.before), []));
          await syncGrants(kind.holder(identity, after), [], roleGrants(change.after));
          ctx.setData(property, after);
        }
      },
      async delete(ctx) {
        const id = ctx.data[property];
        if (id) await deleteIgnoringMissing(() => syncGrants(kind.holder(identityOf(ctx), id), roleGrants(ctx.properties), []));
      },
      async check(ctx) {
        await kind.find(identityOf(ctx), ctx.data[property] ?? "");
      },
      async attribute(ctx, name) {
        return keystoneAttribute(name, { [property]: ctx.data[property] ?? null, roles: roleGrants(ctx.properties) });
      },
    },
  });
}

/** The OS::Keystone::UserRoleAssignment plugin: `roles` granted to an existing `user`. */
export const keystoneUserRoleAssignmentResource = roleAssignmentResource("OS::Keystone::UserRoleAssignment", {
  property: "user",
  find: (identity, ref) => identity.getUser(ref),
  holder: userHolder,
});

/** The OS::Keystone::GroupRoleAssignment plugin: `roles` granted to an existing `group` (so to each of its members). */
export const keystoneGroupRoleAssignmentResource = roleAssignmentResource("OS::Keystone::GroupRoleAssignment", {
  property: "group",
  find: (identity, ref) => identity.getGroup(ref),
  holder: groupHolder,
});
