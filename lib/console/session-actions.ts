"use server";

/**
 * The session's server actions: log in (password, then a token scoped to the chosen or first
 * project), switch project (re-scope the token, Keystone-style, and revoke the old one), log out
 * (revoke the token). The cookie only ever holds the token.
 */
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getHearth } from "@/lib/services";
import type { Identity } from "@/lib/services/identity";
import { clientAddress } from "@/lib/services/login-throttle";
import { isIdentityError } from "./errors";
import { getSession } from "./session";
import { loginUrl, safeNext, sessionCookie, SESSION_COOKIE } from "./session-cookie";

/** What the login form shows after a refused attempt. */
export interface LoginState {
  error?: string;
  user?: string;
  project?: string;
}

const loginSchema = z.object({ user: z.string().trim(), password: z.string(), project: z.string().trim(), next: z.string() });

/** True for an identity refusal (checked by name: bundling may split classes). */

/** Stores a token in the session cookie (Secure when the browser came over https). */
async function keep(token: string): Promise<void> {
  const secure = (await headers()).get("x-forwarded-proto") === "https";
  (await cookies()).set(sessionCookie(token, secure));
}

/** Revokes a token that may already be gone. */
async function forget(identity: Identity, token: string): Promise<void> {
  await identity.revoke(token).catch((error: unknown) => {
    if (!isIdentityError(error)) throw error;
  });
}

/** Logs in from the login form; on success goes to `next` (default the stacks list). */
export async function login(_previous: LoginState, form: FormData): Promise<LoginState> {
  const parsed = loginSchema.safeParse(Object.fromEntries(["user", "password", "project", "next"].map((key) => [key, form.get(key) ?? ""])));
  if (!parsed.success) return { error: "The login form was incomplete: reload the page and try again." };
  const { user, password, project, next } = parsed.data;
  if (!user || !password) return { error: "Enter your user name and password.", user, project };
  const { identity } = await getHearth();
  let unscoped: string;
  let userId: string;
  try {
    const result = await identity.authenticate({ method: "password", user, password }, undefined, { address: clientAddress(await headers()) });
    unscoped = result.token;
    userId = result.info.user.id;
  } catch (error) {
    if (isIdentityError(error, "Unauthorized")) return { error: "Wrong user name or password.", user, project };
    if (isIdentityError(error, "TooManyRequests")) return { error: (error as Error).message, user, project };
    throw error;
  }
  try {
    const target = project || (await identity.projectsOf(userId))[0]?.name;
    if (!target) return { error: `User ${user} has no role on any project: ask an admin to grant one.`, user, project };
    const scoped = await identity.authenticate({ method: "token", token: unscoped }, { project: target }).catch((error: unknown) => {
      if (isIdentityError(error, "Unauthorized")) return undefined;
      throw error;
    });
    if (!scoped) return { error: `User ${user} has no role on project ${target}.`, user, project };
    await keep(scoped.token);
  } finally {
    await forget(identity, unscoped);
  }
  redirect(safeNext(next));
}

/** Re-scopes the session to another project of the user; the page reloads itself after it. */
export async function switchProject(projectId: string): Promise<{ ok: true } | { ok: false; error: string }> {
  const session = await getSession();
  if (session.kind !== "valid") return { ok: false, error: "Your session has ended: log in again." };
  const { identity } = await getHearth();
  try {
    const scoped = await identity.authenticate({ method: "token", token: session.token }, { project: String(projectId) });
    await keep(scoped.token);
  } catch (error) {
    if (isIdentityError(error, "Unauthorized")) return { ok: false, error: `You have no role on project ${projectId}.` };
    throw error;
  }
  await forget(identity, session.token);
  return { ok: true };
}

/** Logs out: revokes the session's token, drops the cookie, and shows the login page. */
export async function logout(): Promise<void> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (token) await forget((await getHearth()).identity, token);
  (await cookies()).delete(SESSION_COOKIE);
  redirect(loginUrl(undefined, "logged-out"));
}
