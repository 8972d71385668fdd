/**
 * SimCloud: the built-in multi-region simulated cloud, implementing the CloudProvider port, with
 * fault controls, an inventory view and persistence in which every call is a transaction (replica.ts),
 * so processes sharing one store act as one cloud.
 */
import { ClientStamps, CloudError, type CloudObject, type CloudProvider, type FloatingIp, type Network, type Port, type Quota, type RegionClient, type RegionInfo, type SecurityGroup, type Server, type Subnet, type TokenMemory, type Volume } from "../../engine/ports";
import { bootstrapRegion } from "./bootstrap";
import { DEFAULT_QUOTA } from "./catalog";
import { SimFaults } from "./faults";
import { LatencyModel } from "./latency";
import { objectView } from "./object-ops";
import type { SimPersistence, SimRowChange } from "./persistence";
import { ENTITY_KINDS, type EntityKind, type EntityTypes, type RegionMeta } from "./records";
import { createRegionClient, type RegionAccess } from "./region-client";
import { Replica } from "./replica";
import { RegionState, type SimClock } from "./region-state";
import { settle } from "./settle";
import { floatingIpView, networkView, portView, securityGroupView, serverView, subnetView, volumeView } from "./views";

/** Options of createSimCloud. */
export interface SimCloudOptions {
  /** Region names (default RegionOne, RegionTwo, RegionThree). */
  regions?: string[];
  /** Seed of ids, MACs, latency jitter and CPU noise (default: random). */
  seed?: number;
  /** Latency multiplier: 0 = instant (tests), 1 = realistic. Default 0. */
  speed?: number;
  /**
   * Multiplier of API round trips only (real waits), default `speed`. Tests with a manual clock
   * set speed 1 and apiSpeed 0: realistic transition times, no real waiting.
   */
  apiSpeed?: number;
  /** Time source of transitions (default Date.now). */
  clock?: SimClock;
  /** Where state is kept and shared with other processes; with it, call `await sim.load()` before use. */
  persistence?: SimPersistence;
  /** Quota limits of fresh regions (default DevStack's; -1 = unlimited). */
  quotas?: Partial<Quota>;
  /** Extra latency multiplier per region (e.g. { RegionThree: 3 } for a far-away region). */
  latencyFactors?: Record<string, number>;
}

/** Everything the cloud holds (one region or all), for the CLI and the console. */
export interface SimInventory {
  regions: RegionInfo[];
  servers: Server[];
  volumes: Volume[];
  networks: Network[];
  subnets: Subnet[];
  ports: Port[];
  floatingIps: FloatingIp[];
  securityGroups: SecurityGroup[];
  /** Placeholder objects (lib/engine/ports/objects.ts) of every kind. */
  objects: CloudObject[];
}

const DEFAULT_REGIONS = ["RegionOne", "RegionTwo", "RegionThree"];

function checkQuotaLimits(limits: Partial<Quota>): void {
  for (const [key, value] of Object.entries(limits)) {
    if (!(key in DEFAULT_QUOTA) || !Number.isInteger(value) || (value as number) < -1) {
      throw new CloudError("BadRequest", `Invalid quota ${key}=${String(value)}: limits are integers >= -1 on ${Object.keys(DEFAULT_QUOTA).join(", ")}.`);
    }
  }
}

/** The simulated cloud. */
export class SimCloud implements CloudProvider {
  /** Fault injection controls. */
  readonly faults: SimFaults;
  private readonly names: string[];
  private readonly seed: number;
  private readonly clock: SimClock;
  private readonly speed: number;
  private readonly states = new Map<string, RegionState>();
  private readonly clients = new Map<string, RegionClient>();
  private readonly replica: Replica;
  private ready = false;

  /** Prefer createSimCloud / openSimCloud. Without persistence the cloud is ready at once. */
  constructor(private readonly options: SimCloudOptions = {}) {
    this.names = options.regions ?? DEFAULT_REGIONS;
    if (this.names.length === 0 || new Set(this.names).size !== this.names.length || this.names.some((n) => !n)) {
      throw new CloudError("BadRequest", `Region names must be unique and non-empty: ${JSON.stringify(this.names)}.`);
    }
    this.speed = options.speed ?? 0;
    for (const speed of [this.speed, options.apiSpeed ?? 0, ...Object.values(options.latencyFactors ?? {})]) {
      if (!(speed >= 0) || !Number.isFinite(speed)) throw new CloudError("BadRequest", `Speeds and latency factors must be numbers >= 0, not ${speed}.`);
    }
    checkQuotaLimits(options.quotas ?? {});
    this.seed = options.seed ?? Math.floor(Math.random() * 0x7fff_ffff);
    this.clock = options.clock ?? { now: () => Date.now() };
    this.replica = new Replica(options.persistence, { state: (name) => this.states.get(name), states: () => this.states.values(), rebuild: (rows) => this.restore(rows) });
    this.faults = new SimFaults(() => this.regionStates(), (name) => this.stateOf(name), (change) => this.replica.operate(change));
    if (!options.persistence) {
      this.restore([]);
      this.bootstrapMissing();
    }
  }

  /** Loads the saved state; regions not stored yet get DevStack's defaults, saved in the same transaction. */
  async load(): Promise<void> {
    if (this.options.persistence) await this.replica.write(() => this.bootstrapMissing());
  }

  /**
   * Catches up on what other processes sharing the persistence changed (a client call does it
   * itself); call it before `inventory()` or `faults` to see their changes.
   */
  async sync(): Promise<void> {
    if (this.ready) await this.replica.catchUp();
  }

