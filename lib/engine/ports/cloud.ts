/**
 * The CloudProvider port: the only way resource plugins reach a cloud. The engine owns it;
 * the built-in simulated cloud (lib/cloud/sim) implements it, a real OpenStack driver will too, and
 * engine tests use the instant in-memory fake (lib/engine/testing/instant-cloud/).
 * Every call is region-scoped: plugins ask `cloud.region(name)` for a client.
 * Long operations follow OpenStack's shape: create returns at once, possibly with a transitional
 * status (BUILD, creating, ...), and the caller polls `get*` until the status settles.
 */

import type { ObjectClient } from "./objects";

/** Errors are classified so plugins and the engine can decide whether to retry, fail or ignore. */
export type CloudErrorCode =
  | "NotFound"
  | "Conflict"
  | "BadRequest"
  | "QuotaExceeded"
  | "RegionUnavailable"
  | "InjectedFault"
  | "Transient";

/** An error raised by a cloud client. `retryable` is true for Transient faults. */
export class CloudError extends Error {
  readonly code: CloudErrorCode;
  readonly retryable: boolean;
  constructor(code: CloudErrorCode, message: string) {
    super(message);
    this.name = "CloudError";
    this.code = code;
    this.retryable = code === "Transient";
  }
}

/** A region as listed by the provider. */
export interface RegionInfo {
  name: string;
  /** false while the region is offline (fault injection or a real outage). */
  available: boolean;
}

export interface Flavor { id: string; name: string; vcpus: number; ramMb: number; diskGb: number }
export interface Image { id: string; name: string; minDiskGb: number }

export type ServerStatus = "BUILD" | "ACTIVE" | "ERROR" | "SHUTOFF" | "SUSPENDED" | "DELETED";

export interface ServerAddress { network: string; address: string; type: "fixed" | "floating"; portId?: string }

export interface Server {
  id: string;
  name: string;
  region: string;
  status: ServerStatus;
  /** Why the server is in ERROR, when it is. */
  fault?: string;
  flavorId: string;
  imageId: string;
  addresses: ServerAddress[];
  metadata: Record<string, string>;
  userData?: string;
  /** Volume ids attached to this server. */
  volumes: string[];
  createdAt: string;
  /** Set by fault injection: the server does not answer health checks although it may look ACTIVE. */
  hung?: boolean;
}

export interface ServerSpec {
  name: string;
  flavor: string; // id or name
  image: string; // id or name
  networks?: { networkId?: string; portId?: string; fixedIp?: string }[];
  securityGroups?: string[];
  metadata?: Record<string, string>;
  userData?: string;
  keyName?: string;
  availabilityZone?: string;
}

export type VolumeStatus = "creating" | "available" | "attaching" | "in-use" | "detaching" | "deleting" | "error";

export interface VolumeAttachmentInfo { id: string; serverId: string; device: string }

export interface Volume {
  id: string;
  name: string;
  region: string;
  sizeGb: number;
  status: VolumeStatus;
  multiattach: boolean;
  attachments: VolumeAttachmentInfo[];
  metadata: Record<string, string>;
  createdAt: string;
}

export interface VolumeSpec {
  name?: string;
  sizeGb: number;
  multiattach?: boolean;
  metadata?: Record<string, string>;
  imageId?: string;
  description?: string;
}

export interface Network { id: string; name: string; region: string; adminStateUp: boolean; shared: boolean; subnets: string[] }
export interface Subnet { id: string; name: string; region: string; networkId: string; cidr: string; ipVersion: 4 | 6; gatewayIp: string | null; enableDhcp: boolean; allocationPools: { start: string; end: string }[] }
export interface Port { id: string; name: string; region: string; networkId: string; fixedIps: { subnetId: string; ipAddress: string }[]; macAddress: string; deviceId: string | null; securityGroups: string[]; status: "DOWN" | "ACTIVE" }
export interface FloatingIp { id: string; region: string; floatingNetworkId: string; address: string; portId: string | null; fixedIp: string | null }
export interface SecurityGroupRule { id: string; direction: "ingress" | "egress"; protocol: string | null; portRangeMin: number | null; portRangeMax: number | null; remoteIpPrefix: string | null; ethertype: "IPv4" | "IPv6" }
export interface SecurityGroup { id: string; name: string; region: string; description: string; rules: SecurityGroupRule[] }
/** A router's gateway to an external network, with the addresses it holds there. */
export interface RouterGateway { networkId: string; enableSnat: boolean; externalFixedIps: { subnetId: string; ipAddress: string }[] }
/** A Neutron router: its gateway (absent: none) and its interfaces, one port on each subnet it routes. */
export interface Router { id: string; name: string; region: string; adminStateUp: boolean; externalGateway: RouterGateway | null; interfaces: { portId: string; subnetId: string; ipAddress: string }[] }
/** What a router interface is made on: a subnet (the router takes its gateway address) or an existing port. */
export type RouterInterfaceTarget = { subnetId: string; portId?: undefined } | { portId: string; subnetId?: undefined };
/** A trunk's subport: a port presented to the instance on the parent's vNIC, tagged with its segmentation id. */
export interface TrunkSubPort { portId: string; segmentationType: "vlan" | "inherit"; segmentationId: number }
/** A Neutron trunk: a parent port and its subports; ACTIVE once the parent port is bound to a device, else DOWN. */
export interface Trunk { id: string; name: string; region: string; description: string; portId: string; adminStateUp: boolean; status: "ACTIVE" | "DOWN"; subPorts: TrunkSubPort[] }

