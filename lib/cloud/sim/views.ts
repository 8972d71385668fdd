/** Public views (the cloud port's shapes, lib/engine/ports/cloud.ts) of stored records: copies, with derived fields filled in. */
import type { FloatingIp, Network, Port, SecurityGroup, Server, ServerAddress, Subnet, Volume } from "../../engine/ports";
import type { FloatingIpRecord, NetworkRecord, PortRecord, SecurityGroupRecord, ServerRecord, SubnetRecord, VolumeRecord } from "./records";
import type { RegionState } from "./region-state";

/** The fixed and floating addresses of a server, per plugged port. */
function serverAddresses(s: RegionState, server: ServerRecord): ServerAddress[] {
  const addresses: ServerAddress[] = [];
  for (const portId of server.portIds) {
    const port = s.get("port", portId);
    if (!port || port.deviceId !== server.id) continue;
    const network = s.get("network", port.networkId)?.name ?? port.networkId;
    for (const fixed of port.fixedIps) addresses.push({ network, address: fixed.ipAddress, type: "fixed", portId });
    for (const fip of s.tables.floatingIp.values()) {
      if (fip.portId === portId) addresses.push({ network, address: fip.address, type: "floating", portId });
    }
  }
  return addresses;
}

/** Volume ids attached to the server, in device order. */
export function attachedVolumes(s: RegionState, serverId: string): { volumeId: string; device: string }[] {
  const found: { volumeId: string; device: string }[] = [];
  for (const volume of s.tables.volume.values()) {
    for (const a of volume.attachments) if (a.serverId === serverId) found.push({ volumeId: volume.id, device: a.device });
  }
  return found.sort((a, b) => a.device.localeCompare(b.device));
}

/** The public Server. */
export function serverView(s: RegionState, r: ServerRecord): Server {
  const view: Server = {
    id: r.id,
    name: r.name,
    region: s.name,
    status: r.status,
    flavorId: r.flavorId,
    imageId: r.imageId,
    addresses: serverAddresses(s, r),
    metadata: { ...r.metadata },
    volumes: attachedVolumes(s, r.id).map((v) => v.volumeId),
    createdAt: r.createdAt,
  };
  if (r.fault !== undefined) view.fault = r.fault;
  if (r.userData !== undefined) view.userData = r.userData;
  if (r.hung) view.hung = true;
  return view;
}

/** The public Volume. */
export function volumeView(s: RegionState, r: VolumeRecord): Volume {
  return {
    id: r.id,
    name: r.name,
    region: s.name,
    sizeGb: r.sizeGb,
    status: r.status,
    multiattach: r.multiattach,
    attachments: r.attachments.map((a) => ({ ...a })),
    metadata: { ...r.metadata },
    createdAt: r.createdAt,
  };
}

/** The public Network. */
export function networkView(s: RegionState, r: NetworkRecord): Network {
  return { id: r.id, name: r.name, region: s.name, adminStateUp: r.adminStateUp, shared: r.shared, subnets: [...r.subnets] };
}

/** The public Subnet. */
export function subnetView(s: RegionState, r: SubnetRecord): Subnet {
  const { seq: _seq, project: _project, ...rest } = r;
  return { ...structuredClone(rest), region: s.name };
}

/** The public Port; ACTIVE while bound to a running server (or any other device). */
export function portView(s: RegionState, r: PortRecord): Port {
  const { seq: _seq, project: _project, ...rest } = r;
  const server = r.deviceId === null ? undefined : s.get("server", r.deviceId);
  const active = r.deviceId !== null && (!server || server.status === "ACTIVE");
  return { ...structuredClone(rest), region: s.name, status: active ? "ACTIVE" : "DOWN" };
}

/** The public FloatingIp. */
export function floatingIpView(s: RegionState, r: FloatingIpRecord): FloatingIp {
  return { id: r.id, region: s.name, floatingNetworkId: r.floatingNetworkId, address: r.address, portId: r.portId, fixedIp: r.fixedIp };
}

/** The public SecurityGroup. */
export function securityGroupView(s: RegionState, r: SecurityGroupRecord): SecurityGroup {
  return { id: r.id, name: r.name, region: s.name, description: r.description, rules: r.rules.map((rule) => ({ ...rule })) };
}
