/**
 * The simulated cloud's stored records: plain JSON values, one per entity, held in memory per region
 * and written through the persistence port. Public views (lib/engine/ports/cloud.ts) are derived from them.
 */
import type {
  Router,
  Trunk,
  CloudErrorCode,
  CloudObject,
  FloatingIp,
  Network,
  Port,
  Quota,
  SecurityGroup,
  ServerStatus,
  Subnet,
  Volume,
  VolumeStatus,
} from "../../engine/ports";

/** A transition in progress: the status the entity reaches at time `at` (ms, from the sim's clock). */
export interface Transition<S extends string> {
  to: S;
  at: number;
  /** Nova's task_state while it runs (spawning, powering-off, deleting ...). */
  task?: string;
  /** Why the entity ends in ERROR (build failures). */
  fault?: string;
  /** The attachment a volume's attaching/detaching transition concerns. */
  attachmentId?: string;
}

/** A failNext rule: the next `count` calls of an operation fail with this error. */
export interface FailRule { count: number; code: CloudErrorCode; message?: string }

/** Per-region settings and counters (persisted as the "region" row). */
export interface RegionMeta {
  name: string;
  seed: number;
  /** Ids are hashes of (seed, region, counter); it only grows. */
  counter: number;
  online: boolean;
  quota: Quota;
  /** failNext rules keyed by operation name ("compute.createServer", "compute.build" ...). */
  failNext: Record<string, FailRule>;
}

/**
 * Fields every stored entity has. `seq` orders lists the same way after a reload; `project` is the
 * project whose client created it (absent: shared by every project, as the bootstrap networks are).
 */
interface Base { id: string; seq: number; project?: string }

/** A Nova server. Addresses and volumes are derived from ports, floating IPs and volumes. */
export interface ServerRecord extends Base {
  name: string;
  status: Exclude<ServerStatus, "DELETED">;
  fault?: string;
  flavorId: string;
  imageId: string;
  metadata: Record<string, string>;
  userData?: string;
  /** Ports plugged into the server, in request order. */
  portIds: string[];
  /** The subset of portIds that Nova created (and deletes with the server). */
  ownedPortIds: string[];
  securityGroups: string[];
  createdAt: string;
  hung?: boolean;
  /** Set by faults.crashServer, so faults.clear can undo it. */
  crashed?: boolean;
  /** Forced CPU load (faults.setCpuLoad). */
  cpuLoad?: number;
  pending?: Transition<ServerStatus>;
}

/** A Cinder volume with its stored bytes (content keyed by name). */
export interface VolumeRecord extends Base, Omit<Volume, "region"> {
  imageId?: string;
  description?: string;
  content: Record<string, string>;
  pending?: Transition<VolumeStatus | "deleted">;
}

/** A Neutron network; `external` marks the floating IP network ("public"). */
export interface NetworkRecord extends Base, Omit<Network, "region"> { external: boolean }

/** A Neutron subnet. */
export type SubnetRecord = Base & Omit<Subnet, "region">;

/** A Neutron port; its status is derived from what it is bound to. */
export type PortRecord = Base & Omit<Port, "region" | "status">;

/** A floating IP; `subnetId` is the external subnet its address came from. */
export interface FloatingIpRecord extends Base, Omit<FloatingIp, "region"> { subnetId: string }

/** A security group with its rules. */
export type SecurityGroupRecord = Base & Omit<SecurityGroup, "region">;

/** A Neutron router; its gateway and interface addresses are held in the record (router-ops.ts). */
export type RouterRecord = Base & Omit<Router, "region">;

/** A Neutron trunk; its status is derived from its parent port's binding. */
export type TrunkRecord = Base & Omit<Trunk, "region" | "status">;

/** A placeholder object (lib/engine/ports/objects.ts) of a type the sim has no model of its own for. */
export type CloudObjectRecord = Base & Omit<CloudObject, "region">;

/** Record type per entity kind. */
export interface EntityTypes {
  server: ServerRecord;
  volume: VolumeRecord;
  network: NetworkRecord;
  subnet: SubnetRecord;
  port: PortRecord;
  floatingIp: FloatingIpRecord;
  securityGroup: SecurityGroupRecord;
  object: CloudObjectRecord;
  router: RouterRecord;
  trunk: TrunkRecord;
}

/** The kinds of stored entities. */
export type EntityKind = keyof EntityTypes;

/** Every entity kind, in the order lists and loads use. */
export const ENTITY_KINDS: readonly EntityKind[] = [
  "network", "subnet", "securityGroup", "port", "floatingIp", "server", "volume", "object", "router", "trunk",
];
