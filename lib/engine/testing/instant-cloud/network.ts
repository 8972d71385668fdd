/** The instant cloud's Neutron networks, subnets and ports (floating IPs and security groups: edge.ts). */
import type { NetworkClient, Port } from "../../ports";
import { edgeOps } from "./edge";
import { portDeleteRefusal } from "../../ports/trunk-rules";
import { routerOps } from "./routers";
import { trunkOps } from "./trunks";
import { applyPatch, defaultAddressing, fail, isHostOf, type InstantRegion, type NetworkRecord } from "./region";
import type { Sync } from "./sync";

/** What createPort (and Nova, for a server's networks) asks for. */
export type PortSpec = Parameters<NetworkClient["createPort"]>[0];

/** The ids of the security groups named or identified by `refs`. */
export function groupIds(r: InstantRegion, refs: string[]): string[] {
  return refs.map((ref) => r.findByRef(r.securityGroups, "Security group", ref).id);
}

/** Creates a port on a network, with fixed IPs from its subnets, plugged into `deviceId` if given. */
export function createPortOn(r: InstantRegion, spec: PortSpec, deviceId: string | null = null): Port {
  const network = r.findByRef(r.networks, "Network", spec.networkId);
  const subnets = network.subnets.map((id) => r.find(r.subnets, "Subnet", id));
  const requests = spec.fixedIps ?? (subnets.length > 0 ? [{ subnetId: subnets[0].id }] : []);
  const fixedIps: Port["fixedIps"] = [];
  for (const request of requests) {
    const subnet = subnets.find((s) => s.id === request.subnetId || (request.subnetId === undefined && request.ipAddress !== undefined && isHostOf(s.cidr, request.ipAddress)));
    if (!subnet) fail("BadRequest", `No subnet of network ${network.id} matches ${JSON.stringify(request)}.`);
    fixedIps.push({ subnetId: subnet.id, ipAddress: r.allocate(subnet, request.ipAddress) });
  }
  const id = r.newId("port");
  const port: Port = {
    id, name: spec.name ?? "", region: r.name, networkId: network.id, fixedIps, macAddress: r.nextMac(), deviceId,
    securityGroups: groupIds(r, spec.securityGroups ?? []), status: "ACTIVE",
  };
  return r.add(r.ports, port);
}

/** The port's Network for a stored one. */
const networkView = ({ external: _external, ...network }: NetworkRecord) => network;

/** Ports are ACTIVE while plugged into a device, else DOWN. */
const portView = (port: Port): Port => ({ ...port, status: port.deviceId === null ? "DOWN" : "ACTIVE" });

/** The NetworkClient operations of a region. */
export function networkOps(r: InstantRegion): Sync<NetworkClient> {
  return {
    createNetwork(spec) {
      const id = r.newId("net");
      const network: NetworkRecord = { id, name: spec.name ?? "", region: r.name, adminStateUp: spec.adminStateUp ?? true, shared: spec.shared ?? false, subnets: [], external: false };
      return networkView(r.add(r.networks, network));
    },
    getNetwork: (id) => networkView(r.find(r.networks, "Network", id)),
    listNetworks: () => r.all(r.networks).map(networkView),
    updateNetwork: (id, patch) => networkView(applyPatch(r.find(r.networks, "Network", id), patch)),
    deleteNetwork(id) {
      const network = r.find(r.networks, "Network", id);
      if ([...r.ports.values()].some((p) => p.networkId === id)) fail("Conflict", `There are one or more ports still in use on network ${id}.`);
      for (const subnet of network.subnets) r.subnets.delete(subnet);
      r.networks.delete(id);
    },
    createSubnet(spec) {
      const network = r.find(r.networks, "Network", spec.networkId);
      if ((spec.ipVersion ?? 4) !== 4) fail("BadRequest", "The instant cloud has IPv4 subnets only.");
      const defaults = defaultAddressing(spec.cidr);
      const id = r.newId("subnet");
      const subnet = {
        id, name: spec.name ?? "", region: r.name, networkId: network.id, cidr: spec.cidr, ipVersion: 4 as const,
        gatewayIp: spec.gatewayIp === undefined ? defaults.gatewayIp : spec.gatewayIp, enableDhcp: spec.enableDhcp ?? true,
        allocationPools: spec.allocationPools ?? [defaults.pool],
      };
      r.add(r.subnets, subnet);
      network.subnets.push(id);
      return subnet;
    },
    getSubnet: (id) => r.find(r.subnets, "Subnet", id),
    listSubnets: () => r.all(r.subnets),
    updateSubnet: (id, patch) => applyPatch(r.find(r.subnets, "Subnet", id), patch),
    deleteSubnet(id) {
      const subnet = r.find(r.subnets, "Subnet", id);
      if ([...r.ports.values()].some((p) => p.fixedIps.some((ip) => ip.subnetId === id))) fail("Conflict", `One or more ports have an IP allocation from subnet ${id}.`);
      const network = r.networks.get(subnet.networkId);
      if (network) network.subnets = network.subnets.filter((s) => s !== id);
      r.subnets.delete(id);
    },
    createPort: (spec) => portView(createPortOn(r, spec)),
    getPort: (id) => portView(r.find(r.ports, "Port", id)),
    listPorts: () => r.all(r.ports).map(portView),
    updatePort(id, patch) {
      const port = r.find(r.ports, "Port", id);
      if (patch.name !== undefined) port.name = patch.name;
      if (patch.securityGroups !== undefined) port.securityGroups = groupIds(r, patch.securityGroups);
      if (patch.deviceId !== undefined) port.deviceId = patch.deviceId;
      return portView(port);
    },
    deletePort(id) {
      r.find(r.ports, "Port", id);
      const refusal = portDeleteRefusal(r.all(r.trunks), id);
      if (refusal) throw refusal;
      r.ports.delete(id);
      r.releaseFloatingIps();
    },
    ...edgeOps(r),
    ...routerOps(r),
    ...trunkOps(r),
  };
}
