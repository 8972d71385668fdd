/**
 * Hearth's identity (a Keystone v3 subset): users with scrypt-hashed passwords, projects, the roles
 * member / reader / admin, and tokens that expire and can be revoked. `bootstrap` does on first start
 * what `keystone-manage bootstrap` does: an admin user with the admin role on an admin project, and a
 * demo project. The REST layer (lib/api) turns its answers and IdentityError into Keystone's shapes.
 */
import { randomBytes, randomUUID, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import type { IdentityRecordKind } from "../engine/ports";
import type { GroupRow, IdentityStore, LoginFailureStore, ProjectRow, RecordRow, RoleRow, TokenRow, UserRow } from "../store/ports";
import { ADMIN_PROJECT_NAME } from "./identity-policy";
import { createLoginThrottle, throttleMessage, type LoginThrottleOptions } from "./login-throttle";
import { learnRevocations, revocationsSince, type Revocation } from "./revocations";
import { issueSignedToken, tokenHash, validateSignedToken, type SignedTokenSettings } from "./signed-tokens";

export type { GroupRow, ProjectRow, RecordRow, RoleRow } from "../store/ports";

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, length: number) => Promise<Buffer>;

/** Roles Hearth knows: admin and member may change a project's stacks, reader may only look. */
export const ROLE_NAMES = ["admin", "member", "reader"] as const;

/** The project bootstrap makes for trying Hearth. */
const DEMO_PROJECT_NAME = "demo";

/** What `bootstrap` makes, by name: the roles, and the admin user as admin of the admin and demo projects. */
export const BOOTSTRAP_SHAPE = { roles: ROLE_NAMES, user: "admin", role: "admin", projects: [ADMIN_PROJECT_NAME, DEMO_PROJECT_NAME] } as const;

/** Why an identity call was refused (mapped to 400 / 401 / 403 / 404 / 409 / 429). */
export type IdentityErrorCode = "BadRequest" | "Unauthorized" | "Forbidden" | "NotFound" | "Conflict" | "TooManyRequests";

/** A refused identity call. */
export class IdentityError extends Error {
  constructor(readonly code: IdentityErrorCode, message: string) {
    super(message);
    this.name = "IdentityError";
  }
}

/** What a valid token stands for. */
export interface TokenInfo {
  user: { id: string; name: string };
  /** The project the token is scoped to; null for an unscoped token. */
  project: { id: string; name: string } | null;
  /** Whether that project is the admin project (Keystone's `is_admin_project`; see identity-policy.ts). */
  isAdminProject: boolean;
  roles: RoleRow[];
  issuedAt: string;
  expiresAt: string;
  /** Auth methods used to get it ("password" or "token"). */
  methods: string[];
}

/** How a caller proves who it is. */
export type Credentials = { method: "password"; user: string; password: string } | { method: "token"; token: string };

/** Result of bootstrap: the ids made, and the password when it was generated (print it once). */
export interface BootstrapResult {
  adminUserId: string;
  adminProjectId: string;
  demoProjectId: string;
  generatedPassword?: string;
}

/** Settings of the identity service. */
export interface IdentityOptions {
  /** Token lifetime (default one hour). */
  tokenTtlMs?: number;
  now?: () => Date;
  /** Throttling of failed password logins (default 5 failures per minute, per user and per address). */
  loginThrottle?: LoginThrottleOptions;
  /**
   * Issue signed tokens (a federation's shared key, signed-tokens.ts) that every region validates on
   * its own; stored tokens issued before keep working. Without it tokens are stored rows.
   */
  signed?: SignedTokenSettings;
}

/** The identity service. */
export interface Identity {
  bootstrap(options: { password?: string; adminProjectId: string }): Promise<BootstrapResult>;
  /**
   * Issues a token; scope names a project by id or name (omit for an unscoped token). Password
   * attempts are throttled per user and per `client.address` (IdentityError "TooManyRequests").
   */
  authenticate(credentials: Credentials, scope?: { project: string }, client?: { address?: string }): Promise<{ token: string; info: TokenInfo }>;
  /** What a token stands for; throws IdentityError("NotFound") for an unknown, expired or revoked token. */
  validate(token: string): Promise<TokenInfo>;
  revoke(token: string): Promise<void>;
  /** The revocations this region holds of unexpired tokens, revoked at or after `since` (what other regions of a federation pull). */
  revocations(since: string): Promise<Revocation[]>;
  /** Remembers revocations another region made; answers how many were new here. */
  learnRevocations(revocations: readonly Revocation[]): Promise<number>;
  createUser(name: string, password: string): Promise<{ id: string; name: string }>;
  createProject(name: string, description?: string): Promise<ProjectRow>;
  /** Grants `role` (by name) on `project` to `user` (ids or names). */
  assignRole(user: string, project: string, role: string): Promise<void>;
  listUsers(): Promise<{ id: string; name: string }[]>;
  listProjects(): Promise<ProjectRow[]>;
  /** Projects a user holds a role on (for the console's project switcher and GET /auth/projects). */
  projectsOf(userId: string): Promise<ProjectRow[]>;
  listRoles(): Promise<RoleRow[]>;
  /** Every group, by name. */
  listGroups(): Promise<GroupRow[]>;
  /** A group's members by name (IdentityError NotFound for an unknown group, by id or name). */
  groupMembers(group: string): Promise<{ id: string; name: string }[]>;
  /** The domains, services, endpoints or regions made through the identity port (OS::Keystone::* types), oldest first. */
  listRecords(kind: IdentityRecordKind): Promise<RecordRow[]>;
}

