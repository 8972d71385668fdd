/**
 * OS::Neutron::Port: a port on a network with fixed IPs and security groups. name, security_groups and
 * device_id update in the cloud; a fixed_ips change replaces the port (the cloud port cannot re-address).
 */
import type { Port } from "../../ports";
import { cloudCall, ignoreNotFound } from "../support/cloud-errors";
import { optList, optString, reqString } from "../support/props";
import { physicalName } from "../support/naming";
import { defineResource, type ResourceContext } from "../types";
import { deleteAndWait, showAttribute } from "./common";
import { networkId, securityGroupIds, subnetId } from "./lookup";

interface FixedIp {
  subnet?: string;
  ip_address?: string;
}

async function fixedIps(ctx: ResourceContext, entries: FixedIp[]): Promise<{ subnetId?: string; ipAddress?: string }[]> {
  return Promise.all(
    entries.map(async (e) => ({
      ...(e.subnet ? { subnetId: await subnetId(ctx.cloud, e.subnet) } : {}),
      ...(e.ip_address ? { ipAddress: e.ip_address } : {}),
    })),
  );
}

function portAttributes(ctx: ResourceContext, p: Port): Record<string, unknown> {
  return {
    admin_state_up: true,
    device_id: p.deviceId ?? "",
    device_owner: optString(ctx.properties, "device_owner") ?? "",
    fixed_ips: p.fixedIps.map((f) => ({ subnet_id: f.subnetId, ip_address: f.ipAddress })),
    mac_address: p.macAddress,
    name: p.name,
    network_id: p.networkId,
    security_groups: p.securityGroups,
    status: p.status,
    tenant_id: ctx.stack.projectId,
    subnets: [...new Set(p.fixedIps.map((f) => f.subnetId))],
  };
}

/** The OS::Neutron::Port plugin. */
export const portResource = defineResource({
  type: "OS::Neutron::Port",
  service: "Neutron",
  description: "A port on a Neutron network, with fixed IPs and security groups, to plug a server into.",
  properties: {
    network: {
      type: "string",
      description: "Network this port belongs to.",
      required: true,
      constraints: [{ customConstraint: "neutron.network" }],
      region: "same",
      references: ["OS::Neutron::Net"],
    },
    name: { type: "string", description: "A symbolic name for this port.", updateAllowed: true },
    fixed_ips: {
      type: "list",
      description: "Desired IPs for this port.",
      updateAllowed: true,
      region: "same",
      items: {
        type: "map",
        schema: {
          subnet: {
            type: "string",
            description: "Subnet in which to allocate the IP address for this port.",
            constraints: [{ customConstraint: "neutron.subnet" }],
            region: "same",
            references: ["OS::Neutron::Subnet"],
          },
          ip_address: { type: "string", description: "IP address desired in the subnet for this port.", constraints: [{ customConstraint: "ip_addr" }], takes: "ip" },
        },
      },
    },
    security_groups: {
      type: "list",
      description: "Security group IDs to associate with this port.",
      updateAllowed: true,
      region: "same",
      references: ["OS::Neutron::SecurityGroup"],
    },
    admin_state_up: { type: "boolean", description: "The administrative state of this port.", default: true, updateAllowed: true },
    device_id: { type: "string", description: "Device ID of this port.", default: "", updateAllowed: true },
    device_owner: { type: "string", description: "Name of the network owning the port. The value is typically network:floatingip or network:router_interface or network:dhcp.", default: "", updateAllowed: true },
    mac_address: { type: "string", description: "MAC address to give to this port. The default update policy of this property in neutron is that allow admin role only.", constraints: [{ customConstraint: "mac_addr" }] },
    value_specs: { type: "map", description: "Extra parameters to include in the request.", default: {}, updateAllowed: true },
  },
  attributes: {
    admin_state_up: { description: "The administrative state of this port.", type: "string" },
    device_id: { description: "Unique identifier for the device.", type: "string" },
    device_owner: { description: "Name of the network owning the port.", type: "string" },
    fixed_ips: { description: "Fixed IP addresses.", type: "list", produces: { kind: "ip", path: [0, "ip_address"] } },
    mac_address: { description: "MAC address of the port.", type: "string" },
    name: { description: "Friendly name of the port.", type: "string" },
    network_id: { description: "Unique identifier for the network owning the port.", type: "string" },
    security_groups: { description: "A list of security groups for the port.", type: "list" },
    status: { description: "The status of the port.", type: "string" },
    tenant_id: { description: "Tenant owning the port.", type: "string" },
    subnets: { description: "Subnets of this network.", type: "list" },
  },
  handlers: {
    async create(ctx) {
      const p = ctx.properties;
      const name = optString(p, "name") || physicalName(ctx);
      const port = await cloudCall(`creating port ${name}`, ctx.region, async () => {
        const groups = optList<string>(p, "security_groups");
        return ctx.cloud.network.createPort({
          networkId: await networkId(ctx.cloud, reqString(p, "network")),
          name,
          ...(optList(p, "fixed_ips").length ? { fixedIps: await fixedIps(ctx, optList<FixedIp>(p, "fixed_ips")) } : {}),
          ...(groups.length ? { securityGroups: await securityGroupIds(ctx.cloud, groups) } : {}),
        });
      });
      ctx.setPhysicalId(port.id);
    },
    needsReplace: (change) => change.changed.includes("fixed_ips"),
    async update(ctx, change) {
      const id = ctx.physicalId!;
      const a = change.after;
      await cloudCall(`updating port ${id}`, ctx.region, async () => {
        const patch: Parameters<typeof ctx.cloud.network.updatePort>[1] = {
          ...(change.changed.includes("name") ? { name: optString(a, "name") || physicalName(ctx) } : {}),
          ...(change.changed.includes("security_groups") ? { securityGroups: await securityGroupIds(ctx.cloud, optList<string>(a, "security_groups")) } : {}),
          ...(change.changed.includes("device_id") ? { deviceId: optString(a, "device_id") || null } : {}),
        };
        if (Object.keys(patch).length) await ctx.cloud.network.updatePort(id, patch);
      });
    },
    ...deleteAndWait((c, id) => c.network.deletePort(id), (c, id) => c.network.getPort(id), "port"),
    async check(ctx) {
      await ctx.cloud.network.getPort(ctx.physicalId ?? "");
    },
    async attribute(ctx, name) {
      const id = ctx.physicalId;
      const port = id ? await ignoreNotFound(() => ctx.cloud.network.getPort(id)) : undefined;
      return port ? showAttribute(name, port, portAttributes(ctx, port)) : null;
    },
  },
});
