/**
 * A Hearth as one region of a federation (lib/federation): the parts createHearth takes from the
 * catalog. Its simulated cloud holds its own region only, stacks default to that region, tokens are
 * signed with the federation's shared key (every region validates them locally), and nested stacks in
 * other regions run through those regions' Heat APIs with a trust token for the parent's project.
 */
import type { RemoteNestedProvider } from "../engine/ports";
import { currentFederation, type Federation } from "../federation/catalog";
import { remoteNestedProvider } from "../federation/provider";
import { regionScan, type RegionScanSettings } from "../federation/divergence-scan";
import { injectedLatencyMs } from "../federation/remote-heat";
import { RevocationSync } from "../federation/revocation-sync";
import { divergenceResolver, type DivergenceResolver } from "../federation/resolve";
import { tokenSigner } from "../federation/signed-token";
import type { IdentityStore } from "../store/ports";
import { DEFAULT_REGION } from "./default-region";
import { ServiceError } from "./errors";
import type { Identity } from "./identity";
import { ADMIN_PROJECT_NAME } from "./identity-policy";
import { mintTrustToken, type SignedTokenSettings } from "./signed-tokens";

/** How long a trust token for a remote child lasts; one is minted per request. */
const TRUST_TTL_MS = 15 * 60_000;

/** The roles a parent region's Heat holds on its project's remote children. */
const TRUST_ROLES = ["member"];

/** What createHearth wires differently for a region of a federation. */
export interface RegionParts {
  /** The regions of this Hearth's simulated cloud (undefined: the sim's default, all three). */
  simRegions?: string[];
  /** The region of stacks that name none. */
  defaultRegion: string;
  /** Signed tokens (undefined: stored tokens only). */
  signed?: SignedTokenSettings;
  /** Nested stacks of other regions (undefined: every region is local). */
  remoteNested?: RemoteNestedProvider;
  /** Resolutions of diverged remote children (undefined: no remote children). */
  resolveDivergence?: DivergenceResolver;
  /**
   * Starts a long-running engine's background work of the region (undefined: none): the divergence
   * scan of its remote children and the pull of the other regions' token revocations.
   */
  startRegionTasks?(engine: RegionTaskDeps): { stop(): Promise<void> };
}

/** What a region's background work runs on: the engine's store, lease owner and length, and the identity revocations are stored in. */
export interface RegionTaskDeps extends Pick<RegionScanSettings, "store" | "owner" | "leaseMs"> {
  identity: Pick<Identity, "learnRevocations">;
}

/** A whole number of milliseconds >= 10 from `env[name]`, `fallback` when unset; an InvalidConfig error naming the variable otherwise. */
export function intervalVar(name: string, fallback: number, env: Record<string, string | undefined> = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 10) throw new ServiceError("InvalidConfig", `${name} must be a whole number of milliseconds >= 10, not ${JSON.stringify(raw)}`);
  return ms;
}

/** The divergence scan (HEARTH_DIVERGENCE_SCAN_MS, default 3 s) and the revocation pull (HEARTH_REVOCATION_SYNC_MS, default 2 s) of `federation`'s region, started. */
function startTasks(federation: Federation, deps: RegionTaskDeps, tokenFor: (projectId: string) => Promise<string>, signed: SignedTokenSettings): { stop(): Promise<void> } {
  const scan = regionScan(federation, { ...deps, tokenFor, intervalMs: intervalVar("HEARTH_DIVERGENCE_SCAN_MS", 3000), perTick: 50 });
  const revocations = new RevocationSync(federation, {
    token: async () => mintTrustToken(signed, ADMIN_PROJECT_NAME, TRUST_ROLES, TRUST_TTL_MS),
    learn: (events) => deps.identity.learnRevocations(events),
    intervalMs: intervalVar("HEARTH_REVOCATION_SYNC_MS", 2000),
  });
  scan.start();
  revocations.start();
  return { stop: async () => void (await Promise.all([scan.stop(), revocations.stop()])) };
}

/** `read()`, with its error as an InvalidConfig ServiceError. */
function configured<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new ServiceError("InvalidConfig", (error as Error).message);
  }
}

/** The federation this process serves a region of (HEARTH_FEDERATION / HEARTH_REGION), as an InvalidConfig error when misconfigured. */
export function configuredFederation(): Federation | undefined {
  return configured(currentFederation);
}

/** Where a Hearth's stacks live: the regions of its simulated cloud and the default region. */
export type RegionLayout = Pick<RegionParts, "simRegions" | "defaultRegion">;

/** The layout of a Hearth serving `federation`'s own region (every simulated region without one); reads no database. */
export function regionLayout(federation: Federation | undefined): RegionLayout {
  return federation ? { simRegions: [federation.self.name], defaultRegion: federation.self.name } : { defaultRegion: DEFAULT_REGION };
}

/** The parts of a Hearth serving `federation`'s own region (the embedded default without one). */
export function regionParts(federation: Federation | undefined, identity: IdentityStore): RegionParts {
  if (!federation) return regionLayout(federation);
  // a bad HEARTH_FEDERATION_LATENCY_MS stops the start, naming it, rather than the first remote request
  configured(() => injectedLatencyMs());
  const signed = { signer: tokenSigner(federation.tokenKey), issuer: federation.self.name };
  const projectNames = new Map<string, string>();
  async function tokenFor(projectId: string): Promise<string> {
    let name = projectNames.get(projectId);
    if (!name) {
      const project = await identity.findProject(projectId);
      if (!project) throw new Error(`Project ${projectId} is not in region ${federation!.self.name}'s identity`);
      name = project.name;
      projectNames.set(projectId, name);
    }
    return mintTrustToken(signed, name, TRUST_ROLES, TRUST_TTL_MS);
  }
  return {
    ...regionLayout(federation),
    signed,
    remoteNested: remoteNestedProvider(federation, { tokenFor }),
    resolveDivergence: divergenceResolver(federation, { tokenFor }),
    startRegionTasks: (engine) => startTasks(federation, engine, tokenFor, signed),
  };
}
