/** OS::Neutron::SecurityGroup: a security group with its rules; name, description and rules update in place. */
import type { SecurityGroupRule } from "../../ports";
import { cloudCall, ignoreNotFound } from "../support/cloud-errors";
import { optList, optNumber, optString } from "../support/props";
import { physicalName } from "../support/naming";
import { defineResource } from "../define";
import { type ResourceContext } from "../types";
import { deleteAndWait, showAttribute } from "./common";

/** A rule of the rules property in the cloud port's shape; remote_group_id rules are not supported. */
export function toCloudRule(rule: Record<string, unknown>): Omit<SecurityGroupRule, "id"> {
  if (optString(rule, "remote_mode") === "remote_group_id") {
    throw new Error("Property rules: remote_mode remote_group_id is not supported by this cloud");
  }
  const ethertype = optString(rule, "ethertype") === "IPv6" ? "IPv6" : "IPv4";
  return {
    direction: optString(rule, "direction") === "egress" ? "egress" : "ingress",
    ethertype,
    protocol: optString(rule, "protocol") ?? null,
    portRangeMin: optNumber(rule, "port_range_min") ?? null,
    portRangeMax: optNumber(rule, "port_range_max") ?? null,
    remoteIpPrefix: optString(rule, "remote_ip_prefix") ?? null,
  };
}

function spec(ctx: ResourceContext, props: Record<string, unknown>) {
  const name = optString(props, "name") || physicalName(ctx);
  if (name === "default") throw new Error('Security groups cannot be assigned the name "default".');
  return {
    name,
    description: optString(props, "description") ?? "",
    rules: optList<Record<string, unknown>>(props, "rules").map(toCloudRule),
  };
}

/** The OS::Neutron::SecurityGroup plugin. */
export const securityGroupResource = defineResource({
  type: "OS::Neutron::SecurityGroup",
  handlers: {
    async create(ctx) {
      const s = spec(ctx, ctx.properties);
      const group = await cloudCall(`creating security group ${s.name}`, ctx.region, () => ctx.cloud.network.createSecurityGroup(s));
      ctx.setPhysicalId(group.id);
    },
    async update(ctx, change) {
      const id = ctx.physicalId!;
      const s = spec(ctx, change.after);
      await cloudCall(`updating security group ${id}`, ctx.region, () => ctx.cloud.network.updateSecurityGroup(id, s));
    },
    ...deleteAndWait((c, id) => c.network.deleteSecurityGroup(id), (c, id) => c.network.getSecurityGroup(id), "security group"),
    async check(ctx) {
      await ctx.cloud.network.getSecurityGroup(ctx.physicalId ?? "");
    },
    async attribute(ctx, name) {
      const id = ctx.physicalId;
      const group = id ? await ignoreNotFound(() => ctx.cloud.network.getSecurityGroup(id)) : undefined;
      return group ? showAttribute(name, group, {}) : null;
    },
  },
});