/** scrypt hash as `scrypt$<salt>$<hash>` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, 32);
  return `scrypt$${salt.toString("base64url")}$${hash.toString("base64url")}`;
}

/** Whether `password` matches a stored hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, salt, hash] = stored.split("$");
  if (kind !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await scryptAsync(password, Buffer.from(salt, "base64url"), expected.length);
  return timingSafeEqual(actual, expected);
}

/** A hash of no one's password: an unknown user costs the same scrypt as a known one, so timing tells nothing. */
let dummyHash: Promise<string> | undefined;
const unknownUserHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString("base64url")));

/** A new id, as Keystone makes them (a UUID without dashes). */
export const newId = (): string => randomUUID().replaceAll("-", "");

/** A new enabled user row with no default project. */
export const newUserRow = (name: string, passwordHash: string, at: Date): UserRow => ({
  id: newId(),
  name,
  passwordHash,
  createdAt: at.toISOString(),
  enabled: true,
  defaultProjectId: null,
  description: "",
  email: null,
});

/** Builds the identity service over its store, throttling failed passwords with the counts in `loginFailures`. */
export function createIdentity(store: IdentityStore, loginFailures: LoginFailureStore, options: IdentityOptions = {}): Identity {
  const ttl = options.tokenTtlMs ?? 3_600_000;
  const now = options.now ?? (() => new Date());
  const throttle = createLoginThrottle(loginFailures, () => now().getTime(), options.loginThrottle);

  /** The user whose password this is; refused (throttled, unknown or wrong) in the same words and time. */
  async function passwordUser(credentials: Extract<Credentials, { method: "password" }>, address: string | undefined): Promise<string> {
    const attempt = { user: credentials.user, address };
    const tried = await throttle.take(attempt);
    if (tried.refusal) throw new IdentityError("TooManyRequests", throttleMessage(tried.refusal, attempt));
    const user = await store.findUser(credentials.user);
    const matches = await verifyPassword(credentials.password, user?.passwordHash ?? (await unknownUserHash()));
    if (!user || !matches) throw new IdentityError("Unauthorized", "The request you have made requires authentication.");
    await tried.succeeded();
    if (!user.enabled) throw new IdentityError("Unauthorized", `The account is disabled for user: ${user.id}.`);
    return user.id;
  }

  async function mustFind<T>(found: Promise<T | undefined>, what: string): Promise<T> {
    const row = await found;
    if (!row) throw new IdentityError("NotFound", `Could not find ${what}.`);
    return row;
  }

  async function ensureProject(id: string, name: string, description: string): Promise<string> {
    const existing = await store.findProject(name);
    if (existing) return existing.id;
    await store.addProject({ id, name, description, createdAt: now().toISOString(), enabled: true });
    return (await mustFind(store.findProject(name), `project: ${name}`)).id;
  }

  /** What a token row (stored, or about to be signed) stands for now. */
  async function describe(row: Pick<TokenRow, "userId" | "projectId" | "issuedAt" | "expiresAt">): Promise<TokenInfo> {
    const user = await mustFind(store.findUser(row.userId), `user: ${row.userId}`);
    const project = row.projectId ? await mustFind(store.findProject(row.projectId), `project: ${row.projectId}`) : null;
    // a token of a user or project disabled since it was issued stops working, as in Keystone
    if (!user.enabled || project?.enabled === false) throw new IdentityError("NotFound", "Could not find token.");
    const roles = project ? await store.rolesOn(user.id, project.id) : [];
    return {
      user: { id: user.id, name: user.name },
      project: project && { id: project.id, name: project.name },
      isAdminProject: project?.name === ADMIN_PROJECT_NAME,
      roles,
      issuedAt: row.issuedAt,
      expiresAt: row.expiresAt,
      methods: ["password"],
    };
  }

  const identity: Identity = {
    async bootstrap({ password, adminProjectId }) {
      const roles = await store.ensureRoles(ROLE_NAMES.map((name) => ({ id: newId(), name })));
      const adminProject = await ensureProject(adminProjectId, ADMIN_PROJECT_NAME, "Bootstrap project for initializing the cloud.");
      const demoProject = await ensureProject(newId(), DEMO_PROJECT_NAME, "Demo project for trying Hearth.");
      let user = await store.findUser(BOOTSTRAP_SHAPE.user);
      let generatedPassword: string | undefined;
      if (!user) {
        generatedPassword = password ? undefined : randomBytes(12).toString("base64url");
        const row = newUserRow(BOOTSTRAP_SHAPE.user, await hashPassword(password ?? generatedPassword!), now());
        if (!(await store.addUser(row))) generatedPassword = undefined; // another process bootstrapped first
        user = await mustFind(store.findUser(BOOTSTRAP_SHAPE.user), `user: ${BOOTSTRAP_SHAPE.user}`);
      }
      const admin = roles.find((r) => r.name === BOOTSTRAP_SHAPE.role)!;
      await store.assign(user.id, adminProject, admin.id);
      await store.assign(user.id, demoProject, admin.id);
      return { adminUserId: user.id, adminProjectId: adminProject, demoProjectId: demoProject, generatedPassword };
    },

    async authenticate(credentials, scope, client = {}) {
      let userId: string;
      let methods: string[];
      // A token made from a token ends when the original does, as in Keystone (re-scoping never extends a session).
      let endsBy: string | undefined;
      if (credentials.method === "password") {
        userId = await passwordUser(credentials, client.address);
        methods = ["password"];
      } else {
        const info = await identity.validate(credentials.token).catch(() => {
          throw new IdentityError("Unauthorized", "The request you have made requires authentication.");
        });
        userId = info.user.id;
        methods = ["token"];
        endsBy = info.expiresAt;
      }
      let projectId: string | null = null;
      if (scope) {
        const project = await store.findProject(scope.project);
        const roles = project ? await store.rolesOn(userId, project.id) : [];
        if (!project || roles.length === 0) throw new IdentityError("Unauthorized", `User ${userId} has no access to project ${scope.project}.`);
        if (!project.enabled) throw new IdentityError("Unauthorized", `Project ${project.id} is disabled.`);
        projectId = project.id;
      }
      const issued = now();
      const row = { userId, projectId, issuedAt: issued.toISOString(), expiresAt: endsBy ?? new Date(issued.getTime() + ttl).toISOString(), revokedAt: null };
      if (options.signed) {
        const info = { ...(await describe(row)), methods };
        return { token: issueSignedToken(options.signed, info), info };
      }
      const token = randomBytes(32).toString("base64url");
      await store.addToken({ hash: tokenHash(token), ...row });
      return { token, info: { ...(await identity.validate(token)), methods } };
    },

    async validate(token) {
      if (options.signed?.signer.isSigned(token)) {
        return validateSignedToken(store, options.signed, token, now()).catch(() => {
          throw new IdentityError("NotFound", "Could not find token.");
        });
      }
      const row = await store.findToken(tokenHash(token));
      if (!row || row.revokedAt || row.expiresAt <= now().toISOString()) throw new IdentityError("NotFound", "Could not find token.");
      return describe(row);
    },

    async revoke(token) {
      const at = now().toISOString();
      if (options.signed?.signer.isSigned(token)) {
        // a signed token has no row: its revocation is one (this region's; docs/federation.md)
        const info = await identity.validate(token);
        await store.addToken({ hash: tokenHash(token), userId: info.user.id, projectId: info.project?.id ?? null, issuedAt: info.issuedAt, expiresAt: info.expiresAt, revokedAt: at });
        return;
      }
      if (!(await store.revokeToken(tokenHash(token), at))) throw new IdentityError("NotFound", "Could not find token.");
    },

    revocations: (since) => revocationsSince(store, since, now()),
    learnRevocations: (revocations) => learnRevocations(store, revocations),

    async createUser(name, password) {
      if (!name || !password) throw new IdentityError("BadRequest", "A user needs a name and a password.");
      const row = newUserRow(name, await hashPassword(password), now());
      if (!(await store.addUser(row))) throw new IdentityError("Conflict", `Duplicate entry found with name ${name}.`);
      return { id: row.id, name };
    },

    async createProject(name, description = "") {
      if (!name) throw new IdentityError("BadRequest", "A project needs a name.");
      const row = { id: newId(), name, description, createdAt: now().toISOString(), enabled: true };
      if (!(await store.addProject(row))) throw new IdentityError("Conflict", `Duplicate entry found with name ${name}.`);
      return row;
    },

    async assignRole(userRef, projectRef, roleName) {
      const user = await mustFind(store.findUser(userRef), `user: ${userRef}`);
      const project = await mustFind(store.findProject(projectRef), `project: ${projectRef}`);
      const role = (await store.listRoles()).find((r) => r.name === roleName || r.id === roleName);
      if (!role) throw new IdentityError("NotFound", `Could not find role: ${roleName}.`);
      await store.assign(user.id, project.id, role.id);
    },

    listUsers: async () => (await store.listUsers()).map(({ id, name }) => ({ id, name })),
    listProjects: () => store.listProjects(),
    projectsOf: (userId) => store.projectsOf(userId),
    listRoles: () => store.listRoles(),
    listGroups: () => store.listGroups(),
    async groupMembers(ref) {
      const group = await mustFind(store.findGroup(ref), `group: ${ref}`);
      return (await store.membersOf(group.id)).map(({ id, name }) => ({ id, name }));
    },
    listRecords: (kind) => store.listRecords(kind),
  };
  return identity;
}