  /** Regions with their availability. */
  async regions(): Promise<RegionInfo[]> {
    await this.sync();
    return this.regionStates().map((s) => ({ name: s.name, available: s.meta.online }));
  }

  /** Region names, known even before load(). */
  regionNames(): string[] {
    return [...this.names];
  }

  /**
   * The client of a region, acting for `project` when given, its state-changing calls idempotent
   * with `clientToken` (a new instance per call then; see CloudProvider.region); NotFound for an
   * unknown name.
   */
  region(name: string, project?: string, clientToken?: string): RegionClient {
    this.stateOf(name);
    if (clientToken !== undefined) return createRegionClient({ ...this.access(name, project), stamps: new ClientStamps(clientToken) });
    const key = project === undefined ? name : `${name}\u0000${project}`;
    let client = this.clients.get(key);
    if (!client) {
      client = createRegionClient(this.access(name, project));
      this.clients.set(key, client);
    }
    return client;
  }

  private access(name: string, project: string | undefined): RegionAccess {
    return {
      name,
      project,
      state: () => this.stateOf(name),
      read: async (body) => {
        await this.replica.catchUp();
        return this.replica.quietly(body);
      },
      write: (body) => this.replica.write(body),
    };
  }

  /**
   * Everything held in one region (or all), with due transitions applied; works while a region is
   * offline. With `project`, only what that project owns and what is shared (as its client sees it).
   */
  inventory(region?: string, project?: string): SimInventory {
    const states = region === undefined ? this.regionStates() : [this.stateOf(region)];
    const all = <K extends EntityKind, V>(kind: K, view: (s: RegionState, r: EntityTypes[K]) => V): V[] =>
      states.flatMap((s) => s.actingFor(project, () => s.list(kind).map((r) => view(s, r))));
    this.replica.quietly(() => states.forEach(settle));
    return {
      regions: states.map((s) => ({ name: s.name, available: s.meta.online })),
      servers: all("server", serverView),
      volumes: all("volume", volumeView),
      networks: all("network", networkView),
      subnets: all("subnet", subnetView),
      ports: all("port", portView),
      floatingIps: all("floatingIp", floatingIpView),
      securityGroups: all("securityGroup", securityGroupView),
      objects: all("object", objectView),
    };
  }

  /** Reads a volume's content directly (an operator's look at the disk, no server needed). */
  readVolumeData(volumeId: string, key: string): string | undefined {
    for (const s of this.regionStates()) {
      const volume = s.get("volume", volumeId);
      if (volume) return volume.content[key];
    }
    throw new CloudError("NotFound", `Volume ${volumeId} could not be found.`);
  }

  /** Changes a region's quota limits (-1 = unlimited). */
  setQuota(region: string, limits: Partial<Quota>): void {
    checkQuotaLimits(limits);
    this.replica.operate(() => {
      const s = this.stateOf(region);
      s.meta.quota = { ...s.meta.quota, ...limits };
      s.saveMeta();
    });
  }

  /** Waits until every change so far is saved; rethrows the error of a failed save of operator changes (faults, quotas). */
  flush(): Promise<void> {
    return this.replica.flush();
  }

  private regionStates(): RegionState[] {
    this.assertReady();
    return [...this.states.values()];
  }

  private stateOf(name: string): RegionState {
    this.assertReady();
    const state = this.states.get(name);
    if (!state) throw new CloudError("NotFound", `Region '${name}' not found. Known regions: ${this.names.join(", ")}.`);
    return state;
  }

  private assertReady(): void {
    if (!this.ready) throw new Error("SimCloud: call `await sim.load()` before using a cloud created with persistence.");
  }

  /** Rebuilds every region from stored rows; regions without a stored "region" row are left empty (see bootstrapMissing). */
  private restore(rows: SimRowChange[]): void {
    this.states.clear();
    for (const name of this.names) {
      const stored = rows.find((r) => r.region === name && r.kind === "region")?.data as Partial<RegionMeta> | undefined;
      const meta: RegionMeta = {
        name,
        seed: this.seed,
        counter: 0,
        online: true,
        quota: { ...DEFAULT_QUOTA, ...this.options.quotas },
        failNext: {},
        ...stored,
      };
      const factor = this.options.latencyFactors?.[name] ?? 1;
      const latency = new LatencyModel(meta.seed, this.speed, this.options.apiSpeed ?? this.speed, factor);
      const state = new RegionState(meta, this.clock, latency, this.replica.listener);
      this.states.set(name, state);
      if (!stored) continue;
      const own = rows.filter((r) => r.region === name && r.kind !== "region");
      for (const row of own) if (row.kind === "token") state.tokens.set(row.id, row.data as TokenMemory);
      for (const kind of ENTITY_KINDS) {
        const records = own.filter((r) => r.kind === kind).map((r) => r.data as EntityTypes[typeof kind]);
        records.sort((a, b) => a.seq - b.seq);
        for (const record of records) state.tables[kind].set(record.id, record as never);
      }
      state.reindex();
    }
    this.ready = true;
  }

  /** Gives every region that has no stored settings yet DevStack's defaults. */
  private bootstrapMissing(): void {
    this.names.forEach((name, index) => {
      const state = this.stateOf(name);
      if (state.meta.counter > 0) return;
      bootstrapRegion(state, index);
      state.saveMeta();
    });
  }
}
