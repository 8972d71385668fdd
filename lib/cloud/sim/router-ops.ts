/**
 * Neutron routers of one region: a gateway on an external network (an address there) and interfaces
 * on subnets (the subnet's gateway address, or an existing port plugged into the router). A floating
 * IP reaches a port only through a router with a gateway on the floating IP's network and an
 * interface on the port's subnet, as Neutron requires; a gateway or interface floating IPs rely on
 * cannot be removed. The sim keeps a router's own ports inside its record (they are not listed ports).
 */
import type { NetworkClient, Router, RouterInterfaceTarget } from "../../engine/ports";
import { badRequest, conflict, notFound } from "./errors";
import { findByRef } from "./lookup";
import { requireSubnet } from "./network-ops";
import { allocateAddress, allocateOnNetwork, requirePort } from "./port-ops";
import type { RouterRecord } from "./records";
import type { RegionState } from "./region-state";

type GatewaySpec = { networkId: string; enableSnat?: boolean };

function requireRouter(s: RegionState, id: string): RouterRecord {
  const router = findByRef(s.list("router"), id, "router");
  if (!router) throw notFound("Router", id);
  return router;
}

/** The public Router. */
export function routerView(s: RegionState, r: RouterRecord): Router {
  const { seq: _seq, project: _project, ...rest } = r;
  return { ...structuredClone(rest), region: s.name };
}

/** A gateway on an external network, holding `address` there (or the next free one). */
function gatewayOn(s: RegionState, spec: GatewaySpec, address?: string): NonNullable<RouterRecord["externalGateway"]> {
  const network = findByRef(s.list("network"), spec.networkId, "network");
  if (!network) throw notFound("Network", spec.networkId);
  if (!network.external) throw badRequest(`Bad router request: Network ${network.id} is not a valid external network.`);
  const subnet = address === undefined ? undefined : requireSubnet(s, network.subnets[0]);
  const fixed = subnet ? { subnetId: subnet.id, ipAddress: allocateAddress(s, subnet, address)! } : allocateOnNetwork(s, network);
  if (!fixed) throw conflict(`No more IP addresses available on network ${network.id}.`);
  return { networkId: network.id, enableSnat: spec.enableSnat ?? true, externalFixedIps: [fixed] };
}

function releaseGateway(s: RegionState, router: RouterRecord): void {
  for (const ip of router.externalGateway?.externalFixedIps ?? []) s.markAddress(ip.subnetId, ip.ipAddress, false);
}

/** Floating IPs whose port is reached through `router` (all of them, or those on `subnetId`). */
function floatingIpsThrough(s: RegionState, router: RouterRecord, subnetId?: string): string[] {
  const gateway = router.externalGateway?.networkId;
  return s.list("floatingIp").filter((fip) => {
    if (fip.portId === null || fip.floatingNetworkId !== gateway) return false;
    const port = s.get("port", fip.portId);
    const subnet = port?.fixedIps.find((ip) => ip.ipAddress === fip.fixedIp)?.subnetId;
    return router.interfaces.some((i) => i.subnetId === subnet && (subnetId === undefined || i.subnetId === subnetId));
  }).map((fip) => fip.id);
}

/** Creates a router record (also DevStack's "router1" at bootstrap, whose gateway holds `gatewayAddress`). */
export function addRouter(s: RegionState, spec: Parameters<NetworkClient["createRouter"]>[0], gatewayAddress?: string): RouterRecord {
  const { id, seq } = s.nextId();
  const externalGateway = spec.externalGateway ? gatewayOn(s, spec.externalGateway, gatewayAddress) : null;
  const record: RouterRecord = { id, seq, name: spec.name ?? "", adminStateUp: spec.adminStateUp ?? true, externalGateway, interfaces: [] };
  s.put("router", record);
  return record;
}

