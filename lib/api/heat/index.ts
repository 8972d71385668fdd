/**
 * The Heat-compatible orchestration API at /heat-api: the version document, then under
 * /v1/{project_id} every route of stacks.ts, resources.ts and info.ts. Each request needs a valid
 * token (X-Auth-Token) scoped to the path's project (another project's path answers 404, as its
 * stacks do); readers may only read. `/stacks/{name_or_id}[/...]` answers Heat's 302 redirect to
 * the canonical `/stacks/{name}/{id}[/...]`. Each region has its own endpoint (regions.ts): the
 * same routes under `/heat-api/region/{Region}`, seeing only the stacks whose home is that region.
 */
import { IdentityError, type TokenInfo } from "../../services/identity";
import type { Hearth } from "../../services/types";
import { callerToken } from "../caller";
import { heatFault } from "../heat-faults";
import { HttpError, json, originOf } from "../http";
import { dispatch, segmentsAfter } from "../router";
import { keystoneError } from "../keystone/views";
import { stackAt, type HeatContext } from "./context";
import { INFO_ROUTES } from "./info";
import { RESOURCE_ROUTES } from "./resources";
import { STACK_ROUTES } from "./stacks";
import { endpointRoot, regionOfPath } from "./regions";
import { linker } from "./views";

const ROUTES = [...STACK_ROUTES, ...RESOURCE_ROUTES, ...INFO_ROUTES];

/** Path words after `/stacks/{name_or_id}` that Heat redirects to the canonical stack path. */
const LOOKUP_WORDS = new Set(["resources", "events", "template", "environment", "files", "outputs", "actions", "abandon", "export", "preview"]);

/** Methods a reader may use; POST /validate changes nothing either. */
const READ_METHODS = new Set(["GET", "HEAD"]);

/** The caller's token, which must be valid and scoped to `projectId`. */
async function authorize(hearth: Hearth, request: Request, projectId: string): Promise<TokenInfo> {
  const info = await callerToken(hearth.identity, request);
  if (info.project?.id !== projectId) throw new HttpError(404, `The project ${projectId} could not be found.`, "HTTPNotFound");
  return info;
}

/** Heat's version document (GET /heat-api/ or a region's endpoint root). */
function versions(root: string): Response {
  return json({ versions: [{ status: "CURRENT", id: "v1.0", links: [{ href: `${root}/v1/`, rel: "self" }] }] }, 300);
}

/** The 302 of `/stacks/{name_or_id}[/word/...]` to `/stacks/{name}/{id}[/word/...]`. */
async function lookupRedirect(ctx: HeatContext, rest: string[], search: string): Promise<Response> {
  const stack = await stackAt(ctx, rest[1], rest[1]);
  const tail = rest.slice(2).map(encodeURIComponent).join("/");
  const location = `${ctx.links.stack(stack.name, stack.id)}${tail ? `/${tail}` : ""}${search}`;
  return new Response(null, { status: 302, headers: { location } });
}

/** Answers one request under /heat-api. */
export async function handleHeatRequest(hearth: Hearth, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const origin = originOf(request);
  let region: string;
  let segments: string[];
  try {
    ({ region, rest: segments } = regionOfPath(segmentsAfter(url, "/heat-api")));
  } catch (error) {
    return heatFault(error);
  }
  const root = `${origin}${endpointRoot(region)}`;
  if (segments.length === 0 || (segments.length === 1 && segments[0] === "v1")) return versions(root);
  const [version, projectId, ...rest] = segments;
  let token: TokenInfo;
  try {
    if (version !== "v1") throw new HttpError(404, `API version ${version} is not supported: use v1.`, "HTTPNotFound");
    token = await authorize(hearth, request, projectId);
  } catch (error) {
    return error instanceof IdentityError && error.code === "Unauthorized" ? keystoneError(error, origin) : heatFault(error);
  }
  const base = `${root}/v1/${encodeURIComponent(projectId)}`;
  const ctx: HeatContext = { hearth: hearth.forProject(projectId), region, request, query: url.searchParams, base, links: linker(base), token };
  try {
    const isLookup = rest[0] === "stacks" && rest[1] !== "preview" && (rest.length === 2 || (rest.length > 2 && LOOKUP_WORDS.has(rest[2])));
    if (isLookup) return await lookupRedirect(ctx, rest, url.search);
    const writes = !READ_METHODS.has(request.method) && !(rest.length === 1 && rest[0] === "validate");
    if (writes && !token.roles.some((r) => r.name === "admin" || r.name === "member")) {
      throw new HttpError(403, `You are not authorized to ${request.method} /${rest.join("/")}: the reader role may only read.`, "Forbidden");
    }
    return await dispatch(ROUTES, request.method, rest, ctx);
  } catch (error) {
    return heatFault(error);
  }
}
