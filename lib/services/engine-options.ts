/**
 * The one composition of the engine's options from a Hearth's configuration. createHearth's engine and
 * the validator's (`hearth validate`) are both built here, so a template gets the same verdict from a
 * validate as from a launch: the same registry, limits, lock owner and lease, the region of stacks that
 * name none (a federation region's own) and nested stacks of other regions (a federation's remote Heat).
 * The region names a template may use are the cloud's (CloudProvider.regionNames): callers open the
 * cloud with `RegionLayout.simRegions`, which in a federation is the region served here alone.
 */
import { defaultRegistry } from "../engine/resources";
import type { EngineOptions } from "../engine/stack/api";
import type { HearthConfig } from "./config";
import type { RegionParts } from "./federation";

/** What differs between engines of one configuration: their store and cloud, and what each runs with. */
export type EngineWiring = Pick<EngineOptions, "store" | "cloud"> &
  Partial<Pick<EngineOptions, "sink" | "presigner" | "identity" | "concurrency" | "pollIntervalMs" | "clock" | "random">>;

/** The engine's options for `config` serving `region` (regionParts / regionLayout), on `wiring`'s store and cloud. */
export function engineOptions(
  config: Pick<HearthConfig, "owner" | "leaseMs" | "limits">,
  region: Pick<RegionParts, "defaultRegion" | "remoteNested">,
  wiring: EngineWiring,
): EngineOptions {
  return {
    ...wiring,
    registry: defaultRegistry,
    owner: config.owner,
    lockTtlMs: config.leaseMs,
    defaultRegion: region.defaultRegion,
    limits: config.limits,
    remoteNested: region.remoteNested,
  };
}
