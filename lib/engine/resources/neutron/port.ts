/**
 * OS::Neutron::Port: a port on a network with fixed IPs and security groups. name, security_groups and
 * device_id update in the cloud; a fixed_ips change replaces the port (the cloud port cannot re-address).
 */
import type { Port } from "../../ports";
import { cloudCall, ignoreNotFound } from "../support/cloud-errors";
import { optList, optString, reqString } from "../support/props";
import { physicalName } from "../support/naming";
import { defineResource } from "../define";
import { type ResourceContext } from "../types";
import { deleteAndWait, showAttribute } from "./common";
import { portDependencies } from "./implicit-dependencies";
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
  implicitDependencies: portDependencies,
  properties: {
    network: { region: "same", references: ["OS::Neutron::Net"] },
    fixed_ips: { region: "same", items: { schema: { subnet: { region: "same", references: ["OS::Neutron::Subnet"] }, ip_address: { takes: "ip" } } } },
    security_groups: { region: "same", references: ["OS::Neutron::SecurityGroup"] },
  },
  attributes: {
    fixed_ips: { produces: { kind: "ip", path: [0, "ip_address"] } },
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
