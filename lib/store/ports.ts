/**
 * The store's ports that lib/services builds on, beside the engine's StackStore: identity rows, saved
 * templates, service secrets, the global event log and the simulated cloud's shared state. lib/store
 * implements them on Prisma (database.ts wires the implementations); the services see only these.
 */
import type { SimPersistence } from "../cloud/sim/persistence";
import type { EventRecord, IdentityRecordFields, IdentityRecordKind } from "../engine/ports";

/** A stored user (the password only as its scrypt hash). */
export interface UserRow {
  id: string;
  name: string;
  passwordHash: string;
  createdAt: string;
  /** A disabled user cannot log in, and its tokens stop validating. */
  enabled: boolean;
  defaultProjectId: string | null;
  description: string;
  email: string | null;
}

/** What may change of a stored user. */
export type UserPatch = Partial<Omit<UserRow, "id" | "createdAt">>;

/** A stored project. */
export interface ProjectRow {
  id: string;
  name: string;
  description: string;
  createdAt: string;
  /** No one can log in to a disabled project. */
  enabled: boolean;
}

/** What may change of a stored project. */
export type ProjectPatch = Partial<Omit<ProjectRow, "id" | "createdAt">>;

/** A stored role. */
export interface RoleRow {
  id: string;
  name: string;
}

