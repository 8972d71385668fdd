/**
 * OS::Neutron::Subnet: a subnet of a network. name, gateway_ip and enable_dhcp update in the cloud;
 * dns_nameservers, allocation_pools and host_routes changes are recorded only (no cloud call for them).
 */
import type { Subnet } from "../../ports";
import { cloudCall, ignoreNotFound } from "../support/cloud-errors";
import { optBool, optList, optNumber, optString, reqString } from "../support/props";
import { physicalName } from "../support/naming";
import { defineResource } from "../define";
import { deleteAndWait, showAttribute } from "./common";
import { networkId } from "./lookup";

/** gateway_ip: absent means "let Neutron choose"; null or "" means no gateway, as in Heat. */
function gateway(props: Record<string, unknown>): { gatewayIp?: string | null } {
  if (!("gateway_ip" in props) || props.gateway_ip === undefined) return {};
  const v = props.gateway_ip;
  return { gatewayIp: v === null || v === "" ? null : String(v) };
}

const pool = { type: "map" as const, schema: {
  start: { type: "string" as const, description: "Start address for the allocation pool.", required: true, constraints: [{ customConstraint: "ip_addr" }] },
  end: { type: "string" as const, description: "End address for the allocation pool.", required: true, constraints: [{ customConstraint: "ip_addr" }] },
} };

/** The OS::Neutron::Subnet plugin. */
export const subnetResource = defineResource({
  type: "OS::Neutron::Subnet",
  properties: {
    network: { region: "same", references: ["OS::Neutron::Net"] },
    gateway_ip: { takes: "ip" },
    allocation_pools: { items: pool },
  },
  handlers: {
    async create(ctx) {
      const p = ctx.properties;
      const name = optString(p, "name") || physicalName(ctx);
      const subnet = await cloudCall(`creating subnet ${name}`, ctx.region, async () =>
        ctx.cloud.network.createSubnet({
          networkId: await networkId(ctx.cloud, reqString(p, "network")),
          cidr: reqString(p, "cidr"),
          name,
          ipVersion: (optNumber(p, "ip_version") ?? 4) as 4 | 6,
          enableDhcp: optBool(p, "enable_dhcp") ?? true,
          ...gateway(p),
          ...(optList(p, "allocation_pools").length ? { allocationPools: optList<{ start: string; end: string }>(p, "allocation_pools") } : {}),
        }),
      );
      ctx.setPhysicalId(subnet.id);
    },
    async update(ctx, change) {
      const id = ctx.physicalId!;
      const a = change.after;
      const patch: Parameters<typeof ctx.cloud.network.updateSubnet>[1] = {
        ...(change.changed.includes("name") ? { name: optString(a, "name") || physicalName(ctx) } : {}),
        ...(change.changed.includes("enable_dhcp") ? { enableDhcp: optBool(a, "enable_dhcp") ?? true } : {}),
        ...(change.changed.includes("gateway_ip") ? gateway(a) : {}),
      };
      if (Object.keys(patch).length) await cloudCall(`updating subnet ${id}`, ctx.region, () => ctx.cloud.network.updateSubnet(id, patch));
    },
    ...deleteAndWait((c, id) => c.network.deleteSubnet(id), (c, id) => c.network.getSubnet(id), "subnet"),
    async check(ctx) {
      await ctx.cloud.network.getSubnet(ctx.physicalId ?? "");
    },
    async attribute(ctx, name) {
      const id = ctx.physicalId;
      const s: Subnet | undefined = id ? await ignoreNotFound(() => ctx.cloud.network.getSubnet(id)) : undefined;
      if (!s) return null;
      return showAttribute(name, s, {
        name: s.name,
        network_id: s.networkId,
        tenant_id: ctx.stack.projectId,
        allocation_pools: s.allocationPools,
        gateway_ip: s.gatewayIp,
        host_routes: optList(ctx.properties, "host_routes"),
        ip_version: s.ipVersion,
        cidr: s.cidr,
        dns_nameservers: optList(ctx.properties, "dns_nameservers"),
        enable_dhcp: s.enableDhcp,
      });
    },
  },
});
