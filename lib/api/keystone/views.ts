/**
 * Keystone v3 answer shapes: the token body (user, project, roles, catalog), the version document,
 * and errors as `{"error": {code, message, title}}`.
 */
import type { ProjectRow, TokenInfo } from "../../services/identity";
import { answerOf } from "../heat-faults";
import { currentFederation } from "../../federation/catalog";
import { endpointRoot, ENDPOINT_REGIONS } from "../heat/regions";
import { json } from "../http";

/** The only domain: every user and project lives in it. */
export const DEFAULT_DOMAIN = { id: "default", name: "Default" } as const;

/** Keystone's time form: microseconds and Z. */
const keystoneTime = (iso: string) => iso.replace(/\.(\d{3})Z$/, ".$1000Z");

/**
 * The service catalog: orchestration and identity, one endpoint per region. Embedded, every region is
 * under `origin` (heat/regions.ts); in a federation each region's endpoints are its own service's.
 */
export function catalog(origin: string, projectId: string): unknown[] {
  const endpoint = (service: string, region: string, url: string) => ({ id: `${service}-${region}`.toLowerCase(), interface: "public", region, region_id: region, url });
  const federation = currentFederation();
  const regions = federation
    ? federation.regions.map((r) => ({ name: r.name, heat: `${r.heat}/v1/${projectId}`, identity: `${r.identity}/v3` }))
    : ENDPOINT_REGIONS.map((r) => ({ name: r, heat: `${origin}${endpointRoot(r)}/v1/${projectId}`, identity: `${origin}/identity/v3` }));
  return [
    { id: "orchestration", type: "orchestration", name: "heat", endpoints: regions.map((r) => endpoint("heat", r.name, r.heat)) },
    { id: "identity", type: "identity", name: "keystone", endpoints: regions.map((r) => endpoint("keystone", r.name, r.identity)) },
  ];
}

/** The body of POST/GET /auth/tokens. */
export function tokenBody(info: TokenInfo, origin: string, withCatalog = true): unknown {
  return {
    token: {
      methods: info.methods,
      user: { domain: DEFAULT_DOMAIN, id: info.user.id, name: info.user.name, password_expires_at: null },
      audit_ids: [info.issuedAt.replace(/\D/g, "").slice(-12)],
      expires_at: keystoneTime(info.expiresAt),
      issued_at: keystoneTime(info.issuedAt),
      ...(info.project
        ? {
            project: { domain: DEFAULT_DOMAIN, id: info.project.id, name: info.project.name },
            is_domain: false,
            is_admin_project: info.isAdminProject,
            roles: info.roles.map(({ id, name }) => ({ id, name })),
            ...(withCatalog ? { catalog: catalog(origin, info.project.id) } : {}),
          }
        : {}),
    },
  };
}

/** A project as Keystone shows it. */
export function projectView(p: ProjectRow, origin: string): unknown {
  return { id: p.id, name: p.name, description: p.description, domain_id: DEFAULT_DOMAIN.id, enabled: p.enabled, is_domain: false, parent_id: DEFAULT_DOMAIN.id, tags: [], links: { self: `${origin}/identity/v3/projects/${p.id}` } };
}

/** The v3 version document (GET /identity/v3). */
export function versionDoc(origin: string): unknown {
  return {
    id: "v3.14",
    status: "stable",
    updated: "2020-04-07T00:00:00Z",
    links: [{ rel: "self", href: `${origin}/identity/v3/` }],
    "media-types": [{ base: "application/json", type: "application/vnd.openstack.identity-v3+json" }],
  };
}

const TITLES: Record<number, string> = { 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 409: "Conflict", 429: "Too Many Requests", 500: "Internal Server Error" };

/** A Keystone error body for `error` (401s carry WWW-Authenticate, as Keystone's do). */
export function keystoneError(error: unknown, origin: string): Response {
  const { status, message, headers: faultHeaders } = answerOf(error, "identity");
  const headers: Record<string, string> = status === 401 ? { "www-authenticate": `Keystone uri="${origin}/identity"` } : faultHeaders;
  return json({ error: { code: status, message, title: TITLES[status] ?? "Error" } }, status, headers);
}
