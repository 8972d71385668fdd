/** Neutron networks and subnets of one region. */
import type { Network, NetworkClient, Subnet } from "../../engine/ports";
import { conflict, notFound } from "./errors";
import { formatCidr, formatIp, parseCidr } from "./ipam";
import { checkQuota } from "./quota";
import type { NetworkRecord, SubnetRecord } from "./records";
import type { RegionState } from "./region-state";
import { checkCidr, checkGateway, checkGatewayOutsidePools, checkPools, poolsFromText, poolsToText } from "./subnet-rules";
import { networkView, subnetView } from "./views";

/** The network with this id, or NotFound. */
export function requireNetwork(s: RegionState, id: string): NetworkRecord {
  const network = s.get("network", id);
  if (!network) throw notFound("Network", id);
  return network;
}

/** The subnet with this id, or NotFound. */
export function requireSubnet(s: RegionState, id: string): SubnetRecord {
  const subnet = s.get("subnet", id);
  if (!subnet) throw notFound("Subnet", id);
  return subnet;
}

/** Creates a network record (also used to seed "public" and "private"). */
export function addNetwork(s: RegionState, spec: Parameters<NetworkClient["createNetwork"]>[0], external = false): NetworkRecord {
  const { id, seq } = s.nextId();
  const record: NetworkRecord = {
    id,
    seq,
    name: spec.name ?? "",
    adminStateUp: spec.adminStateUp ?? true,
    shared: spec.shared ?? false,
    subnets: [],
    external,
  };
  s.put("network", record);
  return record;
}

/** Validates and creates a subnet record on its network. */
export function addSubnet(s: RegionState, spec: Parameters<NetworkClient["createSubnet"]>[0]): SubnetRecord {
  const network = requireNetwork(s, spec.networkId);
  const ipVersion = spec.ipVersion ?? 4;
  const others = network.subnets.map((id) => s.get("subnet", id)?.cidr ?? "");
  const cidr = checkCidr(spec.cidr, ipVersion, network.id, others);
  const gateway = checkGateway(cidr, spec.gatewayIp);
  const pools = checkPools(cidr, gateway, spec.allocationPools);
  const { id, seq } = s.nextId();
  const record: SubnetRecord = {
    id,
    seq,
    name: spec.name ?? "",
    networkId: network.id,
    cidr: formatCidr(cidr),
    ipVersion,
    gatewayIp: gateway === null ? null : formatIp({ version: cidr.version, value: gateway }),
    enableDhcp: spec.enableDhcp ?? true,
    allocationPools: poolsToText(cidr, pools),
  };
  s.put("subnet", record);
  s.put("network", { ...network, subnets: [...network.subnets, id] });
  return record;
}

function updateSubnet(s: RegionState, id: string, patch: Parameters<NetworkClient["updateSubnet"]>[1]): Subnet {
  const subnet = requireSubnet(s, id);
  const next = { ...subnet };
  if (patch.name !== undefined) next.name = patch.name;
  if (patch.enableDhcp !== undefined) next.enableDhcp = patch.enableDhcp;
  if (patch.gatewayIp !== undefined) {
    const cidr = parseCidr(subnet.cidr);
    if (typeof cidr === "string") throw conflict(cidr);
    const gateway = checkGateway(cidr, patch.gatewayIp);
    checkGatewayOutsidePools(cidr, gateway, poolsFromText(subnet.allocationPools));
    next.gatewayIp = gateway === null ? null : formatIp({ version: cidr.version, value: gateway });
  }
  s.put("subnet", next);
  return subnetView(s, next);
}

function deleteSubnet(s: RegionState, id: string): void {
  const subnet = requireSubnet(s, id);
  if ((s.usedIps.get(id)?.size ?? 0) > 0) {
    throw conflict(`Unable to complete operation on subnet ${id}: One or more ports have an IP allocation from this subnet.`);
  }
  const network = s.get("network", subnet.networkId);
  if (network) s.put("network", { ...network, subnets: network.subnets.filter((x) => x !== id) });
  s.remove("subnet", id);
  s.usedIps.delete(id);
  s.freeHints.delete(id);
}

function deleteNetwork(s: RegionState, id: string): void {
  const network = requireNetwork(s, id);
  const inUse =
    s.list("port").some((p) => p.networkId === id) || s.list("floatingIp").some((f) => f.floatingNetworkId === id);
  if (inUse) {
    throw conflict(`Unable to complete operation on network ${id}. There are one or more ports still in use on the network.`);
  }
  for (const subnetId of network.subnets) deleteSubnet(s, subnetId);
  s.remove("network", id);
}

/** The network and subnet operations of NetworkClient, on a region's state. */
export const networkOps = {
  createNetwork(s: RegionState, spec: Parameters<NetworkClient["createNetwork"]>[0]): Network {
    checkQuota(s, { networks: 1 });
    return networkView(s, addNetwork(s, spec));
  },
  getNetwork: (s: RegionState, id: string): Network => networkView(s, requireNetwork(s, id)),
  listNetworks: (s: RegionState): Network[] => s.list("network").map((n) => networkView(s, n)),
  updateNetwork(s: RegionState, id: string, patch: Parameters<NetworkClient["updateNetwork"]>[1]): Network {
    const next = { ...requireNetwork(s, id) };
    if (patch.name !== undefined) next.name = patch.name;
    if (patch.adminStateUp !== undefined) next.adminStateUp = patch.adminStateUp;
    s.put("network", next);
    return networkView(s, next);
  },
  deleteNetwork,
  createSubnet: (s: RegionState, spec: Parameters<NetworkClient["createSubnet"]>[0]): Subnet => subnetView(s, addSubnet(s, spec)),
  getSubnet: (s: RegionState, id: string): Subnet => subnetView(s, requireSubnet(s, id)),
  listSubnets: (s: RegionState): Subnet[] => s.list("subnet").map((n) => subnetView(s, n)),
  updateSubnet,
  deleteSubnet,
};
