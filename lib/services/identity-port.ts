/**
 * The engine's identity port (lib/engine/ports/identity.ts) over Hearth's own identity rows, so the
 * projects, users and groups the OS::Keystone::* types create are real: they log in through the identity
 * service and the Keystone REST API, which also lists the domains, services, endpoints and regions they make. Policy as Keystone's default: only the cloud admin writes, and a
 * stack acts as the cloud admin when it belongs to the admin project (identity-policy.ts), the way
 * Heat calls Keystone with the stack owner's project-scoped credentials; any other project's stack is
 * refused in Keystone's 403 words.
 */
import {
  forbiddenAction,
  IdentityFault,
  type IdentityClient,
  type IdentityGroupInfo,
  type IdentityProjectInfo,
  type IdentityProvider,
  type IdentityRecordInfo,
  type IdentityRecordKind,
  type IdentityRoleInfo,
  type IdentityUserInfo,
  type IdentityUserSpec,
  type RoleGrant,
} from "../engine/ports";
import type { GroupRow, IdentityStore, ProjectRow, RecordRow, RoleRow, UserPatch, UserRow } from "../store/ports";
import { hashPassword, newId, newUserRow } from "./identity";
import { ADMIN_PROJECT_NAME } from "./identity-policy";

const projectInfo = ({ id, name, description, enabled }: ProjectRow): IdentityProjectInfo => ({ id, name, description, enabled });
const userInfo = ({ id, name, description, email, enabled, defaultProjectId }: UserRow): IdentityUserInfo => ({ id, name, description, email, enabled, defaultProjectId });
const groupInfo = ({ id, name, description }: GroupRow): IdentityGroupInfo => ({ id, name, description });
const recordInfo = ({ kind, id, name, fields }: RecordRow): IdentityRecordInfo => ({ kind, id, name, fields });
const duplicate = (name: string) => new IdentityFault("Conflict", `Duplicate entry found with name ${name}.`);

