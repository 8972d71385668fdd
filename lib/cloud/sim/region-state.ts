/**
 * One simulated region in memory: its settings, its entity tables and two derived indexes (addresses
 * in use per subnet, entities with a transition in progress). Every change goes through put/remove,
 * which report it to the persistence writer.
 */
import type { Image, TokenMemory } from "../../engine/ports";
import { regionImages } from "./catalog";
import { macFromKey, uuidFromKey } from "./hash";
import { parseIp } from "./ipam";
import type { LatencyModel } from "./latency";
import { ENTITY_KINDS, type EntityKind, type EntityTypes, type RegionMeta } from "./records";
import type { SimRowKind } from "./persistence";

/** The sim's time source (ms since the epoch). */
export interface SimClock { now(): number }

/**
 * How long a stamped call is remembered, on the sim's clock: a repeat of it later than this is carried
 * out again. A day, as clouds keep idempotency tokens: far longer than any take-over (a lease and a
 * sweep, seconds) or stack timeout a repeat could come in (`timeout_mins` defaults to an hour).
 */
export const TOKEN_TTL_MS = 24 * 3600_000;
/** How often (sim time) a region looks for stamps to forget, in the transaction of a stamped call. */
const TOKEN_SWEEP_MS = 3600_000;
/** At most this many stamps forgotten in one transaction (the rest in the next stamped call's). */
const TOKEN_EXPIRY_BATCH = 500;

/** A stamped call carried out, and when (sim clock; absent in rows written before stamps expired). */
export interface RememberedCall extends TokenMemory {
  at?: number;
}

/**
 * Receives every change: the row's new data (undefined when it was removed) and what it held before
 * (undefined when it was new; the live settings object for kind "region", which change in place).
 */
export type ChangeListener = (region: string, kind: SimRowKind, id: string, data: object | undefined, previous: object | undefined) => void;

/** The addresses a port, floating IP or router holds (other kinds hold none). */
function addressesOf(kind: EntityKind, record: object): { subnetId: string; ipAddress: string }[] {
  if (kind === "port") return (record as EntityTypes["port"]).fixedIps;
  if (kind === "floatingIp") {
    const fip = record as EntityTypes["floatingIp"];
    return [{ subnetId: fip.subnetId, ipAddress: fip.address }];
  }
  if (kind !== "router") return [];
  const router = record as EntityTypes["router"];
  return [...(router.externalGateway?.externalFixedIps ?? []), ...router.interfaces];
}

type Tables = { [K in EntityKind]: Map<string, EntityTypes[K]> };

