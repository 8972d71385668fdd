/**
 * Requests the site refuses before anything serves them, each with a clear 4xx instead of a
 * framework's 500: TRACE/TRACK/CONNECT (405, they only echo or tunnel), and a server action posted
 * from another origin (403, the cross-site request forgery Next's own check would answer with a 500).
 * Pure (no Next imports) so the proxy and the tests share it.
 */

/** A refusal: status, a JSON body with a code and a message, and extra headers. */
export interface Refusal {
  status: number;
  body: { error: { code: string; message: string } };
  headers: Record<string, string>;
}

/** Methods no page or route of Hearth answers. */
const REFUSED_METHODS = new Set(["TRACE", "TRACK", "CONNECT"]);

/** The methods Hearth serves (the Allow header of a 405). */
const ALLOWED = "GET, HEAD, POST, PUT, PATCH, DELETE";

const refusal = (status: number, code: string, message: string, headers: Record<string, string> = {}): Refusal => ({ status, body: { error: { code, message } }, headers });

/** The host the browser addressed (the front proxy's X-Forwarded-Host, else Host). */
function requestHost(headers: Pick<Headers, "get">): string | undefined {
  return headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || undefined;
}

/** Why a request is refused before it is served; undefined when it may go on. */
export function refuseRequest(method: string, pathname: string, headers: Pick<Headers, "get">): Refusal | undefined {
  const upper = method.toUpperCase();
  if (REFUSED_METHODS.has(upper)) {
    return refusal(405, "MethodNotAllowed", `The method ${upper} is not allowed for ${pathname}: use one of ${ALLOWED}.`, { allow: ALLOWED });
  }
  if (upper === "POST" && headers.get("next-action") !== null) {
    const origin = headers.get("origin");
    const host = requestHost(headers);
    let originHost: string | undefined;
    try {
      originHost = origin && origin !== "null" ? new URL(origin).host : undefined;
    } catch {
      originHost = undefined;
    }
    if (!originHost || originHost !== host) {
      const from = origin ? `from ${origin.slice(0, 200)}` : "without an Origin header";
      return refusal(403, "CrossOriginRefused", `A console form posted ${from} to ${host ?? "this site"} was refused: forms are only accepted from the console's own pages.`);
    }
  }
  return undefined;
}
