/**
 * An in-memory identity service behind the identity port, for engine tests: projects, users (with
 * clear-text passwords: it is a fake), roles and grants in maps. Writes are the cloud admin's only, as
 * in Keystone: a client for any project but `adminProjectId` is refused every write. `canLogIn` says
 * whether a password login scoped to a project would succeed (enabled user and project, a role on it).
 */
import {
  forbiddenAction,
  IdentityFault,
  type IdentityClient,
  type IdentityProjectInfo,
  type IdentityProvider,
  type IdentityRoleInfo,
  type IdentityUserInfo,
  type RoleGrant,
} from "../ports";

interface StoredUser extends IdentityUserInfo {
  password: string | undefined;
}

/** The fake identity service (see the module comment). */
export class MemoryIdentity implements IdentityProvider {
  readonly projects = new Map<string, IdentityProjectInfo>();
  readonly users = new Map<string, StoredUser>();
  readonly roles = new Map<string, IdentityRoleInfo>();
  /** Grants as "<user>/<project>/<role>" ids. */
  readonly grants = new Set<string>();
  private next = 0;

  constructor(readonly adminProjectId: string) {
    this.projects.set(adminProjectId, { id: adminProjectId, name: "admin", description: "", enabled: true });
    for (const name of ["admin", "member", "reader"]) this.roles.set(`role-${name}`, { id: `role-${name}`, name });
  }

  /** Whether `user` may log in with `password`, scoped to `project` (names or ids). */
  canLogIn(user: string, password: string, project: string): boolean {
    const u = this.find(this.users, user);
    const p = this.find(this.projects, project);
    if (!u?.enabled || u.password !== password || !p?.enabled) return false;
    return [...this.grants].some((g) => g.startsWith(`${u.id}/${p.id}/`));
  }

  forProject(projectId: string): IdentityClient {
    const write = (action: string) => {
      if (projectId !== this.adminProjectId) throw forbiddenAction(action);
    };
    const get = <T extends { id: string; name: string }>(map: Map<string, T>, ref: string, what: string): T => {
      const found = this.find(map, ref);
      if (!found) throw new IdentityFault("NotFound", `Could not find ${what}: ${ref}.`);
      return found;
    };
    const unique = (map: Map<string, { id: string; name: string }>, name: string, id?: string) => {
      if ([...map.values()].some((o) => o.name === name && o.id !== id)) throw new IdentityFault("Conflict", `Duplicate entry found with name ${name}.`);
    };
    const grantKey = (user: string, grant: RoleGrant) =>
      `${get(this.users, user, "user").id}/${get(this.projects, grant.project, "project").id}/${get(this.roles, grant.role, "role").id}`;
    const dropGrants = (part: (g: string[]) => string, id: string) => {
      for (const g of this.grants) if (part(g.split("/")) === id) this.grants.delete(g);
    };
    const userInfo = ({ password: _password, ...info }: StoredUser): IdentityUserInfo => info;
    const id = () => `id-${++this.next}`;
    return {
      createProject: async (spec) => {
        write("create_project");
        unique(this.projects, spec.name);
        const project = { id: id(), ...spec };
        this.projects.set(project.id, project);
        return { ...project };
      },
      updateProject: async (ref, patch) => {
        write("update_project");
        const project = get(this.projects, ref, "project");
        if (patch.name !== undefined) unique(this.projects, patch.name, project.id);
        Object.assign(project, patch);
        return { ...project };
      },
      deleteProject: async (ref) => {
        write("delete_project");
        const project = get(this.projects, ref, "project");
        this.projects.delete(project.id);
        dropGrants((g) => g[1], project.id);
      },
      getProject: async (ref) => ({ ...get(this.projects, ref, "project") }),
      createUser: async ({ defaultProject, password, ...spec }) => {
        write("create_user");
        unique(this.users, spec.name);
        const defaultProjectId = defaultProject ? get(this.projects, defaultProject, "project").id : null;
        const user: StoredUser = { id: id(), email: null, ...spec, defaultProjectId, password };
        this.users.set(user.id, user);
        return userInfo(user);
      },
      updateUser: async (ref, { defaultProject, password, ...patch }) => {
        write("update_user");
        const user = get(this.users, ref, "user");
        if (patch.name !== undefined) unique(this.users, patch.name, user.id);
        Object.assign(user, patch);
        if (defaultProject !== undefined) user.defaultProjectId = defaultProject ? get(this.projects, defaultProject, "project").id : null;
        if (password !== undefined) user.password = password;
        return userInfo(user);
      },
      deleteUser: async (ref) => {
        write("delete_user");
        const user = get(this.users, ref, "user");
        this.users.delete(user.id);
        dropGrants((g) => g[0], user.id);
      },
      getUser: async (ref) => userInfo(get(this.users, ref, "user")),
      createRole: async (name) => {
        write("create_role");
        unique(this.roles, name);
        const role = { id: id(), name };
        this.roles.set(role.id, role);
        return { ...role };
      },
      updateRole: async (ref, name) => {
        write("update_role");
        const role = get(this.roles, ref, "role");
        unique(this.roles, name, role.id);
        role.name = name;
        return { ...role };
      },
      deleteRole: async (ref) => {
        write("delete_role");
        const role = get(this.roles, ref, "role");
        this.roles.delete(role.id);
        dropGrants((g) => g[2], role.id);
      },
      getRole: async (ref) => ({ ...get(this.roles, ref, "role") }),
      grant: async (user, grant) => {
        write("create_grant");
        this.grants.add(grantKey(user, grant));
      },
      revoke: async (user, grant) => {
        write("revoke_grant");
        const known = this.find(this.users, user) && this.find(this.projects, grant.project) && this.find(this.roles, grant.role);
        if (known) this.grants.delete(grantKey(user, grant));
      },
    };
  }

  private find<T extends { id: string; name: string }>(map: Map<string, T>, ref: string): T | undefined {
    return map.get(ref) ?? [...map.values()].find((o) => o.name === ref);
  }
}
