/**
 * The instant cloud: the engine's cloud port in memory, for engine tests. Every region starts as a
 * small DevStack does ("public" and "private" networks, the "default" security group, m1.tiny..medium,
 * cirros and ubuntu-22.04); ids are deterministic ("server-1", "port-2", ...); nothing is pending, so a
 * created server is ACTIVE and a deleted one is gone when the call returns. Quotas are unlimited.
 * A client made for a project sees only that project's objects and the shared defaults (the port's rule).
 * A client made with a client token carries out each stamped call once (the port's rule, client-token.ts).
 * `setRegionAvailable` takes a region offline. The simulator (lib/cloud/sim) is the realistic cloud.
 *
 *   const cloud = createInstantCloud();                    // RegionOne, RegionTwo, RegionThree
 *   const server = await cloud.region("RegionOne").compute.createServer({ name: "a", flavor: "m1.tiny", image: "cirros" });
 */
import { ClientStamps, CloudError, rememberAnswer, replayAnswer, type CloudProvider, type Quota, type RegionClient, type RegionInfo } from "../../ports";
import { computeOps } from "./compute";
import { networkOps } from "./network";
import { addDevstackRouter } from "./routers";
import { objectOps } from "./objects";
import { fail, FLAVORS, InstantRegion } from "./region";
import type { Sync } from "./sync";
import { volumeOps } from "./volume";

/** Options of createInstantCloud. */
export interface InstantCloudOptions {
  /** Region names (default RegionOne, RegionTwo, RegionThree). */
  regions?: string[];
  /** The time createdAt fields read (default: a fixed instant, 2026-01-01). */
  now?: () => number;
}

const UNLIMITED: Quota = { instances: -1, cores: -1, ramMb: -1, volumes: -1, gigabytes: -1, networks: -1, ports: -1, floatingIps: -1 };

/** What the caller sees of a region, counted as its quota usage. */
function usage(r: InstantRegion): Quota {
  const flavors = r.all(r.servers).map((s) => FLAVORS.find((f) => f.id === s.flavorId));
  return {
    instances: flavors.length,
    cores: flavors.reduce((n, f) => n + (f?.vcpus ?? 0), 0),
    ramMb: flavors.reduce((n, f) => n + (f?.ramMb ?? 0), 0),
    volumes: r.all(r.volumes).length,
    gigabytes: r.all(r.volumes).reduce((n, v) => n + v.sizeGb, 0),
    networks: r.all(r.networks).length,
    ports: r.all(r.ports).length,
    floatingIps: r.all(r.floatingIps).length,
  };
}

/**
 * Makes `ops` (the calls of `service`) the async client the port wants, acting for `project`: copies
 * in and out, RegionUnavailable while the region is off, and a stamped call carried out once
 * (`stamps`: the client's ClientStamps when it was made with a client token).
 */
function asClient<T>(r: InstantRegion, project: string | undefined, service: string, ops: Sync<T>, stamps?: ClientStamps): T {
  const table = ops as Record<string, (...args: unknown[]) => unknown>;
  const client: Record<string, unknown> = {};
  for (const [name, op] of Object.entries(table)) {
    const operation = service ? `${service}.${name}` : name;
    client[name] = async (...args: unknown[]) => {
      const stamp = stamps?.next(operation);
      if (!r.available) fail("RegionUnavailable", `Region ${r.name} is unavailable: ${name} got no answer.`);
      const done = stamp === undefined ? undefined : r.tokens.get(stamp);
      return structuredClone(
        r.actingFor(project, () => {
          if (done) return replayAnswer(done, (getter, id) => table[getter](id));
          const answer = op(...structuredClone(args));
          if (stamp !== undefined) r.tokens.set(stamp, rememberAnswer(operation, answer, (getter) => getter in table));
          return answer;
        }),
      );
    };
  }
  return client as T;
}

/** The instant in-memory cloud (see the file comment). */
export class InstantCloud implements CloudProvider {
  private readonly states = new Map<string, InstantRegion>();
  private readonly clients = new Map<string, RegionClient>();

  constructor(options: InstantCloudOptions = {}) {
    const counters = new Map<string, number>();
    const newId = (kind: string) => {
      counters.set(kind, (counters.get(kind) ?? 0) + 1);
      return `${kind}-${counters.get(kind)}`;
    };
    const now = options.now ?? (() => Date.UTC(2026, 0, 1));
    const isoNow = () => new Date(now()).toISOString();
    (options.regions ?? ["RegionOne", "RegionTwo", "RegionThree"]).forEach((name, index) => {
      const region = new InstantRegion(name, index, newId, isoNow);
      addDevstackRouter(region);
      this.states.set(name, region);
    });
  }

  async regions(): Promise<RegionInfo[]> {
    return [...this.states.values()].map((r) => ({ name: r.name, available: r.available }));
  }

  regionNames(): string[] {
    return [...this.states.keys()];
  }

  /** A region's client (see CloudProvider.region); a new instance for each call with a client token. */
  region(name: string, project?: string, clientToken?: string): RegionClient {
    const r = this.stateOf(name);
    if (clientToken !== undefined) return this.newClient(r, project, new ClientStamps(clientToken));
    const key = JSON.stringify([name, project]);
    let client = this.clients.get(key);
    if (!client) this.clients.set(key, (client = this.newClient(r, project)));
    return client;
  }

  private newClient(r: InstantRegion, project: string | undefined, stamps?: ClientStamps): RegionClient {
    const as = <T>(service: string, ops: Sync<T>) => asClient(r, project, service, ops, stamps);
    const { quota } = as<Pick<RegionClient, "quota">>("", { quota: () => ({ limits: UNLIMITED, used: usage(r) }) });
    return { region: r.name, compute: as("compute", computeOps(r)), volume: as("volume", volumeOps(r)), network: as("network", networkOps(r)), objects: as("objects", objectOps(r)), quota };
  }

  /** Takes a region offline (its calls fail with RegionUnavailable) or back online. */
  setRegionAvailable(name: string, available: boolean): void {
    this.stateOf(name).available = available;
  }

  private stateOf(name: string): InstantRegion {
    const r = this.states.get(name);
    if (!r) throw new CloudError("NotFound", `Region '${name}' not found. Known regions: ${this.regionNames().join(", ")}.`);
    return r;
  }
}

/** Creates an instant cloud (see InstantCloudOptions). */
export function createInstantCloud(options: InstantCloudOptions = {}): InstantCloud {
  return new InstantCloud(options);
}
