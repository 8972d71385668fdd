/**
 * One orchestration endpoint per region, as separate Heat services would have: RegionOne at DevStack's
 * `/heat-api/v1/{project_id}`, every other region at `/heat-api/region/{Region}/v1/{project_id}`. A
 * stack created through an endpoint has that region as its home (default) region, and an endpoint
 * sees only the stacks whose home is its region.
 */
import { HttpError } from "../http";

/** Regions with an orchestration endpoint (the catalog lists them in this order). */
export const ENDPOINT_REGIONS = ["RegionOne", "RegionTwo", "RegionThree"] as const;

/** The region served at DevStack's plain `/heat-api` path. */
const DEFAULT_ENDPOINT_REGION = ENDPOINT_REGIONS[0];

/** The path of a region's endpoint root (before `/v1/...`). */
export function endpointRoot(region: string): string {
  return region === DEFAULT_ENDPOINT_REGION ? "/heat-api" : `/heat-api/region/${encodeURIComponent(region)}`;
}

/** The region a request's path (segments after `/heat-api`) addresses, and the segments after its endpoint root. */
export function regionOfPath(segments: readonly string[]): { region: string; rest: string[] } {
  if (segments[0] !== "region") return { region: DEFAULT_ENDPOINT_REGION, rest: [...segments] };
  const region = segments[1] ?? "";
  if (!(ENDPOINT_REGIONS as readonly string[]).includes(region)) {
    throw new HttpError(404, `The region "${region}" has no orchestration endpoint: use one of ${ENDPOINT_REGIONS.join(", ")}.`, "HTTPNotFound");
  }
  return { region, rest: segments.slice(2) };
}
