/**
 * One orchestration endpoint per region, as separate Heat services would have. Embedded (one process,
 * every region): RegionOne at DevStack's `/heat-api/v1/{project_id}`, every other region at
 * `/heat-api/region/{Region}/v1/{project_id}`. In a federation (lib/federation/catalog.ts) this
 * service serves its own region only, at `/heat-api`; the others are other services' endpoints. A stack
 * created through an endpoint has that region as its home (default) region, and an endpoint sees only
 * the stacks whose home is its region.
 */
import { currentFederation } from "../../federation/catalog";
import { HttpError } from "../http";

/** Regions with an orchestration endpoint in the embedded default (the catalog lists them in this order). */
export const ENDPOINT_REGIONS = ["RegionOne", "RegionTwo", "RegionThree"] as const;

/** The regions this service has an endpoint for: its federation region, else the embedded three. */
export function servedRegions(): readonly string[] {
  const federation = currentFederation();
  return federation ? [federation.self.name] : ENDPOINT_REGIONS;
}

/** The region served at the plain `/heat-api` path. */
const defaultEndpointRegion = (): string => servedRegions()[0];

/** The path of a region's endpoint root (before `/v1/...`). */
export function endpointRoot(region: string): string {
  return region === defaultEndpointRegion() ? "/heat-api" : `/heat-api/region/${encodeURIComponent(region)}`;
}

/** Why `region` has no endpoint here: another service of the federation serves it, or it is unknown. */
function noEndpoint(region: string): HttpError {
  const elsewhere = currentFederation()?.regions.find((r) => r.name === region);
  if (elsewhere) return new HttpError(404, `The region "${region}" is served by another Hearth: use its endpoint ${elsewhere.heat}.`, "HTTPNotFound");
  return new HttpError(404, `The region "${region}" has no orchestration endpoint: use one of ${servedRegions().join(", ")}.`, "HTTPNotFound");
}

/** The region a request's path (segments after `/heat-api`) addresses, and the segments after its endpoint root. */
export function regionOfPath(segments: readonly string[]): { region: string; rest: string[] } {
  if (segments[0] !== "region") return { region: defaultEndpointRegion(), rest: [...segments] };
  const region = segments[1] ?? "";
  if (!servedRegions().includes(region)) throw noEndpoint(region);
  return { region, rest: segments.slice(2) };
}
