/**
 * Keystone's directory reads: GET /v3/{groups,domains,services,endpoints,regions} and /v3/<kind>/{id}
 * (by id or name), plus GET /v3/groups/{id}/users. Lists take Keystone's equality filters as query
 * parameters (`?name=`, `?type=`, `?interface=`, `?service_id=` ...). What they show: the records the
 * OS::Keystone::* types made, after the built-in ones (the default domain; the orchestration and
 * identity services, their endpoints and regions, as the token catalogue lists them). Regions may be
 * read with any token, the rest needs the cloud admin, as Keystone's default policy says.
 */
import type { TokenInfo } from "../../services/identity";
import type { RecordRow } from "../../services/identity";
import type { IdentityRecordKind } from "../../engine/ports";
import { IdentityError } from "../../services/identity";
import { json } from "../http";
import type { Route } from "../router";
import { catalog, DEFAULT_DOMAIN } from "./views";
import type { IdentityContext } from "./routes";

/** How directory routes check the caller: any valid token, or the cloud admin's. */
export interface DirectoryGuards {
  caller(ctx: IdentityContext): Promise<TokenInfo>;
  admin(ctx: IdentityContext): Promise<TokenInfo>;
}

type View = Record<string, unknown>;

const recordView = (r: RecordRow): View => ({ id: r.id, ...(r.kind === "region" ? {} : { name: r.name }), ...r.fields });

/** The built-in rows of each kind, as the token catalogue (views.ts) shows them for `projectId`. */
function builtins(kind: IdentityRecordKind, origin: string, projectId: string): View[] {
  const services = catalog(origin, projectId) as { id: string; type: string; name: string; endpoints: { id: string; interface: string; region: string; url: string }[] }[];
  if (kind === "domain") return [{ ...DEFAULT_DOMAIN, description: "The default domain", enabled: true }];
  if (kind === "service") return services.map(({ id, type, name }) => ({ id, name, type, description: "", enabled: true }));
  if (kind === "endpoint") return services.flatMap((s) => s.endpoints.map((e) => ({ ...e, region_id: e.region, service_id: s.id, enabled: true })));
  const regions = [...new Set(services.flatMap((s) => s.endpoints.map((e) => e.region)))];
  return regions.map((id) => ({ id, description: "", parent_region_id: null, enabled: true }));
}

/** The rows of `kind`, built-in first, with a `links.self` under /identity/v3/<plural>. */
async function rowsOf(ctx: IdentityContext, kind: IdentityRecordKind, info: TokenInfo): Promise<View[]> {
  const rows = [...builtins(kind, ctx.origin, info.project?.id ?? ""), ...(await ctx.identity.listRecords(kind)).map(recordView)];
  return rows.map((row) => ({ ...row, links: { self: `${ctx.origin}/identity/v3/${kind}s/${row.id}` } }));
}

/** Keystone's equality filters: each query parameter must equal the field of that name. */
function filtered(rows: View[], query: URLSearchParams): View[] {
  return rows.filter((row) => [...query].every(([k, v]) => String(row[k] ?? "") === v));
}

/** The one row `ref` (id, else name) names; Keystone's 404 when none does. */
function one(rows: View[], kind: string, ref: string): View {
  const found = rows.find((r) => r.id === ref) ?? rows.find((r) => r.name === ref);
  if (!found) throw new IdentityError("NotFound", `Could not find ${kind}: ${ref}.`);
  return found;
}

/** The directory's read routes. */
export function directoryRoutes(guards: DirectoryGuards): Route<IdentityContext>[] {
  const kinds: { kind: IdentityRecordKind; guard: (ctx: IdentityContext) => Promise<TokenInfo> }[] = [
    { kind: "domain", guard: guards.admin },
    { kind: "service", guard: guards.admin },
    { kind: "endpoint", guard: guards.admin },
    { kind: "region", guard: guards.caller },
  ];
  const groups = async (ctx: IdentityContext): Promise<View[]> =>
    (await ctx.identity.listGroups()).map((g) => ({ id: g.id, name: g.name, description: g.description, domain_id: DEFAULT_DOMAIN.id, links: { self: `${ctx.origin}/identity/v3/groups/${g.id}` } }));
  return [
    ...kinds.flatMap(({ kind, guard }): Route<IdentityContext>[] => [
      {
        method: "GET",
        pattern: `v3/${kind}s`,
        handle: async (ctx) => json({ [`${kind}s`]: filtered(await rowsOf(ctx, kind, await guard(ctx)), new URL(ctx.request.url).searchParams) }),
      },
      {
        method: "GET",
        pattern: `v3/${kind}s/:ref`,
        handle: async (ctx, p) => json({ [kind]: one(await rowsOf(ctx, kind, await guard(ctx)), kind, p.ref) }),
      },
    ]),
    {
      method: "GET",
      pattern: "v3/groups",
      async handle(ctx) {
        await guards.admin(ctx);
        return json({ groups: filtered(await groups(ctx), new URL(ctx.request.url).searchParams) });
      },
    },
    {
      method: "GET",
      pattern: "v3/groups/:ref",
      async handle(ctx, p) {
        await guards.admin(ctx);
        return json({ group: one(await groups(ctx), "group", p.ref) });
      },
    },
    {
      method: "GET",
      pattern: "v3/groups/:ref/users",
      async handle(ctx, p) {
        await guards.admin(ctx);
        const members = await ctx.identity.groupMembers(p.ref);
        return json({ users: members.map((u) => ({ ...u, domain_id: DEFAULT_DOMAIN.id, links: { self: `${ctx.origin}/identity/v3/users/${u.id}` } })) });
      },
    },
  ];
}
