/**
 * The engine's identity port (lib/engine/ports/identity.ts) over Hearth's own identity rows, so the
 * projects and users the OS::Keystone::* types create are real: they log in through the identity
 * service and the Keystone REST API. Policy as Keystone's default: only the cloud admin writes, and a
 * stack acts as the cloud admin when it belongs to the admin project (identity-policy.ts), the way
 * Heat calls Keystone with the stack owner's project-scoped credentials; any other project's stack is
 * refused in Keystone's 403 words.
 */
import {
  forbiddenAction,
  IdentityFault,
  type IdentityClient,
  type IdentityProjectInfo,
  type IdentityProvider,
  type IdentityRoleInfo,
  type IdentityUserInfo,
  type IdentityUserSpec,
} from "../engine/ports";
import type { IdentityStore, ProjectRow, RoleRow, UserPatch, UserRow } from "../store/ports";
import { hashPassword, newId, newUserRow } from "./identity";
import { ADMIN_PROJECT_NAME } from "./identity-policy";

const projectInfo = ({ id, name, description, enabled }: ProjectRow): IdentityProjectInfo => ({ id, name, description, enabled });
const userInfo = ({ id, name, description, email, enabled, defaultProjectId }: UserRow): IdentityUserInfo => ({ id, name, description, email, enabled, defaultProjectId });
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
      const [u, p, r] = await Promise.all([store.findUser(userRef), store.findProject(grant.project), role(grant.role).catch(() => undefined)]);
      if (u && p && r) await store.unassign(u.id, p.id, r.id);
    },
  };

  /** Writes are the cloud admin's: every write method of a non-admin project's client is refused. */
  const WRITES: Record<Exclude<keyof IdentityClient, `get${string}`>, string> = {
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
  };
  const refusing = Object.fromEntries(
    Object.entries(WRITES).map(([method, action]) => [method, () => Promise.reject(forbiddenAction(action))]),
  ) as Partial<IdentityClient>;

  return {
    forProject(projectId) {
      const isAdmin = store.findProject(projectId).then((p) => p?.name === ADMIN_PROJECT_NAME);
      const guarded = {} as IdentityClient;
      for (const key of Object.keys(client) as (keyof IdentityClient)[]) {
        const method = client[key] as (...args: unknown[]) => Promise<unknown>;
        const refuse = refusing[key] as ((...args: unknown[]) => Promise<unknown>) | undefined;
        (guarded as unknown as Record<string, unknown>)[key] = async (...args: unknown[]) => ((await isAdmin) || !refuse ? method(...args) : refuse());
      }
      return guarded;
    },
  };
}
