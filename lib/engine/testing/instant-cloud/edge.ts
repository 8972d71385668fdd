/** The instant cloud's floating IPs (from external networks, associated with ports) and security groups. */
import type { FloatingIp, NetworkClient, SecurityGroupRule } from "../../ports";
import { applyPatch, fail, type InstantRegion } from "./region";
import { reachable } from "./routers";
import type { Sync } from "./sync";

type EdgeClient = Pick<
  NetworkClient,
  | "createFloatingIp" | "getFloatingIp" | "listFloatingIps" | "associateFloatingIp" | "disassociateFloatingIp" | "deleteFloatingIp"
  | "createSecurityGroup" | "getSecurityGroup" | "listSecurityGroups" | "updateSecurityGroup" | "deleteSecurityGroup"
>;

/** Points `fip` at a port's fixed IP (its first one unless `fixedIp` names another). */
function associate(r: InstantRegion, fip: FloatingIp, portId: string, fixedIp?: string): FloatingIp {
  const port = r.find(r.ports, "Port", portId);
  const chosen = fixedIp ?? port.fixedIps[0]?.ipAddress;
  if (chosen === undefined || !port.fixedIps.some((ip) => ip.ipAddress === chosen)) fail("BadRequest", `Port ${portId} has no fixed IP ${chosen ?? ""}.`);
  const subnetId = port.fixedIps.find((ip) => ip.ipAddress === chosen)!.subnetId;
  if (!reachable(r, fip.floatingNetworkId, subnetId)) {
    fail("NotFound", `External network ${fip.floatingNetworkId} is not reachable from subnet ${subnetId}.  Therefore, cannot associate Port ${portId} with a Floating IP.`);
  }
  return Object.assign(fip, { portId, fixedIp: chosen });
}

/** The floating IP and security group operations of a region's NetworkClient. */
export function edgeOps(r: InstantRegion): Sync<EdgeClient> {
  const rules = (list: Omit<SecurityGroupRule, "id">[] = []): SecurityGroupRule[] => list.map((rule) => ({ ...rule, id: r.newId("rule") }));
  return {
    createFloatingIp(spec) {
      const network = r.findByRef(r.networks, "Network", spec.floatingNetwork);
      if (!network.external) fail("BadRequest", `Network ${network.id} is not a valid external network.`);
      const subnet = r.find(r.subnets, "Subnet", network.subnets[0] ?? "");
      const fip: FloatingIp = { id: r.newId("fip"), region: r.name, floatingNetworkId: network.id, address: r.allocate(subnet), portId: null, fixedIp: null };
      if (spec.portId !== undefined) associate(r, fip, spec.portId);
      return r.add(r.floatingIps, fip);
    },
    getFloatingIp: (id) => r.find(r.floatingIps, "Floating IP", id),
    listFloatingIps: () => r.all(r.floatingIps),
    associateFloatingIp: (id, portId, fixedIp) => associate(r, r.find(r.floatingIps, "Floating IP", id), portId, fixedIp),
    disassociateFloatingIp: (id) => Object.assign(r.find(r.floatingIps, "Floating IP", id), { portId: null, fixedIp: null }),
    deleteFloatingIp(id) {
      r.find(r.floatingIps, "Floating IP", id);
      r.floatingIps.delete(id);
    },
    createSecurityGroup(spec) {
      const group = { id: r.newId("sg"), name: spec.name ?? "", region: r.name, description: spec.description ?? "", rules: rules(spec.rules) };
      return r.add(r.securityGroups, group);
    },
    getSecurityGroup: (id) => r.find(r.securityGroups, "Security group", id),
    listSecurityGroups: () => r.all(r.securityGroups),
    updateSecurityGroup(id, patch) {
      const group = r.find(r.securityGroups, "Security group", id);
      return applyPatch(group, { name: patch.name, description: patch.description, rules: patch.rules && rules(patch.rules) });
    },
    deleteSecurityGroup(id) {
      const group = r.find(r.securityGroups, "Security group", id);
      if ([...r.ports.values()].some((p) => p.securityGroups.includes(id))) fail("Conflict", `Security group ${id} is in use.`);
      if (group.name === "default") fail("Conflict", "The default security group cannot be deleted.");
      r.securityGroups.delete(id);
    },
  };
}
