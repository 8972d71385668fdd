/**
 * The simulated cloud as one process sees it while others (the console server, CLI runs, engines)
 * share its database. The sim itself makes every call one transaction on the shared store and
 * catches up on the others' changes first (lib/cloud/sim/replica.ts), so this is a thin wrapper:
 * it opens the cloud and runs operator calls (inventory, faults, volume reads, flush) on it caught up.
 */
import { openSimCloud, type SimCloud, type SimCloudOptions } from "../cloud/sim";
import type { CloudProvider, RegionClient, RegionInfo } from "../engine/ports";
import type { SharedSimPersistence } from "../store/ports";

/** Options: the sim's, with the shared persistence it must use. */
export type SharedSimCloudOptions = SimCloudOptions & { persistence: SharedSimPersistence };

/** A CloudProvider over a SimCloud kept on a store other processes share. */
export class SharedSimCloud implements CloudProvider {
  private constructor(private readonly sim: SimCloud) {}

  /** Opens the cloud from its saved state. */
  static async open(options: SharedSimCloudOptions): Promise<SharedSimCloud> {
    return new SharedSimCloud(await openSimCloud(options));
  }

  /** Runs `fn` on the cloud caught up with the other processes' changes (operator calls). */
  async use<T>(fn: (sim: SimCloud) => T | Promise<T>): Promise<T> {
    await this.sim.sync();
    return fn(this.sim);
  }

  regions(): Promise<RegionInfo[]> {
    return this.sim.regions();
  }

  regionNames(): string[] {
    return this.sim.regionNames();
  }

  /** A region's client (see CloudProvider.region). */
  region(name: string, project?: string, clientToken?: string): RegionClient {
    return this.sim.region(name, project, clientToken);
  }
}
