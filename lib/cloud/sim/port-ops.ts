/** Neutron ports of one region: fixed IP allocation from subnet pools, MACs, binding to devices. */
import type { NetworkClient, Port } from "../../engine/ports";
import { portDeleteRefusal } from "../../engine/ports/trunk-rules";
import { badRequest, conflict, notFound } from "./errors";
import { cidrContains, formatIp, hostRange, parseCidr, parseIp } from "./ipam";
import { requireNetwork, requireSubnet } from "./network-ops";
import { checkQuota } from "./quota";
import type { NetworkRecord, PortRecord, SubnetRecord } from "./records";
import type { RegionState } from "./region-state";
import { resolveSecurityGroups } from "./security-group-ops";
import { poolsFromText } from "./subnet-rules";
import { portView } from "./views";

/** What createPort (and Nova, for a server's networks) asks for. */
export type PortSpec = Parameters<NetworkClient["createPort"]>[0];

/** Takes the requested address, or the lowest free one of the pools; undefined when the pools are full. */
export function allocateAddress(s: RegionState, subnet: SubnetRecord, requested?: string): string | undefined {
  const cidr = parseCidr(subnet.cidr);
  if (typeof cidr === "string") return undefined;
  const used = s.addressesIn(subnet.id);
  if (requested !== undefined) {
    const ip = parseIp(requested);
    const { first, last } = hostRange(cidr);
    if (!ip || !cidrContains(cidr, ip) || ip.value < first || ip.value > last) {
      throw badRequest(`IP address ${requested} is not a valid IP for the specified subnet.`);
    }
    if (used.has(ip.value)) throw conflict(`IP address ${requested} already allocated in subnet ${subnet.id}`);
    used.add(ip.value);
    return formatIp(ip);
  }
  const hint = s.freeHints.get(subnet.id) ?? 0n;
  for (const pool of poolsFromText(subnet.allocationPools)) {
    for (let value = pool.start > hint ? pool.start : hint; value <= pool.end; value++) {
      if (!used.has(value)) {
        used.add(value);
        s.freeHints.set(subnet.id, value + 1n);
        return formatIp({ version: cidr.version, value });
      }
    }
  }
  return undefined;
}

/** An address from the first IPv4 subnet of the network with room; Conflict when all are full. */
export function allocateOnNetwork(s: RegionState, network: NetworkRecord): { subnetId: string; ipAddress: string } | undefined {
  const subnets = network.subnets.map((id) => s.get("subnet", id)).filter((x): x is SubnetRecord => !!x);
  if (subnets.length === 0) return undefined;
  for (const subnet of subnets.filter((x) => x.ipVersion === 4).concat(subnets.filter((x) => x.ipVersion === 6))) {
    const ipAddress = allocateAddress(s, subnet);
    if (ipAddress) return { subnetId: subnet.id, ipAddress };
  }
  throw conflict(`No more IP addresses available on network ${network.id}.`);
}

function subnetFor(s: RegionState, network: NetworkRecord, request: { subnetId?: string; ipAddress?: string }): SubnetRecord {
  if (request.subnetId !== undefined) {
    const subnet = s.get("subnet", request.subnetId);
    if (!subnet || subnet.networkId !== network.id) {
      throw badRequest(
        `Invalid input for operation: Failed to create port on network ${network.id}, because fixed_ips included invalid subnet ${request.subnetId}.`,
      );
    }
    return subnet;
  }
  const ip = parseIp(request.ipAddress ?? "");
  const subnet = network.subnets
    .map((id) => requireSubnet(s, id))
    .find((x) => {
      const cidr = parseCidr(x.cidr);
      return ip && typeof cidr !== "string" && cidrContains(cidr, ip);
    });
  if (!subnet) {
    throw badRequest(`Invalid input for operation: IP address ${request.ipAddress} is not a valid IP for any of the subnets on the specified network.`);
  }
  return subnet;
}

function allocateFixedIps(s: RegionState, network: NetworkRecord, requests: PortSpec["fixedIps"]): PortRecord["fixedIps"] {
  if (requests === undefined) {
    const one = allocateOnNetwork(s, network);
    return one ? [one] : [];
  }
  const taken: PortRecord["fixedIps"] = [];
  try {
    for (const request of requests) {
      const subnet = subnetFor(s, network, request);
      const ipAddress = allocateAddress(s, subnet, request.ipAddress);
      if (!ipAddress) throw conflict(`No more IP addresses available on network ${network.id}.`);
      taken.push({ subnetId: subnet.id, ipAddress });
    }
  } catch (error) {
    for (const ip of taken) s.markAddress(ip.subnetId, ip.ipAddress, false);
    throw error;
  }
  return taken;
}

/** Creates a port (quota, security groups, addresses, MAC), bound to `deviceId` when given. */
export function addPort(s: RegionState, spec: PortSpec, deviceId: string | null = null): PortRecord {
  const network = requireNetwork(s, spec.networkId);
  checkQuota(s, { ports: 1 });
  const securityGroups = resolveSecurityGroups(s, spec.securityGroups ?? ["default"]);
  const fixedIps = allocateFixedIps(s, network, spec.fixedIps);
  const { id, seq } = s.nextId();
  const record: PortRecord = {
    id,
    seq,
    name: spec.name ?? "",
    networkId: network.id,
    fixedIps,
    macAddress: s.mac(seq),
    deviceId,
    securityGroups,
  };
  s.put("port", record);
  return record;
}

/** Deletes a port: frees its addresses, disassociates its floating IPs, unplugs it from its server. */
export function destroyPort(s: RegionState, port: PortRecord): void {
  for (const ip of port.fixedIps) s.markAddress(ip.subnetId, ip.ipAddress, false);
  for (const fip of s.list("floatingIp")) {
    if (fip.portId === port.id) s.put("floatingIp", { ...fip, portId: null, fixedIp: null });
  }
  const server = port.deviceId === null ? undefined : s.get("server", port.deviceId);
  if (server) {
    const drop = (ids: string[]) => ids.filter((x) => x !== port.id);
    s.put("server", { ...server, portIds: drop(server.portIds), ownedPortIds: drop(server.ownedPortIds) });
  }
  s.remove("port", port.id);
}

/** The port with this id, or NotFound. */
export function requirePort(s: RegionState, id: string): PortRecord {
  const port = s.get("port", id);
  if (!port) throw notFound("Port", id);
  return port;
}

/** The port operations of NetworkClient. */
export const portOps = {
  createPort: (s: RegionState, spec: PortSpec): Port => portView(s, addPort(s, spec)),
  getPort: (s: RegionState, id: string): Port => portView(s, requirePort(s, id)),
  listPorts: (s: RegionState): Port[] => s.list("port").map((p) => portView(s, p)),
  updatePort(s: RegionState, id: string, patch: Parameters<NetworkClient["updatePort"]>[1]): Port {
    const next = { ...requirePort(s, id) };
    if (patch.name !== undefined) next.name = patch.name;
    if (patch.securityGroups !== undefined) next.securityGroups = resolveSecurityGroups(s, patch.securityGroups);
    if (patch.deviceId !== undefined) next.deviceId = patch.deviceId;
    s.put("port", next);
    return portView(s, next);
  },
  deletePort(s: RegionState, id: string): void {
    const port = requirePort(s, id);
    const refusal = portDeleteRefusal(s.list("trunk"), port.id);
    if (refusal) throw refusal;
    destroyPort(s, port);
  },
};
