/** Nova servers of one region: build, power actions, deletion, metadata and metrics. */
import type { ComputeClient, Flavor, Image, Server, ServerMetrics, ServerSpec, ServerStatus } from "../../engine/ports";
import { FLAVORS } from "./catalog";
import { badRequest, conflict, serverNotFound } from "./errors";
import { NO_VALID_HOST, takeFailure } from "./fail-rules";
import { unitHash } from "./hash";
import { findByRef } from "./lookup";
import { addPort, destroyPort } from "./port-ops";
import { checkQuota } from "./quota";
import type { ServerRecord } from "./records";
import type { RegionState } from "./region-state";
import { resolveSecurityGroups } from "./security-group-ops";
import { serverView } from "./views";

/** Nova's vm_state names, for conflict messages. */
export const VM_STATE: Record<ServerRecord["status"], string> = {
  BUILD: "building",
  ACTIVE: "active",
  SHUTOFF: "stopped",
  SUSPENDED: "suspended",
  ERROR: "error",
};

/** The server with this id, or NotFound. */
export function requireServer(s: RegionState, id: string): ServerRecord {
  const server = s.get("server", id);
  if (!server) throw serverNotFound(id);
  return server;
}

/** Why an action cannot run on the server now, in Nova's words (undefined when it can). */
export function stateConflict(server: ServerRecord, action: string, allowed: ServerStatus[]): string | undefined {
  if (server.pending) return `Cannot '${action}' instance ${server.id} while it is in task_state ${server.pending.task}`;
  if (!allowed.includes(server.status)) return `Cannot '${action}' instance ${server.id} while it is in vm_state ${VM_STATE[server.status]}`;
  return undefined;
}

/** A flavor by id or name. */
export function findFlavor(ref: string): Flavor | undefined {
  return FLAVORS.find((f) => f.id === ref || f.name === ref);
}

/** An image of the region by id or name. */
export function findImage(s: RegionState, ref: string): Image | undefined {
  return s.images.find((i) => i.id === ref || i.name === ref);
}

function checkName(name: unknown): string {
  if (typeof name !== "string" || name.trim() === "" || name.length > 255) {
    throw badRequest(`Invalid input for field/attribute name. Value: ${String(name)}. The name must be 1 to 255 characters.`);
  }
  return name;
}

/** Plugs the requested networks/ports (default: "private"); undoes everything if one fails. */
function plugNetworks(s: RegionState, serverId: string, spec: ServerSpec, groups: string[]): Pick<ServerRecord, "portIds" | "ownedPortIds"> {
  const fallback = spec.networks ? undefined : s.list("network").find((n) => n.name === "private");
  const requests = spec.networks ?? (fallback ? [{ networkId: fallback.id }] : []);
  const portIds: string[] = [];
  const ownedPortIds: string[] = [];
  try {
    for (const request of requests) {
      if (request.portId !== undefined) {
        const port = s.get("port", request.portId);
        if (!port) throw badRequest(`Port ${request.portId} could not be found.`);
        if (port.deviceId !== null) throw conflict(`Port ${port.id} is still in use.`);
        s.put("port", { ...port, deviceId: serverId });
        portIds.push(port.id);
      } else if (request.networkId !== undefined) {
        const network = findByRef(s.list("network"), request.networkId, "network");
        if (!network) throw badRequest(`Network ${request.networkId} could not be found.`);
        const fixedIps = request.fixedIp === undefined ? undefined : [{ ipAddress: request.fixedIp }];
        const port = addPort(s, { networkId: network.id, fixedIps, securityGroups: groups }, serverId);
        portIds.push(port.id);
        ownedPortIds.push(port.id);
      } else {
        throw badRequest("Bad networks format: each network needs a networkId or a portId.");
      }
    }
  } catch (error) {
    for (const id of portIds) {
      const port = s.get("port", id);
      if (port && ownedPortIds.includes(id)) destroyPort(s, port);
      else if (port) s.put("port", { ...port, deviceId: null });
    }
    throw error;
  }
  return { portIds, ownedPortIds };
}

