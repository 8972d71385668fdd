/**
 * The console's session on the server: the identity token in the session cookie, checked against
 * Hearth's identity on every request, and the Hearth every console page, server action and route
 * uses, scoped to the token's project (read-only for a reader). Without a valid session pages go to
 * the login page (with the reason when the token expired or was revoked) and routes answer 401.
 */
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getHearth } from "@/lib/services";
import type { TokenInfo } from "@/lib/services/identity";
import type { Hearth } from "@/lib/services/types";
import { isIdentityError } from "./errors";
import { readOnlyHearth } from "./read-only-hearth";
import { accessOf, loginUrl, PATH_HEADER, SESSION_COOKIE, type Access } from "./session-cookie";

/** A valid, project-scoped session. */
export interface Session {
  token: string;
  info: TokenInfo & { project: { id: string; name: string } };
  access: Access;
}

/** The request's session: none (no cookie), ended (expired, revoked or unscoped token) or valid. */
export type SessionState = { kind: "none" } | { kind: "ended" } | ({ kind: "valid" } & Session);


/** The session of the request being served (checked once per request). */
export const getSession = cache(async (): Promise<SessionState> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return { kind: "none" };
  let info: TokenInfo;
  try {
    info = await (await getHearth()).identity.validate(token);
  } catch (error) {
    if (isIdentityError(error, "NotFound")) return { kind: "ended" };
    throw error;
  }
  const project = info.project;
  if (!project) return { kind: "ended" };
  return { kind: "valid", token, info: { ...info, project }, access: accessOf(info.roles, project.name) };
});

/** The Hearth a session sees: its project's, refusing changes when its role may only read. */
function hearthOf(hearth: Hearth, session: Session): Hearth {
  const scoped = hearth.forProject(session.info.project.id);
  return session.access.canChange ? scoped : readOnlyHearth(scoped, session.access.reason ?? "You may only read.");
}

/**
 * The Hearth of the signed-in user's project, for console pages and server actions. Without a valid
 * session it redirects to the login page, which comes back to the current page afterwards.
 */
export async function consoleHearth(): Promise<Hearth> {
  const session = await getSession();
  if (session.kind !== "valid") {
    const here = (await headers()).get(PATH_HEADER);
    redirect(loginUrl(here, session.kind === "ended" ? "expired" : undefined));
  }
  return hearthOf(await getHearth(), session);
}

/** The session's Hearth for a console route, or undefined when there is no valid session (answer 401). */
export async function routeHearth(): Promise<Hearth | undefined> {
  const session = await getSession();
  return session.kind === "valid" ? hearthOf(await getHearth(), session) : undefined;
}

/** The 401 a console route answers without a valid session. */
export function unauthorized(): Response {
  return Response.json({ error: "Log in to the console first: no valid session (it may have expired or been revoked)." }, { status: 401 });
}
