/**
 * The `networks` property of OS::Nova::Server: turning entries into Nova NICs (creating an internal
 * port when a subnet is asked for, as Heat does), associating floating IPs once the server is ACTIVE,
 * and the addresses / networks attributes in Heat's shapes.
 */
import type { Port, RegionClient, Server } from "../../ports";
import { ignoreNotFound } from "../support/cloud-errors";

/** One entry of the networks property. */
export interface NetworkEntry {
  network?: string;
  port?: string;
  fixed_ip?: string;
  subnet?: string;
  floating_ip?: string;
}

/** A NIC for ServerSpec.networks plus the port Hearth created for it (to delete with the server). */
interface Nic {
  nic: { networkId?: string; portId?: string; fixedIp?: string };
  internalPort?: string;
}

/** Builds the NICs of a server; entries with a subnet get an internal port. */
export async function buildNics(cloud: RegionClient, entries: NetworkEntry[], serverName: string): Promise<Nic[]> {
  const nics: Nic[] = [];
  for (const e of entries) {
    const { port, network } = e;
    if (port) nics.push({ nic: { portId: port } });
    else if (e.subnet) {
      const subnet = await cloud.network.getSubnet(e.subnet);
      const created = await cloud.network.createPort({
        networkId: network ?? subnet.networkId,
        name: `${serverName}-port`,
        fixedIps: [{ subnetId: subnet.id, ...(e.fixed_ip ? { ipAddress: e.fixed_ip } : {}) }],
      });
      nics.push({ nic: { portId: created.id }, internalPort: created.id });
    } else if (network) nics.push({ nic: { networkId: network, ...(e.fixed_ip ? { fixedIp: e.fixed_ip } : {}) } });
    else throw new Error("Property networks: each entry needs one of network, port or subnet");
  }
  return nics;
}

/** Deletes the internal ports Hearth created for a server (already gone is fine). */
export async function deleteInternalPorts(cloud: RegionClient, ids: string[]): Promise<void> {
  for (const id of ids) await ignoreNotFound(() => cloud.network.deletePort(id));
}

async function serverPorts(cloud: RegionClient, serverId: string): Promise<Port[]> {
  return (await cloud.network.listPorts()).filter((p) => p.deviceId === serverId);
}

/** Associates each entry's floating_ip with the server's port on that entry's network or port. */
export async function associateFloatingIps(cloud: RegionClient, server: Server, entries: NetworkEntry[]): Promise<void> {
  const wanted = entries.filter((e) => e.floating_ip);
  if (wanted.length === 0) return;
  const ports = await serverPorts(cloud, server.id);
  for (const e of wanted) {
    let port = e.port ? ports.find((p) => p.id === e.port) : undefined;
    if (!port && e.network) {
      for (const p of ports) {
        const net = await cloud.network.getNetwork(p.networkId);
        if (net.id === e.network || net.name === e.network) port = p;
        if (port) break;
      }
    }
    if (!port) port = ports[0];
    if (!port) throw new Error(`Server ${server.name} has no port to associate floating IP ${e.floating_ip} with`);
    const fip = await cloud.network.getFloatingIp(e.floating_ip!);
    if (fip.portId !== port.id) await cloud.network.associateFloatingIp(fip.id, port.id);
  }
}

/** Heat's addresses attribute: {network name: [{addr, version, OS-EXT-IPS:type, port}]}. */
export function addressesAttr(server: Server): Record<string, Record<string, unknown>[]> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const a of server.addresses) {
    (out[a.network] ??= []).push({
      addr: a.address,
      version: a.address.includes(":") ? 6 : 4,
      "OS-EXT-IPS:type": a.type,
      port: a.portId ?? null,
    });
  }
  return out;
}

/** Heat's networks attribute: {network name: [ip, ...]} (fixed and floating). */
export function networksAttr(server: Server): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const a of server.addresses) (out[a.network] ??= []).push(a.address);
  return out;
}

/** Heat's first_address: the first fixed IPv4 address, or "" when there is none. */
export function firstAddress(server: Server): string {
  return server.addresses.find((a) => a.type === "fixed" && !a.address.includes(":"))?.address ?? "";
}
