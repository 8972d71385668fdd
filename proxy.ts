/**
 * The console's gate (Next's proxy, run before every page and route): requests no page serves
 * (TRACE, a server action from another origin) get a clear 4xx (lib/console/request-guard.ts); without a session cookie,
 * pages redirect to /login?next=<page> and the console's own routes under /api answer 401. The
 * Heat API, identity and signed signal URLs have their own authentication and pass. The token itself
 * is checked where the request is served (lib/console/session.ts), which also learns the current path
 * from the header set here.
 */
import { NextResponse, type NextRequest } from "next/server";
import { refuseRequest } from "./lib/console/request-guard";
import { gateOf, loginUrl, PATH_HEADER, SESSION_COOKIE } from "./lib/console/session-cookie";

/** Lets a request with a session cookie through, sends one without it to login (pages) or 401 (routes). */
export function proxy(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  const refused = refuseRequest(request.method, pathname, request.headers);
  if (refused) return NextResponse.json(refused.body, { status: refused.status, headers: refused.headers });
  const gate = gateOf(pathname);
  if (gate === "public") return NextResponse.next();
  if (!request.cookies.has(SESSION_COOKIE)) {
    if (gate === "route") return NextResponse.json({ error: "Log in to the console first: no session." }, { status: 401 });
    return NextResponse.redirect(new URL(loginUrl(pathname + search), request.url));
  }
  const forwarded = new Headers(request.headers);
  forwarded.set(PATH_HEADER, pathname + search);
  return NextResponse.next({ request: { headers: forwarded } });
}

/** Every path except Next's static assets (the gate decides the rest). */
export const config = { matcher: ["/((?!_next/static|_next/image).*)"] };