/** A stored token, keyed by the SHA-256 of its value. */
export interface TokenRow {
  hash: string;
  userId: string;
  projectId: string | null;
  issuedAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

/** A stored group. */
export interface GroupRow {
  id: string;
  name: string;
  description: string;
  createdAt: string;
}

/** A stored catalogue record (domain, service, endpoint or region); `fields` are its kind's other fields. */
export interface RecordRow {
  kind: IdentityRecordKind;
  id: string;
  name: string;
  fields: IdentityRecordFields;
  createdAt: string;
}

/** Groups, their members and grants, and catalogue records: the identity rows beyond users and projects. */
export interface IdentityDirectoryStore {
  /** A group by id or name; undefined when absent. */
  findGroup(ref: string): Promise<GroupRow | undefined>;
  /** Adds a group; false when the name is taken. */
  addGroup(row: GroupRow): Promise<boolean>;
  /** Every group, by name. */
  listGroups(): Promise<GroupRow[]>;
  /** Changes a group; false when the new name is taken. */
  updateGroup(id: string, patch: Partial<Pick<GroupRow, "name" | "description">>): Promise<boolean>;
  /** Deletes a group with its memberships and grants (nothing when absent). */
  deleteGroup(id: string): Promise<void>;
  /** Makes a user a member (idempotent). */
  addMember(groupId: string, userId: string): Promise<void>;
  /** Ends a membership (idempotent). */
  removeMember(groupId: string, userId: string): Promise<void>;
  /** The group's members, by name. */
  membersOf(groupId: string): Promise<UserRow[]>;
  /** Grants a group a role on a project (idempotent). */
  assignGroup(groupId: string, projectId: string, roleId: string): Promise<void>;
  /** Takes a group's grant back (idempotent). */
  unassignGroup(groupId: string, projectId: string, roleId: string): Promise<void>;
  /** A record of `kind` by id or name (the oldest of that name); undefined when absent. */
  findRecord(kind: IdentityRecordKind, ref: string): Promise<RecordRow | undefined>;
  /** Adds a record; false when its id is taken. */
  addRecord(row: RecordRow): Promise<boolean>;
  /** Every record of `kind`, oldest first. */
  listRecords(kind: IdentityRecordKind): Promise<RecordRow[]>;
  /** Replaces a record's name and fields. */
  updateRecord(kind: IdentityRecordKind, id: string, name: string, fields: IdentityRecordFields): Promise<void>;
  /** Deletes a record (nothing when absent). */
  deleteRecord(kind: IdentityRecordKind, id: string): Promise<void>;
}

/**
 * Identity rows (users, projects, roles, role assignments, tokens, and the directory's groups and
 * records) for the Keystone subset in lib/services/identity.ts. Plain reads and writes: hashing and
 * policy live in the service. A user's roles on a project include those of its groups.
 */
export interface IdentityStore extends IdentityDirectoryStore {
  /** A user by id or name; undefined when absent. */
  findUser(ref: string): Promise<UserRow | undefined>;
  /** Adds a user; false when the name is taken. */
  addUser(row: UserRow): Promise<boolean>;
  /** Every user, by name. */
  listUsers(): Promise<UserRow[]>;
  /** Changes a user; false when the new name is taken. */
  updateUser(id: string, patch: UserPatch): Promise<boolean>;
  /** Deletes a user with its role assignments and tokens (nothing when absent). */
  deleteUser(id: string): Promise<void>;
  /** A project by id or name; undefined when absent. */
  findProject(ref: string): Promise<ProjectRow | undefined>;
  /** Adds a project; false when the id or name is taken. */
  addProject(row: ProjectRow): Promise<boolean>;
  /** Every project, by name. */
  listProjects(): Promise<ProjectRow[]>;
  /** Changes a project; false when the new name is taken. */
  updateProject(id: string, patch: ProjectPatch): Promise<boolean>;
  /** Deletes a project with the role assignments on it and the tokens scoped to it (nothing when absent). */
  deleteProject(id: string): Promise<void>;
  /** Makes sure each role exists (by name), returning them all. */
  ensureRoles(roles: RoleRow[]): Promise<RoleRow[]>;
  /** Every role, by name. */
  listRoles(): Promise<RoleRow[]>;
  /** Adds a role; false when the name is taken. */
  addRole(row: RoleRow): Promise<boolean>;
  /** Renames a role; false when the name is taken. */
  renameRole(id: string, name: string): Promise<boolean>;
  /** Deletes a role with its assignments (nothing when absent). */
  deleteRole(id: string): Promise<void>;
  /** Grants a role (idempotent). */
  assign(userId: string, projectId: string, roleId: string): Promise<void>;
  /** Takes a role grant back (idempotent). */
  unassign(userId: string, projectId: string, roleId: string): Promise<void>;
  /** The roles `userId` holds on `projectId` (its own and its groups'), by name. */
  rolesOn(userId: string, projectId: string): Promise<RoleRow[]>;
  /** Projects `userId` holds any role on (its own or through a group). */
  projectsOf(userId: string): Promise<ProjectRow[]>;
  /** Stores an issued token. */
  addToken(row: TokenRow): Promise<void>;
  /** A token by hash; undefined when unknown. */
  findToken(hash: string): Promise<TokenRow | undefined>;
  /** Marks a token revoked; false when it is unknown. */
  revokeToken(hash: string, at: string): Promise<boolean>;
  /** Revoked tokens not expired at `now`, revoked at or after `since`, oldest revocation first, at most `limit` (what other regions pull). */
  revokedTokens(since: string, now: string, limit: number): Promise<TokenRow[]>;
}

/** Which key was full when a failure could not be recorded, with its failure times (ms, oldest first). */
export interface FullKey {
  key: string;
  times: number[];
}

/**
 * Failed logins per key (a user name or a client address), shared by every process on one database:
 * the login throttle's counts (lib/services/login-throttle.ts). Each call is one atomic step, so two
 * processes can never both take the last try of a key.
 */
export interface LoginFailureStore {
  /**
   * Forgets the failures at or before `since` (and keys left with none); then, unless one of `keys`
   * already holds `limit` failures, records a failure at `at` under each key (all or none).
   * Returns the first full key, or undefined when the failure was recorded.
   */
  record(keys: string[], at: number, since: number, limit: number): Promise<FullKey | undefined>;
  /** Takes back one failure recorded at `at` under `key` (the password turned out right). */
  takeBack(key: string, at: number): Promise<void>;
  /** Forgets every failure of `key`. */
  forget(key: string): Promise<void>;
}

/** One stored version of a saved template. */
export interface SavedTemplateRecord {
  id: string;
  version: number;
  name: string;
  text: string;
  createdAt: string;
}

/** Saved designer templates: every save adds a version (1, 2, ...) of one template id; nothing is overwritten. */
export interface TemplateStore {
  /** Adds the next version of template `id` (version 1 when new). */
  addVersion(id: string, name: string, text: string, createdAt: string): Promise<SavedTemplateRecord>;
  /** A version of a template (default: the latest); undefined when there is none. */
  get(id: string, version?: number): Promise<SavedTemplateRecord | undefined>;
  /** The latest version of every template, newest first. */
  listLatest(): Promise<SavedTemplateRecord[]>;
  /** Every version of one template, newest first (without texts). */
  versions(id: string): Promise<Omit<SavedTemplateRecord, "text">[]>;
}

/** Named secrets of the services (e.g. the signal URL signing key), shared by every process on one database. */
export interface SecretStore {
  /** The secret `name`; undefined when none is stored. */
  get(name: string): Promise<string | undefined>;
  /** Stores `value` as `name` unless one is stored already; returns the stored one, so concurrent first writers agree. */
  putIfAbsent(name: string, value: string): Promise<string>;
  /** Stores `value` as `name`, replacing any stored one (settings a process announces, e.g. the console's address). */
  put(name: string, value: string): Promise<void>;
}

/** Reads the global event log in sequence order (for event buses that follow other processes). */
export interface EventFeed {
  /** Events of every stack with seq > afterSeq, oldest first. */
  eventsAfter(afterSeq: number, limit: number): Promise<EventRecord[]>;
  /** The highest sequence number stored, of `stackId`'s events when given (0 when there are none). */
  lastEventSeq(stackId?: string): Promise<number>;
}

/** The simulated cloud's state, shared by the processes on one database (each call one transaction). */
export type SharedSimPersistence = SimPersistence;
