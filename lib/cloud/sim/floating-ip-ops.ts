/** Neutron floating IPs of one region: addresses from an external network, associated with ports. */
import { CloudError, type FloatingIp, type NetworkClient } from "../../engine/ports";
import { badRequest, conflict, notFound } from "./errors";
import { parseIp } from "./ipam";
import { findByRef } from "./lookup";
import { allocateOnNetwork, requirePort } from "./port-ops";
import { checkQuota } from "./quota";
import { reachable } from "./router-ops";
import type { FloatingIpRecord } from "./records";
import type { RegionState } from "./region-state";
import { floatingIpView } from "./views";

function requireFloatingIp(s: RegionState, id: string): FloatingIpRecord {
  const fip = s.get("floatingIp", id);
  if (!fip) throw notFound("Floating IP", id);
  return fip;
}

/** Checks that the floating IP may point at the port; returns the fixed IP it will use. */
function targetOf(s: RegionState, fip: { id: string; floatingNetworkId: string; address: string }, portId: string, fixedIp?: string): string {
  const port = requirePort(s, portId);
  if (port.networkId === fip.floatingNetworkId) {
    throw badRequest(`Bad floatingip request: Port ${portId} is on the external network ${fip.floatingNetworkId}.`);
  }
  const candidates = port.fixedIps.filter((ip) => parseIp(ip.ipAddress)?.version === 4).map((ip) => ip.ipAddress);
  const chosen = fixedIp ?? candidates[0];
  if (chosen === undefined) throw badRequest(`Bad floatingip request: Port ${portId} does not have any IPv4 address.`);
  if (!candidates.includes(chosen)) throw badRequest(`Bad floatingip request: Port ${portId} does not have fixed ip ${chosen}.`);
  const subnetId = port.fixedIps.find((ip) => ip.ipAddress === chosen)!.subnetId;
  if (!reachable(s, fip.floatingNetworkId, subnetId)) {
    throw new CloudError("NotFound", `External network ${fip.floatingNetworkId} is not reachable from subnet ${subnetId}.  Therefore, cannot associate Port ${portId} with a Floating IP.`);
  }
  const taken = s.list("floatingIp").find((other) => other.id !== fip.id && other.portId === portId && other.fixedIp === chosen);
  if (taken) {
    throw conflict(
      `Cannot associate floating IP ${fip.address} (${fip.id}) with port ${portId} using fixed IP ${chosen}, as that fixed IP already has a floating IP on external network ${taken.floatingNetworkId}.`,
    );
  }
  return chosen;
}

function associate(s: RegionState, id: string, portId: string, fixedIp?: string): FloatingIp {
  const fip = requireFloatingIp(s, id);
  const next = { ...fip, portId, fixedIp: targetOf(s, fip, portId, fixedIp) };
  s.put("floatingIp", next);
  return floatingIpView(s, next);
}

/** The floating IP operations of NetworkClient. */
export const floatingIpOps = {
  createFloatingIp(s: RegionState, spec: Parameters<NetworkClient["createFloatingIp"]>[0]): FloatingIp {
    const network = findByRef(s.list("network"), spec.floatingNetwork, "network");
    if (!network) throw notFound("Network", spec.floatingNetwork);
    if (!network.external) throw badRequest(`Bad floatingip request: Network ${network.id} is not a valid external network.`);
    checkQuota(s, { floatingIps: 1 });
    const draft = { id: "", floatingNetworkId: network.id, address: "" };
    const fixedIp = spec.portId === undefined ? null : targetOf(s, draft, spec.portId);
    const allocated = allocateOnNetwork(s, network);
    if (!allocated) throw conflict(`No more IP addresses available on network ${network.id}.`);
    const { id, seq } = s.nextId();
    const record: FloatingIpRecord = {
      id,
      seq,
      floatingNetworkId: network.id,
      address: allocated.ipAddress,
      subnetId: allocated.subnetId,
      portId: spec.portId ?? null,
      fixedIp,
    };
    s.put("floatingIp", record);
    return floatingIpView(s, record);
  },
  getFloatingIp: (s: RegionState, id: string): FloatingIp => floatingIpView(s, requireFloatingIp(s, id)),
  listFloatingIps: (s: RegionState): FloatingIp[] => s.list("floatingIp").map((f) => floatingIpView(s, f)),
  associateFloatingIp: associate,
  disassociateFloatingIp(s: RegionState, id: string): FloatingIp {
    const next = { ...requireFloatingIp(s, id), portId: null, fixedIp: null };
    s.put("floatingIp", next);
    return floatingIpView(s, next);
  },
  deleteFloatingIp(s: RegionState, id: string): void {
    const fip = requireFloatingIp(s, id);
    s.markAddress(fip.subnetId, fip.address, false);
    s.remove("floatingIp", id);
  },
};
