/**
 * One region of the instant cloud: its objects in plain maps (in the port's own shapes), the defaults
 * every region starts with ("public" and "private" networks, the "default" security group), lookups
 * that fail as the port says, which project owns what, and IPv4 address allocation. Nothing is ever pending.
 */
import { CloudError, type CloudErrorCode, type CloudObject, type Flavor, type FloatingIp, type Image, type Network, type Port, type Router, type SecurityGroup, type Server, type Subnet, type TokenMemory, type Trunk, type Volume } from "../../ports";

/** A stored server: the port's Server without the fields derived from ports, floating IPs and volumes. */
export type ServerRecord = Omit<Server, "addresses" | "volumes"> & {
  /** Ports Nova created for the server's networks (deleted with it). */
  ownedPorts: string[];
};

/** A stored volume: the port's Volume plus what guests wrote on it. */
export type VolumeRecord = Volume & { data: Record<string, string> };

/** A stored network; only external ones give floating IPs. */
export type NetworkRecord = Network & { external: boolean };

/** The flavors of every region. */
export const FLAVORS: readonly Flavor[] = [
  { id: "1", name: "m1.tiny", vcpus: 1, ramMb: 512, diskGb: 1 },
  { id: "2", name: "m1.small", vcpus: 1, ramMb: 2048, diskGb: 20 },
  { id: "3", name: "m1.medium", vcpus: 2, ramMb: 4096, diskGb: 40 },
];

/** Throws the port's CloudError. */
export function fail(code: CloudErrorCode, message: string): never {
  throw new CloudError(code, message);
}

