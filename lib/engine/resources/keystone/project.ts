/**
 * OS::Keystone::Project and OS::Keystone::Role on the cloud's identity service: a project named by
 * `name` (else Heat's made name), enabled or not, renamed and described in place; a role likewise.
 * Their Ref is the id, as in Heat. Hearth has one domain ("default") and no project hierarchy.
 */
import type { IdentityProjectInfo } from "../../ports";
import { optBool, optString } from "../support/props";
import { physicalName } from "../support/naming";
import { defineResource } from "../define";
import { type ResourceContext } from "../types";
import { identityOf, objectHooks } from "./common";

const nameOf = (ctx: ResourceContext, props: Record<string, unknown>) => optString(props, "name") || physicalName(ctx);

const projectValues = (project: IdentityProjectInfo) => ({
  id: project.id,
  name: project.name,
  description: project.description,
  enabled: project.enabled,
  domain_id: "default",
  is_domain: false,
  parent_id: "default",
});

/** The OS::Keystone::Project plugin. */
export const keystoneProjectResource = defineResource({
  type: "OS::Keystone::Project",
  handlers: {
    async create(ctx) {
      const p = ctx.properties;
      if (optString(p, "parent")) throw new Error("Project hierarchies are not supported: leave parent unset");
      const project = await identityOf(ctx).createProject({ name: nameOf(ctx, p), description: optString(p, "description") ?? "", enabled: optBool(p, "enabled") ?? true });
      ctx.setPhysicalId(project.id);
    },
    async update(ctx, change) {
      const after = change.after;
      await identityOf(ctx).updateProject(ctx.physicalId!, {
        ...(change.changed.includes("name") ? { name: nameOf(ctx, after) } : {}),
        ...(change.changed.includes("description") ? { description: optString(after, "description") ?? "" } : {}),
        ...(change.changed.includes("enabled") ? { enabled: optBool(after, "enabled") ?? true } : {}),
      });
    },
    ...objectHooks((identity, id) => identity.getProject(id), (identity, id) => identity.deleteProject(id), projectValues),
  },
});

/** The OS::Keystone::Role plugin. */
export const keystoneRoleResource = defineResource({
  type: "OS::Keystone::Role",
  handlers: {
    async create(ctx) {
      if (optString(ctx.properties, "domain")) throw new Error("Domain-specific roles are not supported: leave domain unset");
      const role = await identityOf(ctx).createRole(nameOf(ctx, ctx.properties));
      ctx.setPhysicalId(role.id);
    },
    async update(ctx, change) {
      if (change.changed.includes("name")) await identityOf(ctx).updateRole(ctx.physicalId!, nameOf(ctx, change.after));
    },
    ...objectHooks((identity, id) => identity.getRole(id), (identity, id) => identity.deleteRole(id), (role) => ({ id: role.id, name: role.name, domain_id: null })),
  },
});
