/**
 * The console session's rules, free of Next and the database so the proxy, the server code and
 * the tests share them: the cookie's name and attributes, which paths need a session, where the
 * login page sends the user back to, the messages it shows, and what a role may do.
 */

/** Name of the httpOnly cookie that carries the session's identity token (never the password). */
export const SESSION_COOKIE = "hearth_session";

/** Request header the proxy sets to the path (and query) being rendered, for redirects to login. */
export const PATH_HEADER = "x-hearth-path";

/** Why the login page was opened (shown above the form). */
export type LoginReason = "expired" | "logged-out";

/** The message the login page shows for a reason. */
const LOGIN_MESSAGES: Record<LoginReason, string> = {
  expired: "Your session has ended (it expired or was revoked). Log in again to continue.",
  "logged-out": "You have logged out.",
};

/** The login message for a `reason` query value; undefined for none or an unknown one. */
export function loginMessage(reason: string | undefined): string | undefined {
  return reason && Object.hasOwn(LOGIN_MESSAGES, reason) ? LOGIN_MESSAGES[reason as LoginReason] : undefined;
}

/**
 * Attributes of the session cookie: httpOnly, SameSite=Lax, whole site. It lasts as long as the
 * browser session, not just the token: when the token expires the server still sees it, and the
 * login page can say that the session ended instead of appearing without a word.
 */
export function sessionCookie(token: string, secure = false) {
  return { name: SESSION_COOKIE, value: token, httpOnly: true, sameSite: "lax" as const, path: "/", secure };
}

/** Paths with their own authentication (Heat API, identity, signed signal URLs) or none (login, assets). */
const PUBLIC_PREFIXES = ["/login", "/heat-api", "/identity", "/api/signals/", "/_next/"];
const PUBLIC_FILES = new Set(["/favicon.ico", "/robots.txt"]);

/** How the proxy treats a path: "public" (no session needed), "route" (401 without one) or "page" (redirect to login). */
export function gateOf(pathname: string): "public" | "route" | "page" {
  const underPrefix = (prefix: string) => pathname === prefix.replace(/\/$/, "") || pathname.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`);
  if (PUBLIC_FILES.has(pathname) || PUBLIC_PREFIXES.some(underPrefix)) return "public";
  return pathname === "/api" || pathname.startsWith("/api/") ? "route" : "page";
}

/** An origin no request has: a `next` resolved against it must stay on it. */
const PROBE_ORIGIN = "http://hearth.invalid";

/** Control characters (browsers drop tabs and newlines from URLs) and backslashes (read as slashes). */
const AMBIGUOUS = /[\u0000-\u001f\u007f\\]/;

/** Whether some percent-decoding of `path` could be read as another host (`//evil`, `/\evil`) or is malformed. */
function decodesAmbiguously(path: string): boolean {
  let text = path;
  for (let round = 0; round < 4; round++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      return true;
    }
    if (decoded === text) return false;
    if (AMBIGUOUS.test(decoded) || decoded.startsWith("//")) return true;
    text = decoded;
  }
  return true;
}

/**
 * A safe place to go back to after login: a console page of this site, never another origin or the
 * login page itself. Anything a browser might read as another host (`//evil`, `/\evil`, `/%2F%2Fevil`,
 * tabs or newlines inside) is refused; what is returned is the normalised path that was checked.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || AMBIGUOUS.test(next) || decodesAmbiguously(next)) return "/";
  let url: URL;
  try {
    url = new URL(next, PROBE_ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== PROBE_ORIGIN) return "/";
  return gateOf(url.pathname) === "page" ? `${url.pathname}${url.search}${url.hash}` : "/";
}

/** The login page's URL that comes back to `next` afterwards, with an optional reason to show. */
export function loginUrl(next: string | null | undefined, reason?: LoginReason): string {
  const query = new URLSearchParams();
  const back = safeNext(next);
  if (back !== "/") query.set("next", back);
  if (reason) query.set("reason", reason);
  const text = query.toString();
  return text ? `/login?${text}` : "/login";
}

/** What the session's role allows in the console. */
export interface Access {
  canChange: boolean;
  /** Why changes are refused (set when canChange is false), for disabled buttons and refused actions. */
  reason?: string;
}

/** admin and member may change the project's stacks; any other role (reader) may only look. */
export function accessOf(roles: readonly { name: string }[], project: string): Access {
  if (roles.some((r) => r.name === "admin" || r.name === "member")) return { canChange: true };
  const role = roles.map((r) => r.name).join(", ") || "no role";
  return { canChange: false, reason: `Your role in project ${project} is ${role}: you may look but not change anything.` };
}
