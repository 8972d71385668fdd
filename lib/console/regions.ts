/**
 * The regions view's data for the signed-in user: in a region of a federation, every region of the
 * catalog probed with the session's own token (lib/services/regions-view.ts); in the embedded
 * default, the simulated regions this process serves, with their endpoints on this console's origin.
 */
import { headers } from "next/headers";
import { endpointRoot } from "@/lib/api/heat/regions";
import { configuredFederation } from "@/lib/services/federation";
import { embeddedRegions, federatedRegions, type RegionsOverview } from "@/lib/services/regions-view";
import { consoleHearth, getSession } from "./session";

/** The origin the browser reached this console on (behind a proxy: its forwarded host and protocol). */
async function requestOrigin(): Promise<string> {
  const h = await headers();
  return `${h.get("x-forwarded-proto") ?? "http"}://${h.get("x-forwarded-host") ?? h.get("host") ?? "127.0.0.1"}`;
}

/** The regions view of the session's project; without a valid session, the login page (as every console page). */
export async function consoleRegions(): Promise<RegionsOverview> {
  const hearth = await consoleHearth();
  const session = await getSession();
  const federation = configuredFederation();
  // consoleHearth has sent a request without a valid session to the login page
  if (federation) return federatedRegions(hearth, federation, session.kind === "valid" ? session.token : "");
  const origin = await requestOrigin();
  return embeddedRegions(hearth, (region) => ({ heat: `${origin}${endpointRoot(region)}`, identity: `${origin}/identity` }));
}
