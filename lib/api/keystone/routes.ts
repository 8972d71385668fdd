/**
 * The Keystone v3 subset at /identity: version documents, POST/GET/DELETE /v3/auth/tokens (password
 * and token methods, project scope), GET /v3/auth/projects, and minimal projects, users, roles and
 * role assignments (changes need the cloud admin: identity-policy.ts); the directory's groups, domains,
 * services, endpoints and regions are read through directory-routes.ts. Answers in Keystone's shapes (views.ts).
 */
import { IdentityError, type Credentials, type Identity, type TokenInfo } from "../../services/identity";
import { ADMIN_PROJECT_NAME, isCloudAdmin, mayActOnToken } from "../../services/identity-policy";
import { clientAddress } from "../../services/login-throttle";
import { callerToken } from "../caller";
import { allowFields, badRequest, empty, json, originOf, readJsonObject } from "../http";
import { dispatch, segmentsAfter, type Route } from "../router";
import { directoryRoutes } from "./directory-routes";
import { revokeRoutes } from "./revoke-routes";
import { keystoneError, projectView, tokenBody, versionDoc } from "./views";

/** What an identity route sees. */
export interface IdentityContext {
  identity: Identity;
  request: Request;
  origin: string;
}

const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const obj = (v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** The credentials of an auth request body (`auth.identity`). */
function credentialsOf(body: Record<string, unknown>): { credentials: Credentials; scope?: { project: string } } {
  const auth = obj(body.auth);
  const ident = obj(auth.identity);
  const methods = Array.isArray(ident.methods) ? ident.methods : [];
  let credentials: Credentials;
  if (methods.includes("password")) {
    const user = obj(obj(ident.password).user);
    const name = str(user.id) ?? str(user.name);
    const password = str(user.password);
    if (!name || password === undefined) throw badRequest("auth.identity.password.user needs a name (or id) and a password.", "ValidationError");
    credentials = { method: "password", user: name, password };
  } else if (methods.includes("token")) {
    const token = str(obj(ident.token).id);
    if (!token) throw badRequest("auth.identity.token needs an id.", "ValidationError");
    credentials = { method: "token", token };
  } else {
    throw badRequest('auth.identity.methods must include "password" or "token".', "ValidationError");
  }
  const project = obj(obj(auth.scope).project);
  const ref = str(project.id) ?? str(project.name);
  if (auth.scope !== undefined && !ref) throw badRequest("Only project scope (by id or name) is supported.", "ValidationError");
  return { credentials, scope: ref ? { project: ref } : undefined };
}

/** The caller's token (X-Auth-Token), validated; 401 when missing or invalid. */
const caller = (ctx: IdentityContext): Promise<TokenInfo> => callerToken(ctx.identity, ctx.request);

/** The caller's token, which must be the cloud admin's (identity-policy.ts): a project's admin is not enough. */
async function admin(ctx: IdentityContext): Promise<TokenInfo> {
  const info = await caller(ctx);
  if (!isCloudAdmin(info)) {
    throw new IdentityError("Forbidden", `You are not authorized to perform the requested action: it needs the admin role on the ${ADMIN_PROJECT_NAME} project (an admin of another project administers only that project's stacks).`);
  }
  return info;
}

/**
 * The token named by X-Subject-Token, which the caller may act on (its own, or any for the cloud
 * admin); another user's token is "not found", as an invalid one is, so tokens cannot be probed.
 */
async function subjectToken(ctx: IdentityContext): Promise<{ token: string; info: TokenInfo }> {
  const me = await caller(ctx);
  const token = subject(ctx);
  const info = await ctx.identity.validate(token);
  if (!mayActOnToken(me, info)) throw new IdentityError("NotFound", "Could not find token.");
  return { token, info };
}

/** The `key` object of an admin's request body, with only `allowed` fields. */
async function adminBody(ctx: IdentityContext, key: string, allowed: string[]): Promise<Record<string, unknown>> {
  await admin(ctx);
  const body = obj((await readJsonObject(ctx.request))[key]);
  allowFields(body, allowed, key);
  return body;
}

/** A user as Keystone shows it. */
const userView = (u: { id: string; name: string }) => ({ ...u, domain_id: "default", enabled: true, password_expires_at: null });

/** The subject token (X-Subject-Token) of GET/DELETE /auth/tokens. */
function subject(ctx: IdentityContext): string {
  const token = ctx.request.headers.get("x-subject-token");
  if (!token) throw badRequest("X-Subject-Token header is required.", "ValidationError");
  return token;
}

const ROUTES: Route<IdentityContext>[] = [
  {
    method: "GET",
    pattern: "",
    handle: (ctx) => json({ versions: { values: [versionDoc(ctx.origin)] } }, 300),
  },
  { method: "GET", pattern: "v3", handle: (ctx) => json({ version: versionDoc(ctx.origin) }) },
  {
    method: "POST",
    pattern: "v3/auth/tokens",
    async handle(ctx) {
      const { credentials, scope } = credentialsOf(await readJsonObject(ctx.request));
      const { token, info } = await ctx.identity.authenticate(credentials, scope, { address: clientAddress(ctx.request.headers) });
      return json(tokenBody(info, ctx.origin), 201, { "x-subject-token": token });
    },
  },
  {
    method: "GET",
    pattern: "v3/auth/tokens",
    async handle(ctx) {
      const { token, info } = await subjectToken(ctx);
      const nocatalog = new URL(ctx.request.url).searchParams.has("nocatalog");
      return json(tokenBody(info, ctx.origin, !nocatalog), 200, { "x-subject-token": token });
    },
  },
  {
    method: "DELETE",
    pattern: "v3/auth/tokens",
    async handle(ctx) {
      await ctx.identity.revoke((await subjectToken(ctx)).token);
      return empty(204);
    },
  },
  {
    method: "GET",
    pattern: "v3/auth/projects",
    async handle(ctx) {
      const info = await caller(ctx);
      return json({ projects: (await ctx.identity.projectsOf(info.user.id)).map((p) => projectView(p, ctx.origin)) });
    },
  },
  {
    method: "GET",
    pattern: "v3/projects",
    async handle(ctx) {
      const info = await caller(ctx);
      const projects = isCloudAdmin(info) ? await ctx.identity.listProjects() : await ctx.identity.projectsOf(info.user.id);
      return json({ projects: projects.map((p) => projectView(p, ctx.origin)) });
    },
  },
  {
    method: "POST",
    pattern: "v3/projects",
    async handle(ctx) {
      const body = await adminBody(ctx, "project", ["name", "description", "domain_id", "enabled", "is_domain", "parent_id", "tags"]);
      const project = await ctx.identity.createProject(str(body.name) ?? "", str(body.description));
      return json({ project: projectView(project, ctx.origin) }, 201);
    },
  },
  {
    method: "GET",
    pattern: "v3/users",
    async handle(ctx) {
      await admin(ctx);
      return json({ users: (await ctx.identity.listUsers()).map(userView) });
    },
  },
  {
    method: "POST",
    pattern: "v3/users",
    async handle(ctx) {
      const body = await adminBody(ctx, "user", ["name", "password", "domain_id", "enabled", "default_project_id", "description", "email"]);
      const user = await ctx.identity.createUser(str(body.name) ?? "", str(body.password) ?? "");
      return json({ user: userView(user) }, 201);
    },
  },
  {
    method: "GET",
    pattern: "v3/roles",
    async handle(ctx) {
      await caller(ctx);
      return json({ roles: (await ctx.identity.listRoles()).map(({ id, name }) => ({ id, name, domain_id: null })) });
    },
  },
  {
    method: "PUT",
    pattern: "v3/projects/:project/users/:user/roles/:role",
    async handle(ctx, p) {
      await admin(ctx);
      await ctx.identity.assignRole(p.user, p.project, p.role);
      return empty(204);
    },
  },
  ...directoryRoutes({ caller, admin }),
  ...revokeRoutes(caller),
];

/** Answers one request under /identity. */
export async function handleIdentityRequest(identity: Identity, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const ctx: IdentityContext = { identity, request, origin: originOf(request) };
  try {
    return await dispatch(ROUTES, request.method, segmentsAfter(url, "/identity"), ctx);
  } catch (error) {
    return keystoneError(error, ctx.origin);
  }
}
