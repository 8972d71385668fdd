/**
 * A small path router for the REST handlers: patterns like `stacks/:name/:id/resources` matched
 * segment by segment; `:x` captures one (URL-decoded) segment. The first matching route wins.
 */
import { HttpError } from "./http";

/** Captured path parameters. */
export type Params = Record<string, string>;

/** One route: method, pattern and handler. */
export interface Route<C> {
  method: string;
  pattern: string;
  handle(context: C, params: Params): Promise<Response> | Response;
}

/** Matches `segments` against a pattern; the captured parameters, or undefined. */
function matchPattern(pattern: string, segments: readonly string[]): Params | undefined {
  const parts = pattern === "" ? [] : pattern.split("/");
  if (parts.length !== segments.length) return undefined;
  const params: Params = {};
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].startsWith(":")) params[parts[i].slice(1)] = segments[i];
    else if (parts[i] !== segments[i]) return undefined;
  }
  return params;
}

/** Runs the first route matching method and path; 404 for an unknown path, 405 for a wrong method. */
export async function dispatch<C>(routes: readonly Route<C>[], method: string, segments: readonly string[], context: C): Promise<Response> {
  let pathKnown = false;
  for (const route of routes) {
    const params = matchPattern(route.pattern, segments);
    if (!params) continue;
    pathKnown = true;
    if (route.method === method || (method === "HEAD" && route.method === "GET")) return route.handle(context, params);
  }
  if (pathKnown) throw new HttpError(405, `The method ${method} is not allowed for this resource.`, "HTTPMethodNotAllowed");
  throw new HttpError(404, `The resource /${segments.join("/")} could not be found.`, "HTTPNotFound");
}

/** The path segments of a URL after `prefix` (decoded, no empty ones); a 400 naming a segment that is not valid %-encoding. */
export function segmentsAfter(url: URL, prefix: string): string[] {
  const rest = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname;
  return rest.split("/").filter(Boolean).map((segment, index) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      throw new HttpError(400, `Path segment ${index + 1} ("${segment.slice(0, 80)}") is not valid percent-encoding (UTF-8 bytes as %XX).`, "HTTPBadRequest");
    }
  });
}