const toInt = (ip: string): number => ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);
const toIp = (n: number): string => [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** The network and broadcast addresses of an IPv4 CIDR; BadRequest for anything else. */
export function cidrBounds(cidr: string): { first: number; last: number } {
  const m = IPV4_CIDR.exec(cidr);
  const bits = Number(m?.[5]);
  if (!m || m.slice(1, 5).some((part) => Number(part) > 255) || bits > 30) fail("BadRequest", `Invalid CIDR ${cidr}: the instant cloud takes IPv4 /0 to /30.`);
  const size = 2 ** (32 - bits);
  const first = Math.floor(toInt(cidr.split("/")[0]) / size) * size;
  return { first, last: first + size - 1 };
}

/** Whether `ip` is a host address (neither the network nor the broadcast address) of `cidr`. */
export function isHostOf(cidr: string, ip: string): boolean {
  const { first, last } = cidrBounds(cidr);
  return /^\d+\.\d+\.\d+\.\d+$/.test(ip) && toInt(ip) > first && toInt(ip) < last;
}

/** Sets the fields `patch` gives a value (undefined leaves a field as it is); returns `target`. */
export function applyPatch<T extends object>(target: T, patch: Partial<T>): T {
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  return target;
}

/** A subnet's default gateway and allocation pool: the first host, and every other host. */
export function defaultAddressing(cidr: string): { gatewayIp: string; pool: { start: string; end: string } } {
  const { first, last } = cidrBounds(cidr);
  return { gatewayIp: toIp(first + 1), pool: { start: toIp(first + 2), end: toIp(last - 1) } };
}

/** The objects of one region. */
export class InstantRegion {
  /** false while the region is switched off (InstantCloud.setRegionAvailable). */
  available = true;
  readonly servers = new Map<string, ServerRecord>();
  readonly volumes = new Map<string, VolumeRecord>();
  readonly networks = new Map<string, NetworkRecord>();
  readonly subnets = new Map<string, Subnet>();
  readonly ports = new Map<string, Port>();
  readonly floatingIps = new Map<string, FloatingIp>();
  readonly routers = new Map<string, Router>();
  /** Trunks; their status is derived from the parent port (trunks.ts). */
  readonly trunks = new Map<string, Omit<Trunk, "status">>();
  readonly securityGroups = new Map<string, SecurityGroup>();
  /** Placeholder objects (ports/objects.ts). */
  readonly objects = new Map<string, CloudObject>();
  /** Stamped calls carried out, by stamp (ports/client-token.ts). */
  readonly tokens = new Map<string, TokenMemory>();
  readonly images: Image[];
  private macs = 0;
  /** Owner project by object id; objects without one (the defaults, an operator's) are shared. */
  private readonly owners = new Map<string, string>();
  /** The project the running call acts for (see `actingFor`); undefined for the operator. */
  private caller: string | undefined;

  /** `index` places the default networks (10.<index>.0.0/24, 172.24.<4 + index>.0/24); `newId` makes ids. */
  constructor(
    readonly name: string,
    index: number,
    readonly newId: (kind: string) => string,
    readonly isoNow: () => string,
  ) {
    this.images = ["cirros", "ubuntu-22.04"].map((image) => ({ id: newId("image"), name: image, minDiskGb: 0 }));
    this.addNetwork("public", `172.24.${4 + index}.0/24`, true);
    this.addNetwork("private", `10.${index}.0.0/24`, false);
    const id = newId("sg");
    const egress = (ethertype: "IPv4" | "IPv6") => ({ id: newId("rule"), direction: "egress" as const, protocol: null, portRangeMin: null, portRangeMax: null, remoteIpPrefix: null, ethertype });
    this.securityGroups.set(id, { id, name: "default", region: name, description: "Default security group", rules: [egress("IPv4"), egress("IPv6")] });
  }

  private addNetwork(name: string, cidr: string, external: boolean): void {
    const id = this.newId("net");
    const subnetId = this.newId("subnet");
    const { gatewayIp, pool } = defaultAddressing(cidr);
    this.networks.set(id, { id, name, region: this.name, adminStateUp: true, shared: external, subnets: [subnetId], external });
    this.subnets.set(subnetId, { id: subnetId, name: `${name}-subnet`, region: this.name, networkId: id, cidr, ipVersion: 4, gatewayIp, enableDhcp: true, allocationPools: [pool] });
  }

  /**
   * Runs a call for `project` (a client made for it): other projects' objects are invisible to `find`
   * and `all`, in the words of a missing one, and what it adds belongs to the project.
   */
  actingFor<R>(project: string | undefined, run: () => R): R {
    this.caller = project;
    try {
      return run();
    } finally {
      this.caller = undefined;
    }
  }

  private visible(id: string): boolean {
    const owner = this.owners.get(id);
    return this.caller === undefined || owner === undefined || owner === this.caller;
  }

  /** Stores a new object, owned by the calling project; returns it. */
  add<T extends { id: string }>(table: Map<string, T>, object: T): T {
    table.set(object.id, object);
    if (this.caller !== undefined) this.owners.set(object.id, this.caller);
    return object;
  }

  /** The objects of `table` the running call may see. */
  all<T extends { id: string }>(table: Map<string, T>): T[] {
    return [...table.values()].filter((o) => this.visible(o.id));
  }

  /** The object with this id the running call may see, or `code` (NotFound by default) naming it. */
  find<T>(table: Map<string, T>, what: string, id: string, code: CloudErrorCode = "NotFound"): T {
    const object = table.get(id);
    return object !== undefined && this.visible(id) ? object : fail(code, `${what} ${id} could not be found.`);
  }

  /** The object with this id, else the only one with this name (as Neutron and Nova resolve references). */
  findByRef<T extends { id: string; name: string }>(table: Map<string, T>, what: string, ref: string, code: CloudErrorCode = "NotFound"): T {
    const named = this.all(table).filter((o) => o.name === ref);
    if (table.has(ref) && this.visible(ref)) return table.get(ref)!;
    return named.length === 1 ? named[0] : fail(code, `${what} ${ref} could not be found.`);
  }

  /** Disassociates the floating IPs whose port is gone (as Neutron does when a port is deleted). */
  releaseFloatingIps(): void {
    for (const fip of this.floatingIps.values()) {
      if (fip.portId !== null && !this.ports.has(fip.portId)) Object.assign(fip, { portId: null, fixedIp: null });
    }
  }

  /** A new MAC address in OpenStack's fa:16:3e prefix. */
  nextMac(): string {
    this.macs += 1;
    return `fa:16:3e:${[16, 8, 0].map((shift) => (Math.floor(this.macs / 2 ** shift) % 256).toString(16).padStart(2, "0")).join(":")}`;
  }

  /** Takes `requested` (Conflict when taken) or the lowest free address of the subnet's pools (Conflict when full). */
  allocate(subnet: Subnet, requested?: string): string {
    const used = new Set([...this.ports.values()].flatMap((p) => p.fixedIps.map((ip) => ip.ipAddress)));
    for (const fip of this.floatingIps.values()) used.add(fip.address);
    for (const router of this.routers.values()) for (const ip of router.externalGateway?.externalFixedIps ?? []) used.add(ip.ipAddress);
    if (subnet.gatewayIp) used.add(subnet.gatewayIp);
    if (requested !== undefined) {
      if (!isHostOf(subnet.cidr, requested)) fail("BadRequest", `IP address ${requested} is not a valid IP for subnet ${subnet.id}.`);
      return used.has(requested) ? fail("Conflict", `IP address ${requested} already allocated in subnet ${subnet.id}.`) : requested;
    }
    for (const pool of subnet.allocationPools) {
      for (let value = toInt(pool.start); value <= toInt(pool.end); value++) if (!used.has(toIp(value))) return toIp(value);
    }
    return fail("Conflict", `No more IP addresses available on subnet ${subnet.id}.`);
  }
}