function createServer(s: RegionState, spec: ServerSpec): Server {
  const name = checkName(spec.name);
  const flavor = findFlavor(spec.flavor);
  if (!flavor) throw badRequest(`Flavor ${spec.flavor} could not be found.`);
  const image = findImage(s, spec.image);
  if (!image) throw badRequest(`Image ${spec.image} could not be found.`);
  if (image.minDiskGb > flavor.diskGb) {
    throw badRequest(
      `Flavor's disk is too small for requested image. Flavor ${flavor.name} has ${flavor.diskGb} GB, image ${image.name} needs ${image.minDiskGb} GB.`,
    );
  }
  if (spec.availabilityZone !== undefined && spec.availabilityZone !== "nova") {
    throw badRequest(`The requested availability zone is not available: ${spec.availabilityZone}`);
  }
  const groups = resolveSecurityGroups(s, spec.securityGroups ?? ["default"]);
  checkQuota(s, { instances: 1, cores: flavor.vcpus, ramMb: flavor.ramMb });
  const { id, seq } = s.nextId();
  const plugged = plugNetworks(s, id, spec, groups);
  const failure = takeFailure(s, "compute.build");
  const record: ServerRecord = {
    id,
    seq,
    name,
    status: "BUILD",
    flavorId: flavor.id,
    imageId: image.id,
    metadata: { ...(spec.metadata ?? {}) },
    ...(spec.userData !== undefined ? { userData: spec.userData } : {}),
    ...plugged,
    securityGroups: groups,
    createdAt: s.isoNow(),
    pending: {
      to: failure ? "ERROR" : "ACTIVE",
      at: s.now() + s.latency.duration("serverBuild", id),
      task: "spawning",
      ...(failure ? { fault: failure.message ?? NO_VALID_HOST } : {}),
    },
  };
  s.put("server", record);
  return serverView(s, record);
}

/** Starts a power transition (stop, start, suspend, resume) from `from` to `to`. */
function power(action: string, from: ServerStatus, to: ServerStatus, task: string) {
  return (s: RegionState, id: string): void => {
    const server = requireServer(s, id);
    const problem = stateConflict(server, action, [from]);
    if (problem) throw conflict(problem);
    const at = s.now() + s.latency.duration("serverPower", `${id}/${action}`);
    s.put("server", { ...server, pending: { to, at, task } });
  };
}

/** CPU load: seeded per-server baseline plus noise that changes every 10 s; 0 when not running. */
function metrics(s: RegionState, id: string): ServerMetrics {
  const server = requireServer(s, id);
  const healthy = server.status === "ACTIVE" && !server.hung && !server.crashed;
  const seed = s.meta.seed;
  const bucket = Math.floor(s.now() / 10_000);
  const baseline = 5 + 25 * unitHash(seed, id, "baseline");
  const noise = 8 * (unitHash(seed, id, bucket) - 0.5);
  const cpu = healthy ? (server.cpuLoad ?? baseline + noise) : 0;
  return { serverId: id, cpuPercent: Math.round(Math.min(100, Math.max(0, cpu)) * 10) / 10, healthy, time: s.isoNow() };
}

/** The operations of ComputeClient, on a region's state. */
export const computeOps = {
  flavors: (_s: RegionState): Flavor[] => FLAVORS.map((f) => ({ ...f })),
  images: (s: RegionState): Image[] => s.images.map((i) => ({ ...i })),
  createServer,
  getServer: (s: RegionState, id: string): Server => serverView(s, requireServer(s, id)),
  listServers: (s: RegionState): Server[] => s.list("server").map((r) => serverView(s, r)),
  deleteServer(s: RegionState, id: string): void {
    const server = requireServer(s, id);
    if (server.pending?.to === "DELETED") return;
    const at = s.now() + s.latency.duration("serverDelete", id);
    s.put("server", { ...server, pending: { to: "DELETED", at, task: "deleting" } });
  },
  stopServer: power("stop", "ACTIVE", "SHUTOFF", "powering-off"),
  startServer: power("start", "SHUTOFF", "ACTIVE", "powering-on"),
  suspendServer: power("suspend", "ACTIVE", "SUSPENDED", "suspending"),
  resumeServer: power("resume", "SUSPENDED", "ACTIVE", "resuming"),
  updateServer(s: RegionState, id: string, patch: Parameters<ComputeClient["updateServer"]>[1]): Server {
    const next = { ...requireServer(s, id) };
    if (patch.name !== undefined) next.name = checkName(patch.name);
    if (patch.metadata !== undefined) next.metadata = { ...patch.metadata };
    s.put("server", next);
    return serverView(s, next);
  },
  metrics,
};