/** The identity port over `store`; `now` stamps what it creates. */
export function identityPort(store: IdentityStore, now: () => Date = () => new Date()): IdentityProvider {
  async function found<T>(row: Promise<T | undefined>, what: string, ref: string): Promise<T> {
    const value = await row;
    if (!value) throw new IdentityFault("NotFound", `Could not find ${what}: ${ref}.`);
    return value;
  }
  const project = (ref: string) => found(store.findProject(ref), "project", ref);
  const user = (ref: string) => found(store.findUser(ref), "user", ref);
  const role = async (ref: string): Promise<RoleRow> => found(store.listRoles().then((all) => all.find((r) => r.id === ref || r.name === ref)), "role", ref);
  const group = (ref: string) => found(store.findGroup(ref), "group", ref);
  const record = (kind: IdentityRecordKind, ref: string) => found(store.findRecord(kind, ref), kind, ref);
  /** The project and role ids of a grant; undefined when either is gone (for an idempotent revoke). */
  const grantIds = async (grant: RoleGrant) => {
    const [p, r] = await Promise.all([store.findProject(grant.project), role(grant.role).catch(() => undefined)]);
    return p && r ? { projectId: p.id, roleId: r.id } : undefined;
  };
  const changed = async (ok: Promise<boolean>, name: string | undefined) => {
    if (!(await ok)) throw duplicate(name ?? "");
  };

  /** What a user spec asks of the stored row (the password hashed, the default project resolved). */
  async function userPatch({ password, defaultProject, ...rest }: Partial<IdentityUserSpec>): Promise<UserPatch> {
    return {
      ...rest,
      ...(password !== undefined ? { passwordHash: await hashPassword(password) } : {}),
      ...(defaultProject !== undefined ? { defaultProjectId: defaultProject ? (await project(defaultProject)).id : null } : {}),
    };
  }

  const client: IdentityClient = {
    async createProject(spec) {
      const row = { id: newId(), ...spec, createdAt: now().toISOString() };
      if (!(await store.addProject(row))) throw duplicate(spec.name);
      return projectInfo(row);
    },
    async updateProject(id, patch) {
      await changed(store.updateProject((await project(id)).id, patch), patch.name);
      return projectInfo(await project(id));
    },
    deleteProject: async (id) => store.deleteProject((await project(id)).id),
    getProject: async (ref) => projectInfo(await project(ref)),
    async createUser(spec) {
      // a user made without a password exists but cannot log in: an empty hash matches no password
      const row: UserRow = { ...newUserRow(spec.name, "", now()), ...(await userPatch(spec)), email: spec.email ?? null };
      if (!(await store.addUser(row))) throw duplicate(spec.name);
      return userInfo(row);
    },
    async updateUser(id, patch) {
      await changed(store.updateUser((await user(id)).id, await userPatch(patch)), patch.name);
      return userInfo(await user(id));
    },
    deleteUser: async (id) => store.deleteUser((await user(id)).id),
    getUser: async (ref) => userInfo(await user(ref)),
    async createRole(name): Promise<IdentityRoleInfo> {
      const row = { id: newId(), name };
      if (!(await store.addRole(row))) throw duplicate(name);
      return row;
    },
    async updateRole(id, name) {
      const row = await role(id);
      await changed(store.renameRole(row.id, name), name);
      return { id: row.id, name };
    },
    deleteRole: async (id) => store.deleteRole((await role(id)).id),
    getRole: async (ref) => role(ref),
    async grant(userRef, grant) {
      await store.assign((await user(userRef)).id, (await project(grant.project)).id, (await role(grant.role)).id);
    },
    async revoke(userRef, grant) {
      const [u, ids] = await Promise.all([store.findUser(userRef), grantIds(grant)]);
      if (u && ids) await store.unassign(u.id, ids.projectId, ids.roleId);
    },
    async createGroup(spec) {
      const row = { id: newId(), ...spec, createdAt: now().toISOString() };
      if (!(await store.addGroup(row))) throw duplicate(spec.name);
      return groupInfo(row);
    },
    async updateGroup(id, patch) {
      await changed(store.updateGroup((await group(id)).id, patch), patch.name);
      return groupInfo(await group(id));
    },
    deleteGroup: async (id) => store.deleteGroup((await group(id)).id),
    getGroup: async (ref) => groupInfo(await group(ref)),
    async addToGroup(groupRef, userRef) {
      await store.addMember((await group(groupRef)).id, (await user(userRef)).id);
    },
    async removeFromGroup(groupRef, userRef) {
      const [g, u] = await Promise.all([store.findGroup(groupRef), store.findUser(userRef)]);
      if (g && u) await store.removeMember(g.id, u.id);
    },
    async grantGroup(groupRef, grant) {
      await store.assignGroup((await group(groupRef)).id, (await project(grant.project)).id, (await role(grant.role)).id);
    },
    async revokeGroup(groupRef, grant) {
      const [g, ids] = await Promise.all([store.findGroup(groupRef), grantIds(grant)]);
      if (g && ids) await store.unassignGroup(g.id, ids.projectId, ids.roleId);
    },
    async createRecord(kind, spec) {
      if (kind === "domain" && (spec.name === "default" || (await store.findRecord(kind, spec.name)))) throw duplicate(spec.name);
      const row: RecordRow = { kind, id: spec.id ?? newId(), name: spec.name, fields: spec.fields, createdAt: now().toISOString() };
      if (!(await store.addRecord(row))) throw new IdentityFault("Conflict", `Duplicate ID, ${row.id}.`);
      return recordInfo(row);
    },
    async updateRecord(kind, id, patch) {
      const row = await record(kind, id);
      const name = patch.name ?? row.name;
      if (kind === "domain" && name !== row.name && (name === "default" || (await store.findRecord(kind, name)))) throw duplicate(name);
      await store.updateRecord(kind, row.id, name, { ...row.fields, ...patch.fields });
      return recordInfo(await record(kind, row.id));
    },
    deleteRecord: async (kind, id) => store.deleteRecord(kind, (await record(kind, id)).id),
    getRecord: async (kind, ref) => recordInfo(await record(kind, ref)),
  };

  /** Writes are the cloud admin's: every write method of a non-admin project's client is refused (a record's action names its kind). */
  const WRITES: Record<Exclude<keyof IdentityClient, `get${string}`>, string | ((kind: unknown) => string)> = {
    createProject: "create_project",
    updateProject: "update_project",
    deleteProject: "delete_project",
    createUser: "create_user",
    updateUser: "update_user",
    deleteUser: "delete_user",
    createRole: "create_role",
    updateRole: "update_role",
    deleteRole: "delete_role",
    grant: "create_grant",
    revoke: "revoke_grant",
    createGroup: "create_group",
    updateGroup: "update_group",
    deleteGroup: "delete_group",
    addToGroup: "add_user_to_group",
    removeFromGroup: "remove_user_from_group",
    grantGroup: "create_grant",
    revokeGroup: "revoke_grant",
    createRecord: (kind) => `create_${kind}`,
    updateRecord: (kind) => `update_${kind}`,
    deleteRecord: (kind) => `delete_${kind}`,
  };
  const refusing = Object.fromEntries(
    Object.entries(WRITES).map(([method, action]) => [method, (kind: unknown) => Promise.reject(forbiddenAction(typeof action === "string" ? action : action(kind)))]),
  ) as Partial<IdentityClient>;

  return {
    forProject(projectId) {
      const isAdmin = store.findProject(projectId).then((p) => p?.name === ADMIN_PROJECT_NAME);
      const guarded = {} as IdentityClient;
      for (const key of Object.keys(client) as (keyof IdentityClient)[]) {
        const method = client[key] as (...args: unknown[]) => Promise<unknown>;
        const refuse = refusing[key] as ((...args: unknown[]) => Promise<unknown>) | undefined;
        (guarded as unknown as Record<string, unknown>)[key] = async (...args: unknown[]) => ((await isAdmin) || !refuse ? method(...args) : refuse(...args));
      }
      return guarded;
    },
  };
}
