/**
 * SimCloud: the built-in multi-region simulated cloud, implementing the CloudProvider port, with
 * fault controls, an inventory view and write-behind persistence.
 */
import { ClientStamps, CloudError, type CloudProvider, type FloatingIp, type Network, type Port, type Quota, type RegionClient, type RegionInfo, type SecurityGroup, type Server, type Subnet, type TokenMemory, type Volume } from "../../engine/ports";
import { bootstrapRegion } from "./bootstrap";
import { DEFAULT_QUOTA } from "./catalog";
import { SimFaults } from "./faults";
import { LatencyModel } from "./latency";
import type { SimPersistence, SimRow } from "./persistence";
import { ENTITY_KINDS, type EntityKind, type EntityTypes, type RegionMeta } from "./records";
import { createRegionClient } from "./region-client";
import { RegionState, type SimClock } from "./region-state";
import { settle } from "./settle";
import { floatingIpView, networkView, portView, securityGroupView, serverView, subnetView, volumeView } from "./views";
import { PersistenceWriter } from "./writer";

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
  /** Where state is saved; with it, call `await sim.load()` before use. */
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
  private readonly writer: PersistenceWriter;
  private ready = false;
  private syncing: Promise<void> | undefined;

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
    this.writer = new PersistenceWriter(options.persistence);
    this.faults = new SimFaults(() => this.regionStates(), (name) => this.stateOf(name));
    if (!options.persistence) this.restore([]);
  }

  /** Loads the saved state (fresh regions get DevStack's defaults, which are then saved); no-op without persistence. */
  async load(): Promise<void> {
    if (this.options.persistence) this.restore(await this.options.persistence.load());
  }

  /**
   * Reloads everything when another process sharing the persistence has saved since this one last
   * loaded or saved (needs the port's optional `get`). Every client call does it first; call it
   * before `inventory()` or `faults` to see other processes' changes.
   */
  sync(): Promise<void> {
    this.syncing ??= this.reloadIfOvertaken().finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  private async reloadIfOvertaken(): Promise<void> {
    const persistence = this.options.persistence;
    if (!persistence || !this.ready || this.writer.busy || !(await this.writer.othersSaved())) return;
    const rows = await persistence.load();
    // Changes made while loading are not in `rows`: keep them, and reload at a later call.
    if (!this.writer.busy) this.restore(rows);
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
    if (clientToken !== undefined) return this.stampedRegion(name, project, new ClientStamps(clientToken));
    this.stateOf(name);
    const key = project === undefined ? name : `${name}\u0000${project}`;
    let client = this.clients.get(key);
    if (!client) {
      client = createRegionClient({ name, project, state: () => this.stateOf(name), beforeCall: () => this.sync() });
      this.clients.set(key, client);
    }
    return client;
  }

  /** A region client whose calls are stamped by `stamps` (for wrappers that keep one client's counts across clouds). */
  stampedRegion(name: string, project: string | undefined, stamps: ClientStamps): RegionClient {
    this.stateOf(name);
    return createRegionClient({ name, project, stamps, state: () => this.stateOf(name), beforeCall: () => this.sync() });
  }

  /**
   * Everything held in one region (or all), with due transitions applied; works while a region is
   * offline. With `project`, only what that project owns and what is shared (as its client sees it).
   */
  inventory(region?: string, project?: string): SimInventory {
    const states = region === undefined ? this.regionStates() : [this.stateOf(region)];
    const all = <K extends EntityKind, V>(kind: K, view: (s: RegionState, r: EntityTypes[K]) => V): V[] =>
      states.flatMap((s) => s.actingFor(project, () => s.list(kind).map((r) => view(s, r))));
    states.forEach(settle);
    return {
      regions: states.map((s) => ({ name: s.name, available: s.meta.online })),
      servers: all("server", serverView),
      volumes: all("volume", volumeView),
      networks: all("network", networkView),
      subnets: all("subnet", subnetView),
      ports: all("port", portView),
      floatingIps: all("floatingIp", floatingIpView),
      securityGroups: all("securityGroup", securityGroupView),
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
    const s = this.stateOf(region);
    s.meta.quota = { ...s.meta.quota, ...limits };
    s.saveMeta();
  }

  /** Waits until every change so far is saved; rethrows a save error. */
  flush(): Promise<void> {
    return this.writer.flush();
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

  /** Rebuilds every region from stored rows; regions without a stored "region" row start fresh. */
  private restore(rows: SimRow[]): void {
    this.states.clear();
    this.writer.loaded(rows);
    const listener = this.writer.mark.bind(this.writer);
    this.names.forEach((name, index) => {
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
      const state = new RegionState(meta, this.clock, latency, listener);
      this.states.set(name, state);
      if (!stored) {
        bootstrapRegion(state, index);
        state.saveMeta();
        return;
      }
      const own = rows.filter((r) => r.region === name && r.kind !== "region");
      for (const row of own) if (row.kind === "token") state.tokens.set(row.id, row.data as TokenMemory);
      for (const kind of ENTITY_KINDS) {
        const records = own.filter((r) => r.kind === kind).map((r) => r.data as EntityTypes[typeof kind]);
        records.sort((a, b) => a.seq - b.seq);
        for (const record of records) state.tables[kind].set(record.id, record as never);
      }
      state.reindex();
    });
    this.ready = true;
  }
}