/** The state of one region. */
export class RegionState {
  readonly tables = Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, new Map()])) as Tables;
  /** Subnet id -> addresses allocated in it (ports and floating IPs). */
  readonly usedIps = new Map<string, Set<bigint>>();
  /** Subnet id -> an address below which every pool address is in use (speeds up allocation). */
  readonly freeHints = new Map<string, bigint>();
  /** Stamped calls carried out, by stamp (client tokens, lib/engine/ports/client-token.ts). */
  readonly tokens = new Map<string, RememberedCall>();
  /** When (sim time) this process next looks for stamps older than TOKEN_TTL_MS. */
  private nextTokenSweep = 0;
  /** Ids of servers and volumes with a pending transition. */
  readonly pending = new Map<string, "server" | "volume">();
  readonly images: readonly Image[];
  /** The project the running call acts for (see `actingFor`); undefined for operator and system calls. */
  private caller: string | undefined;

  constructor(
    readonly meta: RegionMeta,
    readonly clock: SimClock,
    readonly latency: LatencyModel,
    private readonly listener: ChangeListener,
  ) {
    this.images = regionImages(meta.name);
  }

  /** The region's name. */
  get name(): string {
    return this.meta.name;
  }

  /** The current time in ms. */
  now(): number {
    return this.clock.now();
  }

  /** The current time as an ISO string. */
  isoNow(): string {
    return new Date(this.clock.now()).toISOString();
  }

  /** A new entity id (seeded UUID) and its creation sequence number. */
  nextId(): { id: string; seq: number } {
    const seq = ++this.meta.counter;
    this.saveMeta();
    return { id: uuidFromKey(`${this.meta.seed}/${this.meta.name}/${seq}`), seq };
  }

  /** A seeded MAC address for the entity with this sequence number. */
  mac(seq: number): string {
    return macFromKey(`${this.meta.seed}/${this.meta.name}/mac/${seq}`);
  }

  /**
   * Runs a synchronous call on behalf of `project`: while it runs, records of other projects are
   * invisible (get finds nothing, list skips them) and new records belong to `project`.
   */
  actingFor<R>(project: string | undefined, run: () => R): R {
    const outer = this.caller;
    this.caller = project;
    try {
      return run();
    } finally {
      this.caller = outer;
    }
  }

  /** Whether the running call may see `record` (shared records and its own project's). */
  private visible(record: { project?: string }): boolean {
    return this.caller === undefined || record.project === undefined || record.project === this.caller;
  }

  /** The record of this kind with this id (undefined when the calling project may not see it). */
  get<K extends EntityKind>(kind: K, id: string): EntityTypes[K] | undefined {
    const record = this.tables[kind].get(id);
    return record && this.visible(record) ? record : undefined;
  }

  /** All records of a kind the calling project may see, oldest first. */
  list<K extends EntityKind>(kind: K): EntityTypes[K][] {
    return [...this.tables[kind].values()].filter((record) => this.visible(record));
  }

  /** Stores a new or changed record (and reports it); a new record belongs to the calling project. */
  put<K extends EntityKind>(kind: K, given: EntityTypes[K]): void {
    const previous = this.tables[kind].get(given.id);
    const record = this.caller !== undefined && !previous ? { ...given, project: this.caller } : given;
    this.tables[kind].set(record.id, record);
    this.trackPending(kind, record);
    this.listener(this.name, kind, record.id, record, previous);
  }

  /** Removes a record (and reports it). */
  remove(kind: EntityKind, id: string): void {
    const previous = this.tables[kind].get(id);
    this.tables[kind].delete(id);
    this.pending.delete(id);
    this.listener(this.name, kind, id, undefined, previous);
  }

  /**
   * Sets a record as another process (or an undo) left it, undefined: absent; keeps the address and
   * pending indexes right and reports nothing.
   */
  applyRecord(kind: EntityKind, id: string, record: object | undefined): void {
    const table = this.tables[kind] as Map<string, object>;
    const old = table.get(id);
    for (const ip of old ? addressesOf(kind, old) : []) this.markAddress(ip.subnetId, ip.ipAddress, false);
    this.pending.delete(id);
    if (!record) {
      table.delete(id);
      return;
    }
    table.set(id, record);
    for (const ip of addressesOf(kind, record)) this.markAddress(ip.subnetId, ip.ipAddress, true);
    this.trackPending(kind, record as EntityTypes[EntityKind]);
  }

  /** Replaces the region's settings in place (their object stays the same). */
  applyMeta(meta: RegionMeta): void {
    for (const key of Object.keys(this.meta)) delete (this.meta as unknown as Record<string, unknown>)[key];
    Object.assign(this.meta, structuredClone(meta));
  }

  private trackPending(kind: EntityKind, record: EntityTypes[EntityKind]): void {
    if (kind !== "server" && kind !== "volume") return;
    if ((record as EntityTypes["server" | "volume"]).pending) this.pending.set(record.id, kind);
    else this.pending.delete(record.id);
  }

  /** The stamped call carried out under `stamp`, unless it is older than TOKEN_TTL_MS. */
  recallToken(stamp: string): TokenMemory | undefined {
    const memory = this.tokens.get(stamp);
    return memory && (memory.at === undefined || memory.at > this.now() - TOKEN_TTL_MS) ? memory : undefined;
  }

  /** Remembers a stamped call carried out, with the time (and reports it); forgets expired stamps first. */
  rememberToken(stamp: string, memory: TokenMemory): void {
    this.expireTokens();
    const previous = this.tokens.get(stamp);
    const remembered: RememberedCall = { ...memory, at: this.now() };
    this.tokens.set(stamp, remembered);
    this.listener(this.name, "token", stamp, remembered, previous);
  }

  /**
   * Once per TOKEN_SWEEP_MS: forgets the stamps older than TOKEN_TTL_MS (each removal reported, so
   * the running call's transaction writes it as a tombstone, which the store prunes with the others),
   * at most TOKEN_EXPIRY_BATCH a call; a stamp from before stamps expired gets the time now.
   */
  private expireTokens(): void {
    const now = this.now();
    if (now < this.nextTokenSweep) return;
    let changed = 0;
    for (const [stamp, memory] of this.tokens) {
      if (changed === TOKEN_EXPIRY_BATCH) return;
      if (memory.at !== undefined && memory.at > now - TOKEN_TTL_MS) continue;
      changed++;
      if (memory.at === undefined) {
        const dated = { ...memory, at: now };
        this.tokens.set(stamp, dated);
        this.listener(this.name, "token", stamp, dated, memory);
      } else {
        this.tokens.delete(stamp);
        this.listener(this.name, "token", stamp, undefined, memory);
      }
    }
    this.nextTokenSweep = now + TOKEN_SWEEP_MS;
  }

  /** Reports a change of the region's settings. */
  saveMeta(): void {
    this.listener(this.name, "region", this.name, this.meta, this.meta);
  }

  /** The set of addresses in use in a subnet. */
  addressesIn(subnetId: string): Set<bigint> {
    let used = this.usedIps.get(subnetId);
    if (!used) this.usedIps.set(subnetId, (used = new Set()));
    return used;
  }

  /** Marks an address as in use (true) or free (false). */
  markAddress(subnetId: string, address: string, used: boolean): void {
    const ip = parseIp(address);
    if (!ip) return;
    if (used) {
      this.addressesIn(subnetId).add(ip.value);
      return;
    }
    this.usedIps.get(subnetId)?.delete(ip.value);
    const hint = this.freeHints.get(subnetId);
    if (hint !== undefined && ip.value < hint) this.freeHints.set(subnetId, ip.value);
  }

  /** Rebuilds the derived indexes from the tables (after a load). */
  reindex(): void {
    this.usedIps.clear();
    this.freeHints.clear();
    this.pending.clear();
    for (const kind of ["port", "floatingIp", "router", "server", "volume"] as const) {
      for (const record of this.tables[kind].values()) {
        for (const ip of addressesOf(kind, record)) this.markAddress(ip.subnetId, ip.ipAddress, true);
        this.trackPending(kind, record);
      }
    }
  }
}