/** Metric samples for alarms and health checks. */
export interface ServerMetrics { serverId: string; cpuPercent: number; healthy: boolean; time: string }

/** Quota limits and current usage per region. */
export interface Quota { instances: number; cores: number; ramMb: number; volumes: number; gigabytes: number; networks: number; ports: number; floatingIps: number }

export interface ComputeClient {
  flavors(): Promise<Flavor[]>;
  images(): Promise<Image[]>;
  createServer(spec: ServerSpec): Promise<Server>;
  getServer(id: string): Promise<Server>;
  listServers(): Promise<Server[]>;
  deleteServer(id: string): Promise<void>;
  stopServer(id: string): Promise<void>;
  startServer(id: string): Promise<void>;
  suspendServer(id: string): Promise<void>;
  resumeServer(id: string): Promise<void>;
  updateServer(id: string, patch: { name?: string; metadata?: Record<string, string> }): Promise<Server>;
  metrics(id: string): Promise<ServerMetrics>;
}

export interface VolumeClient {
  createVolume(spec: VolumeSpec): Promise<Volume>;
  getVolume(id: string): Promise<Volume>;
  listVolumes(): Promise<Volume[]>;
  deleteVolume(id: string): Promise<void>;
  extendVolume(id: string, sizeGb: number): Promise<void>;
  /** Starts attaching; poll getVolume until "in-use". The server must be in the same region. */
  attachVolume(volumeId: string, serverId: string, device?: string): Promise<VolumeAttachmentInfo>;
  /** Starts detaching; poll getVolume until the attachment is gone. */
  detachVolume(volumeId: string, attachmentId: string): Promise<void>;
  /** Data stored on the volume, through the server it is attached to (as a guest would write it). */
  writeData(volumeId: string, serverId: string, key: string, content: string): Promise<void>;
  readData(volumeId: string, serverId: string, key: string): Promise<string | undefined>;
}