/** Adds an interface to a router: on a subnet (its gateway address) or an existing, unbound port. */
export function addInterface(s: RegionState, routerId: string, target: RouterInterfaceTarget): { portId: string; subnetId: string } {
  const router = requireRouter(s, routerId);
  let entry: RouterRecord["interfaces"][number];
  if (target.portId !== undefined) {
    const port = requirePort(s, target.portId);
    if (port.deviceId !== null) throw conflict(`Port ${port.id} is still in use.`);
    const fixed = port.fixedIps[0];
    if (!fixed) throw badRequest(`Bad router request: Router port must have at least one fixed IP.`);
    s.put("port", { ...port, deviceId: router.id });
    entry = { portId: port.id, subnetId: fixed.subnetId, ipAddress: fixed.ipAddress };
  } else {
    const subnet = requireSubnet(s, target.subnetId);
    if (subnet.gatewayIp === null) throw badRequest(`Bad router request: Subnet ${subnet.id} does not have a gateway IP.`);
    s.markAddress(subnet.id, subnet.gatewayIp, true);
    entry = { portId: `${router.id}:${subnet.id}`, subnetId: subnet.id, ipAddress: subnet.gatewayIp };
  }
  const cidr = requireSubnet(s, entry.subnetId).cidr;
  if (router.interfaces.some((i) => s.get("subnet", i.subnetId)?.cidr === cidr)) {
    throw badRequest(`Bad router request: Cidr ${cidr} of subnet ${entry.subnetId} overlaps with cidr of a subnet already on router ${router.id}.`);
  }
  s.put("router", { ...router, interfaces: [...router.interfaces, entry] });
  return { portId: entry.portId, subnetId: entry.subnetId };
}

/** True when a floating IP on `floatingNetworkId` can reach an address on `subnetId`. */
export function reachable(s: RegionState, floatingNetworkId: string, subnetId: string): boolean {
  return s.list("router").some((r) => r.externalGateway?.networkId === floatingNetworkId && r.interfaces.some((i) => i.subnetId === subnetId));
}

/** The router operations of NetworkClient. */
export const routerOps = {
  createRouter: (s: RegionState, spec: Parameters<NetworkClient["createRouter"]>[0]): Router => routerView(s, addRouter(s, spec)),
  getRouter: (s: RegionState, id: string): Router => routerView(s, requireRouter(s, id)),
  listRouters: (s: RegionState): Router[] => s.list("router").map((r) => routerView(s, r)),
  updateRouter(s: RegionState, id: string, patch: Parameters<NetworkClient["updateRouter"]>[1]): Router {
    const router = requireRouter(s, id);
    const next = { ...router, name: patch.name ?? router.name, adminStateUp: patch.adminStateUp ?? router.adminStateUp };
    if (patch.externalGateway !== undefined && patch.externalGateway?.networkId !== router.externalGateway?.networkId) {
      if (router.externalGateway && floatingIpsThrough(s, router).length) {
        throw conflict(`Gateway cannot be updated for router ${router.id}, since a gateway to external network ${router.externalGateway.networkId} is required by one or more floating IPs.`);
      }
      releaseGateway(s, router);
      next.externalGateway = patch.externalGateway ? gatewayOn(s, patch.externalGateway) : null;
    } else if (patch.externalGateway && router.externalGateway) {
      next.externalGateway = { ...router.externalGateway, enableSnat: patch.externalGateway.enableSnat ?? router.externalGateway.enableSnat };
    }
    s.put("router", next);
    return routerView(s, next);
  },
  deleteRouter(s: RegionState, id: string): void {
    const router = requireRouter(s, id);
    if (router.interfaces.length) throw conflict(`Router ${router.id} still has ports`);
    releaseGateway(s, router);
    s.remove("router", router.id);
  },
  addRouterInterface: (s: RegionState, id: string, target: RouterInterfaceTarget) => addInterface(s, id, target),
  removeRouterInterface(s: RegionState, id: string, target: RouterInterfaceTarget): void {
    const router = requireRouter(s, id);
    const entry = router.interfaces.find((i) => (target.portId !== undefined ? i.portId === target.portId : i.subnetId === target.subnetId));
    if (!entry) {
      throw notFound(target.portId !== undefined ? "Router interface port" : "Router interface for subnet", target.portId ?? target.subnetId);
    }
    if (floatingIpsThrough(s, router, entry.subnetId).length) {
      throw conflict(`Router interface for subnet ${entry.subnetId} on router ${router.id} cannot be deleted, as it is required by one or more floating IPs.`);
    }
    const port = s.get("port", entry.portId);
    if (port) s.put("port", { ...port, deviceId: null });
    else s.markAddress(entry.subnetId, entry.ipAddress, false);
    s.put("router", { ...router, interfaces: router.interfaces.filter((i) => i !== entry) });
  },
};
