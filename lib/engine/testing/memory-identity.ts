/**
 * An in-memory identity service behind the identity port, for engine tests: projects, users (with
 * clear-text passwords: it is a fake), groups, roles, grants and catalogue records in maps. Writes are the cloud admin's only, as
 * in Keystone: a client for any project but `adminProjectId` is refused every write. `canLogIn` says
 * whether a password login scoped to a project would succeed (enabled user and project, a role on it,
 * its own or one of its groups').
 */
import {
  forbiddenAction,
  IdentityFault,
  type IdentityClient,
  type IdentityGroupInfo,
  type IdentityProjectInfo,
  type IdentityRecordInfo,
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
  readonly groups = new Map<string, IdentityGroupInfo>();
  /** Memberships as "<group>/<user>" ids. */
  readonly members = new Set<string>();
  /** Group grants as "<group>/<project>/<role>" ids. */
  readonly groupGrants = new Set<string>();
  /** Catalogue records by "<kind>/<id>". */
  readonly records = new Map<string, IdentityRecordInfo>();
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
    const groups = [...this.members].filter((m) => m.endsWith(`/${u.id}`)).map((m) => m.split("/")[0]);
    return [...this.grants].some((g) => g.startsWith(`${u.id}/${p.id}/`)) || [...this.groupGrants].some((g) => groups.some((id) => g.startsWith(`${id}/${p.id}/`)));
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
    const grantKey = (subject: string, grant: RoleGrant) => `${subject}/${get(this.projects, grant.project, "project").id}/${get(this.roles, grant.role, "role").id}`;
    const known = (grant: RoleGrant) => this.find(this.projects, grant.project) && this.find(this.roles, grant.role);
    const dropGrants = (part: (g: string[]) => string, id: string) => {
      for (const set of [this.grants, this.groupGrants, this.members]) for (const g of set) if (part(g.split("/")) === id) set.delete(g);
    };
    const records = (kind: string) => new Map([...this.records].filter(([key]) => key.startsWith(`${kind}/`)).map(([, r]) => [r.id, r]));
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
        dropGrants((g) => (g.length === 3 ? g[1] : ""), project.id);
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
        for (const g of this.grants) if (g.startsWith(`${user.id}/`)) this.grants.delete(g);
        for (const m of this.members) if (m.endsWith(`/${user.id}`)) this.members.delete(m);
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
        dropGrants((g) => (g.length === 3 ? g[2] : ""), role.id);
      },
      getRole: async (ref) => ({ ...get(this.roles, ref, "role") }),
      grant: async (user, grant) => {
        write("create_grant");
        this.grants.add(grantKey(get(this.users, user, "user").id, grant));
      },
      revoke: async (user, grant) => {
        write("revoke_grant");
        const u = this.find(this.users, user);
        if (u && known(grant)) this.grants.delete(grantKey(u.id, grant));
      },
      createGroup: async (spec) => {
        write("create_group");
        unique(this.groups, spec.name);
        const group = { id: id(), ...spec };
        this.groups.set(group.id, group);
        return { ...group };
      },
      updateGroup: async (ref, patch) => {
        write("update_group");
        const group = get(this.groups, ref, "group");
        if (patch.name !== undefined) unique(this.groups, patch.name, group.id);
        Object.assign(group, patch);
        return { ...group };
      },
      deleteGroup: async (ref) => {
        write("delete_group");
        const group = get(this.groups, ref, "group");
        this.groups.delete(group.id);
        for (const set of [this.groupGrants, this.members]) for (const g of set) if (g.startsWith(`${group.id}/`)) set.delete(g);
      },
      getGroup: async (ref) => ({ ...get(this.groups, ref, "group") }),
      addToGroup: async (group, user) => {
        write("add_user_to_group");
        this.members.add(`${get(this.groups, group, "group").id}/${get(this.users, user, "user").id}`);
      },
      removeFromGroup: async (group, user) => {
        write("remove_user_from_group");
        const [g, u] = [this.find(this.groups, group), this.find(this.users, user)];
        if (g && u) this.members.delete(`${g.id}/${u.id}`);
      },
      grantGroup: async (group, grant) => {
        write("create_grant");
        this.groupGrants.add(grantKey(get(this.groups, group, "group").id, grant));
      },
      revokeGroup: async (group, grant) => {
        write("revoke_grant");
        const g = this.find(this.groups, group);
        if (g && known(grant)) this.groupGrants.delete(grantKey(g.id, grant));
      },
      createRecord: async (kind, spec) => {
        write(`create_${kind}`);
        const record = { kind, id: spec.id ?? id(), name: spec.name, fields: { ...spec.fields } };
        if (records(kind).has(record.id)) throw new IdentityFault("Conflict", `Duplicate ID, ${record.id}.`);
        if (kind === "domain") unique(records(kind), spec.name);
        this.records.set(`${kind}/${record.id}`, record);
        return { ...record };
      },
      updateRecord: async (kind, ref, patch) => {
        write(`update_${kind}`);
        const record = get(records(kind), ref, kind);
        if (kind === "domain" && patch.name !== undefined) unique(records(kind), patch.name, record.id);
        Object.assign(record, { name: patch.name ?? record.name, fields: { ...record.fields, ...patch.fields } });
        return { ...record };
      },
      deleteRecord: async (kind, ref) => {
        write(`delete_${kind}`);
        this.records.delete(`${kind}/${get(records(kind), ref, kind).id}`);
      },
      getRecord: async (kind, ref) => ({ ...get(records(kind), ref, kind) }),
    };
  }

  private find<T extends { id: string; name: string }>(map: Map<string, T>, ref: string): T | undefined {
    return map.get(ref) ?? [...map.values()].find((o) => o.name === ref);
  }
}