export interface NetworkClient {
  createNetwork(spec: { name?: string; adminStateUp?: boolean; shared?: boolean }): Promise<Network>;
  getNetwork(id: string): Promise<Network>;
  listNetworks(): Promise<Network[]>;
  updateNetwork(id: string, patch: { name?: string; adminStateUp?: boolean }): Promise<Network>;
  deleteNetwork(id: string): Promise<void>;
  createSubnet(spec: { networkId: string; cidr: string; name?: string; ipVersion?: 4 | 6; gatewayIp?: string | null; enableDhcp?: boolean; allocationPools?: { start: string; end: string }[] }): Promise<Subnet>;
  getSubnet(id: string): Promise<Subnet>;
  listSubnets(): Promise<Subnet[]>;
  updateSubnet(id: string, patch: { name?: string; gatewayIp?: string | null; enableDhcp?: boolean }): Promise<Subnet>;
  deleteSubnet(id: string): Promise<void>;
  createPort(spec: { networkId: string; name?: string; fixedIps?: { subnetId?: string; ipAddress?: string }[]; securityGroups?: string[] }): Promise<Port>;
  getPort(id: string): Promise<Port>;
  listPorts(): Promise<Port[]>;
  updatePort(id: string, patch: { name?: string; securityGroups?: string[]; deviceId?: string | null }): Promise<Port>;
  /** Conflict while the port is a trunk's parent or subport. */
  deletePort(id: string): Promise<void>;
  createFloatingIp(spec: { floatingNetwork: string; portId?: string }): Promise<FloatingIp>;
  getFloatingIp(id: string): Promise<FloatingIp>;
  listFloatingIps(): Promise<FloatingIp[]>;
  associateFloatingIp(id: string, portId: string, fixedIp?: string): Promise<FloatingIp>;
  disassociateFloatingIp(id: string): Promise<FloatingIp>;
  deleteFloatingIp(id: string): Promise<void>;
  createSecurityGroup(spec: { name?: string; description?: string; rules?: Omit<SecurityGroupRule, "id">[] }): Promise<SecurityGroup>;
  getSecurityGroup(id: string): Promise<SecurityGroup>;
  listSecurityGroups(): Promise<SecurityGroup[]>;
  updateSecurityGroup(id: string, patch: { name?: string; description?: string; rules?: Omit<SecurityGroupRule, "id">[] }): Promise<SecurityGroup>;
  deleteSecurityGroup(id: string): Promise<void>;
  /** A router; a gateway's network must be external (BadRequest). */
  createRouter(spec: { name?: string; adminStateUp?: boolean; externalGateway?: { networkId: string; enableSnat?: boolean } }): Promise<Router>;
  getRouter(id: string): Promise<Router>;
  listRouters(): Promise<Router[]>;
  /** externalGateway null clears the gateway: Conflict while floating IPs are reached through it. */
  updateRouter(id: string, patch: { name?: string; adminStateUp?: boolean; externalGateway?: { networkId: string; enableSnat?: boolean } | null }): Promise<Router>;
  /** Conflict while the router has interfaces. */
  deleteRouter(id: string): Promise<void>;
  addRouterInterface(id: string, target: RouterInterfaceTarget): Promise<{ portId: string; subnetId: string }>;
  /** Conflict while floating IPs are reached through the interface. */
  removeRouterInterface(id: string, target: RouterInterfaceTarget): Promise<void>;
  /**
   * A trunk on a parent port, with Neutron's rules (trunk-rules.ts): a port is the parent of one trunk at
   * most, a subport is another port in no other trunk, segmentation ids are unique per trunk (Conflict).
   */
  createTrunk(spec: { portId: string; name?: string; description?: string; adminStateUp?: boolean; subPorts?: TrunkSubPort[] }): Promise<Trunk>;
  getTrunk(id: string): Promise<Trunk>;
  listTrunks(): Promise<Trunk[]>;
  updateTrunk(id: string, patch: { name?: string; description?: string; adminStateUp?: boolean }): Promise<Trunk>;
  /** Conflict while the trunk is disabled (admin state down). */
  deleteTrunk(id: string): Promise<void>;
  /** Adds subports under the rules of createTrunk; Conflict while the trunk is disabled. */
  addTrunkSubPorts(id: string, subPorts: TrunkSubPort[]): Promise<Trunk>;
  /** Removes the subports of these ports (NotFound for one not on the trunk); Conflict while the trunk is disabled. */
  removeTrunkSubPorts(id: string, portIds: string[]): Promise<Trunk>;
}

/** A client bound to one region. Calls on an offline region fail with RegionUnavailable. */
export interface RegionClient {
  readonly region: string;
  compute: ComputeClient;
  volume: VolumeClient;
  network: NetworkClient;
  /** Placeholder objects of the types the cloud has no model of their own for (ports/objects.ts). */
  objects: ObjectClient;
  quota(): Promise<{ limits: Quota; used: Quota }>;
}

/** The port itself. */
export interface CloudProvider {
  regions(): Promise<RegionInfo[]>;
  /** Names of regions known to the provider, synchronously (used by template validation). */
  regionNames(): string[];
  /**
   * A client for one region. Throws CloudError("NotFound") for an unknown region name.
   * With `project`, the client acts for that project (as a project-scoped OpenStack token does): what
   * it creates belongs to the project, and another project's object is "not found", in the same words
   * as a missing one, whatever call names it (get, delete, attach, a port or volume in a spec ...).
   * Without it, an operator's client that sees everything.
   *
   * With `clientToken`, every state-changing call the client makes is idempotent (as AWS's
   * ClientToken or Nova's request ids): the client stamps it `${clientToken}/${operation}#${n}`
   * (operation: "compute.createServer"; n counts that operation's calls on this client instance,
   * 1, 2, ...; see client-token.ts), and the cloud remembers each stamp it has carried out, per region,
   * as durably as the rest of its state and for every client and process that reaches it. A call whose
   * stamp was carried out is not done again: it answers what it answered the first time (a create: the
   * object as it is now, if it still exists; a delete that happened: success). A call that failed was
   * not carried out, so its repeat runs. Each `region()` call with a token gives a new client instance
   * (counts from 1), so an engine taking over a half-done create re-runs the plugin's hooks on a client
   * made with the same token and gets the objects the first run made instead of new ones.
   * Without a token, nothing is deduplicated.
   */
  region(name: string, project?: string, clientToken?: string): RegionClient;
}
