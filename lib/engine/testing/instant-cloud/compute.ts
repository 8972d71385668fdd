/** The instant cloud's Nova: servers are ACTIVE when created, power actions and deletes are done when they return. */
import type { ComputeClient, Server, ServerAddress, ServerSpec, ServerStatus } from "../../ports";
import { createPortOn } from "./network";
import { fail, FLAVORS, type InstantRegion, type ServerRecord } from "./region";
import type { Sync } from "./sync";

/** The fixed and floating addresses of a server, per port plugged into it. */
function addresses(r: InstantRegion, serverId: string): ServerAddress[] {
  const out: ServerAddress[] = [];
  for (const port of r.ports.values()) {
    if (port.deviceId !== serverId) continue;
    const network = r.networks.get(port.networkId)?.name ?? port.networkId;
    for (const ip of port.fixedIps) out.push({ network, address: ip.ipAddress, type: "fixed", portId: port.id });
    for (const fip of r.floatingIps.values()) if (fip.portId === port.id) out.push({ network, address: fip.address, type: "floating", portId: port.id });
  }
  return out;
}

/** The port's Server for a stored one. */
export function serverView(r: InstantRegion, record: ServerRecord): Server {
  const { ownedPorts: _owned, ...server } = record;
  const volumes = [...r.volumes.values()].filter((v) => v.attachments.some((a) => a.serverId === record.id)).map((v) => v.id);
  return { ...server, addresses: addresses(r, record.id), volumes };
}

/** Unplugs everything from server `id`: the ports in `owned` (its own) go, others are freed. */
function unplug(r: InstantRegion, id: string, owned: string[]): void {
  for (const port of r.ports.values()) {
    if (port.deviceId !== id) continue;
    if (owned.includes(port.id)) r.ports.delete(port.id);
    else port.deviceId = null;
  }
  r.releaseFloatingIps();
}

/** Plugs the requested NICs (default: the "private" network) into server `id`, all or none; returns the ports it created. */
function plug(r: InstantRegion, id: string, spec: ServerSpec): string[] {
  const groups = spec.securityGroups ?? ["default"];
  const fallback = r.all(r.networks).find((n) => n.name === "private");
  const nics = spec.networks ?? (fallback ? [{ networkId: fallback.id }] : []);
  const owned: string[] = [];
  try {
    for (const nic of nics) {
      if (nic.portId !== undefined) {
        const port = r.find(r.ports, "Port", nic.portId, "BadRequest");
        if (port.deviceId !== null) fail("Conflict", `Port ${port.id} is still in use.`);
        port.deviceId = id;
      } else if (nic.networkId !== undefined) {
        const network = r.findByRef(r.networks, "Network", nic.networkId, "BadRequest");
        const fixedIps = nic.fixedIp === undefined ? undefined : [{ ipAddress: nic.fixedIp }];
        owned.push(createPortOn(r, { networkId: network.id, fixedIps, securityGroups: groups }, id).id);
      } else {
        fail("BadRequest", "Bad networks format: each network needs a networkId or a portId.");
      }
    }
  } catch (error) {
    unplug(r, id, owned);
    throw error;
  }
  return owned;
}

/** Removes a server: its own ports go, other ports are unplugged, its volumes are detached. */
function removeServer(r: InstantRegion, server: ServerRecord): void {
  r.servers.delete(server.id);
  unplug(r, server.id, server.ownedPorts);
  for (const volume of r.volumes.values()) {
    volume.attachments = volume.attachments.filter((a) => a.serverId !== server.id);
    if (volume.attachments.length === 0 && volume.status === "in-use") volume.status = "available";
  }
}

/** Moves a server from `from` to `to` at once; Conflict in any other status. */
function power(r: InstantRegion, action: string, from: ServerStatus, to: ServerStatus) {
  return (id: string): void => {
    const server = r.find(r.servers, "Server", id);
    if (server.status !== from) fail("Conflict", `Cannot '${action}' instance ${id} while it is ${server.status}.`);
    server.status = to;
  };
}

/** The ComputeClient operations of a region. */
export function computeOps(r: InstantRegion): Sync<ComputeClient> {
  return {
    flavors: () => [...FLAVORS],
    images: () => r.images,
    createServer(spec) {
      const flavor = FLAVORS.find((f) => f.id === spec.flavor || f.name === spec.flavor) ?? fail("BadRequest", `Flavor ${spec.flavor} could not be found.`);
      const image = r.images.find((i) => i.id === spec.image || i.name === spec.image) ?? fail("BadRequest", `Image ${spec.image} could not be found.`);
      const id = r.newId("server");
      const ownedPorts = plug(r, id, spec);
      const record: ServerRecord = {
        id, name: spec.name, region: r.name, status: "ACTIVE", flavorId: flavor.id, imageId: image.id,
        metadata: spec.metadata ?? {}, ...(spec.userData !== undefined ? { userData: spec.userData } : {}), createdAt: r.isoNow(), ownedPorts,
      };
      r.add(r.servers, record);
      return serverView(r, record);
    },
    getServer: (id) => serverView(r, r.find(r.servers, "Server", id)),
    listServers: () => r.all(r.servers).map((s) => serverView(r, s)),
    deleteServer: (id) => removeServer(r, r.find(r.servers, "Server", id)),
    stopServer: power(r, "stop", "ACTIVE", "SHUTOFF"),
    startServer: power(r, "start", "SHUTOFF", "ACTIVE"),
    suspendServer: power(r, "suspend", "ACTIVE", "SUSPENDED"),
    resumeServer: power(r, "resume", "SUSPENDED", "ACTIVE"),
    updateServer(id, patch) {
      const server = r.find(r.servers, "Server", id);
      if (patch.name !== undefined) server.name = patch.name;
      if (patch.metadata !== undefined) server.metadata = patch.metadata;
      return serverView(r, server);
    },
    metrics(id) {
      const healthy = r.find(r.servers, "Server", id).status === "ACTIVE";
      return { serverId: id, cpuPercent: healthy ? 10 : 0, healthy, time: r.isoNow() };
    },
  };
}
