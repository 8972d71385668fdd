/**
 * The instant cloud's Neutron routers: a gateway on an external network and interfaces on subnets (the
 * subnet's gateway address, or an existing port plugged in). A floating IP reaches a port only through
 * a router between the two networks, as in Neutron; what floating IPs rely on cannot be removed.
 */
import type { NetworkClient, Router, RouterInterfaceTarget } from "../../ports";
import { fail, type InstantRegion } from "./region";
import type { Sync } from "./sync";

type RouterClient = Pick<NetworkClient, "createRouter" | "getRouter" | "listRouters" | "updateRouter" | "deleteRouter" | "addRouterInterface" | "removeRouterInterface">;

function gatewayOn(r: InstantRegion, spec: { networkId: string; enableSnat?: boolean }, address?: string): Router["externalGateway"] {
  const network = r.findByRef(r.networks, "Network", spec.networkId);
  if (!network.external) fail("BadRequest", `Bad router request: Network ${network.id} is not a valid external network.`);
  const subnet = r.find(r.subnets, "Subnet", network.subnets[0] ?? "");
  return { networkId: network.id, enableSnat: spec.enableSnat ?? true, externalFixedIps: [{ subnetId: subnet.id, ipAddress: r.allocate(subnet, address) }] };
}

/** True when a floating IP on `floatingNetworkId` can reach an address on `subnetId`. */
export function reachable(r: InstantRegion, floatingNetworkId: string, subnetId: string): boolean {
  return [...r.routers.values()].some((x) => x.externalGateway?.networkId === floatingNetworkId && x.interfaces.some((i) => i.subnetId === subnetId));
}

/** Subnets of `router` that associated floating IPs rely on. */
function inUse(r: InstantRegion, router: Router): Set<string> {
  const used = new Set<string>();
  for (const fip of r.floatingIps.values()) {
    const subnet = fip.portId === null ? undefined : r.ports.get(fip.portId)?.fixedIps.find((ip) => ip.ipAddress === fip.fixedIp)?.subnetId;
    if (subnet && fip.floatingNetworkId === router.externalGateway?.networkId && router.interfaces.some((i) => i.subnetId === subnet)) used.add(subnet);
  }
  return used;
}

/** Creates a router (DevStack's router1 at start, its gateway on `address`). */
export function addRouter(r: InstantRegion, spec: Parameters<NetworkClient["createRouter"]>[0], address?: string): Router {
  const router: Router = { id: r.newId("router"), name: spec.name ?? "", region: r.name, adminStateUp: spec.adminStateUp ?? true, externalGateway: spec.externalGateway ? gatewayOn(r, spec.externalGateway, address) : null, interfaces: [] };
  return r.add(r.routers, router);
}

/** Adds an interface on a subnet (its gateway address) or an unbound port. */
export function addInterface(r: InstantRegion, id: string, target: RouterInterfaceTarget): { portId: string; subnetId: string } {
  const router = r.find(r.routers, "Router", id);
  const port = target.portId === undefined ? undefined : r.find(r.ports, "Port", target.portId);
  if (port && port.deviceId !== null) fail("Conflict", `Port ${port.id} is still in use.`);
  const subnet = r.find(r.subnets, "Subnet", port?.fixedIps[0]?.subnetId ?? target.subnetId ?? "");
  const ipAddress = port?.fixedIps[0]?.ipAddress ?? subnet.gatewayIp ?? fail("BadRequest", `Bad router request: Subnet ${subnet.id} does not have a gateway IP.`);
  if (router.interfaces.some((i) => i.subnetId === subnet.id)) fail("BadRequest", `Bad router request: Router already has a port on subnet ${subnet.id}.`);
  if (port) port.deviceId = router.id;
  const entry = { portId: port?.id ?? `${router.id}:${subnet.id}`, subnetId: subnet.id, ipAddress };
  router.interfaces.push(entry);
  return { portId: entry.portId, subnetId: entry.subnetId };
}

/** The router operations of a region's NetworkClient. */
export function routerOps(r: InstantRegion): Sync<RouterClient> {
  return {
    createRouter: (spec) => addRouter(r, spec),
    getRouter: (id) => r.find(r.routers, "Router", id),
    listRouters: () => r.all(r.routers),
    updateRouter(id, patch) {
      const router = r.find(r.routers, "Router", id);
      if (patch.externalGateway !== undefined && patch.externalGateway?.networkId !== router.externalGateway?.networkId) {
        if (router.externalGateway && inUse(r, router).size) {
          fail("Conflict", `Gateway cannot be updated for router ${router.id}, since a gateway to external network ${router.externalGateway.networkId} is required by one or more floating IPs.`);
        }
        router.externalGateway = patch.externalGateway ? gatewayOn(r, patch.externalGateway) : null;
      }
      return Object.assign(router, { name: patch.name ?? router.name, adminStateUp: patch.adminStateUp ?? router.adminStateUp });
    },
    deleteRouter(id) {
      const router = r.find(r.routers, "Router", id);
      if (router.interfaces.length) fail("Conflict", `Router ${router.id} still has ports`);
      r.routers.delete(id);
    },
    addRouterInterface: (id, target) => addInterface(r, id, target),
    removeRouterInterface(id, target) {
      const router = r.find(r.routers, "Router", id);
      const entry = router.interfaces.find((i) => (target.portId !== undefined ? i.portId === target.portId : i.subnetId === target.subnetId));
      if (!entry) return fail("NotFound", `Router interface ${target.portId ?? target.subnetId} could not be found.`);
      if (inUse(r, router).has(entry.subnetId)) {
        fail("Conflict", `Router interface for subnet ${entry.subnetId} on router ${router.id} cannot be deleted, as it is required by one or more floating IPs.`);
      }
      const port = r.ports.get(entry.portId);
      if (port) port.deviceId = null;
      router.interfaces = router.interfaces.filter((i) => i !== entry);
    },
  };
}

/** DevStack's router1 from private to public; its gateway takes the last public address, leaving the first to floating IPs. */
export function addDevstackRouter(r: InstantRegion): void {
  const subnetOf = (name: string) => r.find(r.subnets, "Subnet", [...r.networks.values()].find((n) => n.name === name)!.subnets[0]);
  const publicSubnet = subnetOf("public");
  const router = addRouter(r, { name: "router1", externalGateway: { networkId: publicSubnet.networkId } }, publicSubnet.allocationPools.at(-1)!.end);
  addInterface(r, router.id, { subnetId: subnetOf("private").id });
}
