/**
 * The identity port: how the OS::Keystone::* plugins manage projects, users, groups, roles, role
 * grants and catalogue records (domains, services, endpoints, regions) in the cloud's identity service (Keystone), acting for the stack's project as Heat acts with
 * the stack owner's credentials. lib/services implements it over Hearth's own identity, so what a
 * stack creates can log in; lib/engine/testing fakes it in memory.
 */

/** A project as the identity service shows it. */
export interface IdentityProjectInfo {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
}

/** A user as the identity service shows it (never its password). */
export interface IdentityUserInfo {
  id: string;
  name: string;
  description: string;
  email: string | null;
  enabled: boolean;
  defaultProjectId: string | null;
}

/** A role as the identity service shows it. */
export interface IdentityRoleInfo {
  id: string;
  name: string;
}

/** What creates or changes a project; an update names only what changes. */
export interface IdentityProjectSpec {
  name: string;
  description: string;
  enabled: boolean;
}

/** What creates or changes a user; `defaultProject` and `password` are optional, `defaultProject` by name or id. */
export interface IdentityUserSpec {
  name: string;
  description: string;
  email?: string | null;
  enabled: boolean;
  password?: string;
  defaultProject?: string | null;
}

/** One role grant on a project: role and project by name or id. */
export interface RoleGrant {
  role: string;
  project: string;
}

/** A group as the identity service shows it: its members hold the roles it holds. */
export interface IdentityGroupInfo {
  id: string;
  name: string;
  description: string;
}

/** What creates or changes a group; an update names only what changes. */
export interface IdentityGroupSpec {
  name: string;
  description: string;
}

/** The kinds of catalogue record the identity service keeps beside its users and projects. */
export type IdentityRecordKind = "domain" | "service" | "endpoint" | "region";

/** A record's kind-specific fields (a service's type, an endpoint's url, interface, service_id, region_id ...). */
export type IdentityRecordFields = Record<string, string | boolean | null>;

/** A domain, service, endpoint or region as the identity service shows it. */
export interface IdentityRecordInfo {
  kind: IdentityRecordKind;
  id: string;
  name: string;
  fields: IdentityRecordFields;
}

/** What creates a record: `id` chosen by the caller (a region's) or made by the service. */
export interface IdentityRecordSpec {
  id?: string;
  name: string;
  fields: IdentityRecordFields;
}

/** What changes a record: a new name, and fields merged over the stored ones. */
export interface IdentityRecordPatch {
  name?: string;
  fields?: IdentityRecordFields;
}

/** Why the identity service refused a call, as Keystone's HTTP statuses name them. */
export type IdentityFaultCode = "BadRequest" | "Forbidden" | "NotFound" | "Conflict";

const STATUS: Record<IdentityFaultCode, number> = { BadRequest: 400, Forbidden: 403, NotFound: 404, Conflict: 409 };

/**
 * A refused identity call. Its name is the code, and its message Keystone's words with the status,
 * so a failed resource reads as Heat shows it ("Forbidden: resources.p: You are not authorized ... (HTTP 403)").
 */
export class IdentityFault extends Error {
  constructor(
    readonly code: IdentityFaultCode,
    readonly detail: string,
  ) {
    super(`${detail} (HTTP ${STATUS[code]})`);
    this.name = code;
  }
}

/** Keystone's refusal of an action the caller's policy does not allow ("identity:create_project"). */
export const forbiddenAction = (action: string): IdentityFault =>
  new IdentityFault("Forbidden", `You are not authorized to perform the requested action: identity:${action}.`);

/**
 * The identity service as one project's stacks reach it. Every write is refused with a Forbidden
 * IdentityFault unless that project is the cloud admin's (Keystone's default policy); lookups of a
 * missing object throw a NotFound IdentityFault. Ids or names are accepted wherever `ref` is.
 */
export interface IdentityClient {
  createProject(spec: IdentityProjectSpec): Promise<IdentityProjectInfo>;
  updateProject(id: string, patch: Partial<IdentityProjectSpec>): Promise<IdentityProjectInfo>;
  /** Deletes the project and every role grant on it. */
  deleteProject(id: string): Promise<void>;
  getProject(ref: string): Promise<IdentityProjectInfo>;
  createUser(spec: IdentityUserSpec): Promise<IdentityUserInfo>;
  updateUser(id: string, patch: Partial<IdentityUserSpec>): Promise<IdentityUserInfo>;
  /** Deletes the user, its role grants and its tokens. */
  deleteUser(id: string): Promise<void>;
  getUser(ref: string): Promise<IdentityUserInfo>;
  createRole(name: string): Promise<IdentityRoleInfo>;
  updateRole(id: string, name: string): Promise<IdentityRoleInfo>;
  /** Deletes the role and every grant of it. */
  deleteRole(id: string): Promise<void>;
  getRole(ref: string): Promise<IdentityRoleInfo>;
  /** Grants a user (by name or id) a role on a project (idempotent). */
  grant(user: string, grant: RoleGrant): Promise<void>;
  /** Takes a grant back (idempotent: a grant that is not there is no error). */
  revoke(user: string, grant: RoleGrant): Promise<void>;
  createGroup(spec: IdentityGroupSpec): Promise<IdentityGroupInfo>;
  updateGroup(id: string, patch: Partial<IdentityGroupSpec>): Promise<IdentityGroupInfo>;
  /** Deletes the group, its memberships and its grants (its members keep their own grants). */
  deleteGroup(id: string): Promise<void>;
  getGroup(ref: string): Promise<IdentityGroupInfo>;
  /** Makes a user (by name or id) a member of a group (idempotent). */
  addToGroup(group: string, user: string): Promise<void>;
  /** Takes a user out of a group (idempotent: either being gone is no error). */
  removeFromGroup(group: string, user: string): Promise<void>;
  /** Grants a group a role on a project, so each member holds it there (idempotent). */
  grantGroup(group: string, grant: RoleGrant): Promise<void>;
  /** Takes a group's grant back (idempotent). */
  revokeGroup(group: string, grant: RoleGrant): Promise<void>;
  /** Creates a record; a Conflict when its id (or a domain's name) is taken. */
  createRecord(kind: IdentityRecordKind, spec: IdentityRecordSpec): Promise<IdentityRecordInfo>;
  updateRecord(kind: IdentityRecordKind, id: string, patch: IdentityRecordPatch): Promise<IdentityRecordInfo>;
  deleteRecord(kind: IdentityRecordKind, id: string): Promise<void>;
  /** A record by id or name. */
  getRecord(kind: IdentityRecordKind, ref: string): Promise<IdentityRecordInfo>;
}

/** Makes the identity client a project's stacks use (EngineOptions.identity). */
export interface IdentityProvider {
  forProject(projectId: string): IdentityClient;
}
