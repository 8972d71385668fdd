/**
 * The simulated cloud as one process sees it while others (the console server, CLI runs) share its
 * database: a CloudProvider whose every call first checks whether another process saved changes to
 * the cloud and, if so, waits for the calls in flight, saves its own changes and reloads the state.
 * Region clients handed out stay valid across reloads (they look up the current cloud per call).
 */
import { openSimCloud, type SimCloud, type SimCloudOptions } from "../cloud/sim";
import { ClientStamps, type CloudProvider, type ComputeClient, type NetworkClient, type ObjectClient, type RegionClient, type RegionInfo, type VolumeClient } from "../engine/ports";
import type { SharedSimPersistence } from "../store/ports";

/** Options: the sim's, with the shared persistence it must use. */
export type SharedSimCloudOptions = SimCloudOptions & { persistence: SharedSimPersistence };

/** A CloudProvider over a SimCloud that is reloaded when another process changed it. */
export class SharedSimCloud implements CloudProvider {
  private readonly clients = new Map<string, RegionClient>();
  private syncing: Promise<void> | undefined;
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];

  private constructor(
    private readonly options: SharedSimCloudOptions,
    private sim: SimCloud,
  ) {}

  /** Opens the cloud from its saved state. */
  static async open(options: SharedSimCloudOptions): Promise<SharedSimCloud> {
    return new SharedSimCloud(options, await openSimCloud(options));
  }

  /** Runs `fn` on the up-to-date cloud (operator calls: inventory, faults, volume reads, flush). */
  async use<T>(fn: (sim: SimCloud) => T | Promise<T>): Promise<T> {
    await this.sync();
    this.inFlight++;
    try {
      return await fn(this.sim);
    } finally {
      if (--this.inFlight === 0) this.idleWaiters.splice(0).forEach((wake) => wake());
    }
  }

  regions(): Promise<RegionInfo[]> {
    return this.use((sim) => sim.regions());
  }

  regionNames(): string[] {
    return this.sim.regionNames();
  }

  /** A region's client (see CloudProvider.region); a new instance for each call with a client token. */
  region(name: string, project?: string, clientToken?: string): RegionClient {
    if (!this.sim.regionNames().includes(name)) return this.sim.region(name);
    if (clientToken !== undefined) return this.regionProxy(name, project, new ClientStamps(clientToken));
    const key = project === undefined ? name : `${name}\u0000${project}`;
    let client = this.clients.get(key);
    if (!client) this.clients.set(key, (client = this.regionProxy(name, project)));
    return client;
  }

  /**
   * A region client (acting for `project`, when given) whose methods run on the current cloud; with
   * `stamps`, its calls are stamped by them across reloads (one client instance, one count).
   */
  private regionProxy(name: string, project: string | undefined, stamps?: ClientStamps): RegionClient {
    const client = (sim: SimCloud) => (stamps ? sim.stampedRegion(name, project, stamps) : sim.region(name, project));
    const group = <T extends object>(pick: (client: RegionClient) => T): T =>
      new Proxy({} as T, {
        get: (_target, method) =>
          (...args: unknown[]) =>
            this.use((sim) => {
              const target = pick(client(sim)) as Record<PropertyKey, (...a: unknown[]) => unknown>;
              return target[method](...args);
            }),
      });
    return {
      region: name,
      compute: group<ComputeClient>((c) => c.compute),
      volume: group<VolumeClient>((c) => c.volume),
      network: group<NetworkClient>((c) => c.network),
      objects: group<ObjectClient>((c) => c.objects),
      quota: () => this.use((sim) => client(sim).quota()),
    };
  }

  /** Reloads once (for all concurrent callers) when another process saved changes. */
  private sync(): Promise<void> {
    this.syncing ??= this.reloadIfChanged().finally(() => {
      this.syncing = undefined;
    });
    return this.syncing;
  }

  private async reloadIfChanged(): Promise<void> {
    if (!(await this.options.persistence.changedElsewhere())) return;
    // Calls already running finish on the old state, which is saved before the reload reads it.
    if (this.inFlight > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    await this.sim.flush();
    this.sim = await openSimCloud(this.options);
  }
}
