/** OS::Neutron::SecurityGroup: a security group with its rules; name, description and rules update in place. */
import type { SecurityGroupRule } from "../../ports";
import { cloudCall, ignoreNotFound } from "../support/cloud-errors";
import { optList, optNumber, optString } from "../support/props";
import { physicalName } from "../support/naming";
import { defineResource, type ResourceContext } from "../types";
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

const port = (which: string) => ({
  type: "integer" as const,
  description: `The ${which} port number in the range that is matched by the security group rule.`,
  constraints: [{ range: { min: 0, max: 65535 } }],
});

/** The OS::Neutron::SecurityGroup plugin. */
export const securityGroupResource = defineResource({
  type: "OS::Neutron::SecurityGroup",
  service: "Neutron",
  description: "A security group: ingress and egress rules applied to ports and servers.",
  properties: {
    name: { type: "string", description: "A string specifying a symbolic name for the security group, which is not required to be unique.", updateAllowed: true },
    description: { type: "string", description: "Description of the security group.", updateAllowed: true },
    rules: {
      type: "list",
      description: "List of security group rules.",
      default: [],
      updateAllowed: true,
      items: {
        type: "map",
        schema: {
          direction: {
            type: "string",
            description: "The direction in which the security group rule is applied.",
            default: "ingress",
            constraints: [{ allowedValues: ["ingress", "egress"] }],
          },
          ethertype: { type: "string", description: "Ethertype of the traffic.", default: "IPv4", constraints: [{ allowedValues: ["IPv4", "IPv6"] }] },
          port_range_min: port("minimum"),
          port_range_max: port("maximum"),
          protocol: { type: "string", description: "The protocol that is matched by the security group rule. Allowed values are ah, dccp, egp, esp, gre, icmp, icmpv6, igmp, ipv6-encap, ipv6-frag, ipv6-icmp, ipv6-nonxt, ipv6-opts, ipv6-route, ospf, pgm, rsvp, sctp, tcp, udp, udplite, vrrp and integer representations [0-255]." },
          remote_mode: {
            type: "string",
            description: "Whether to specify a remote group or a remote IP prefix.",
            default: "remote_ip_prefix",
            constraints: [{ allowedValues: ["remote_ip_prefix", "remote_group_id"] }],
          },
          remote_group_id: { type: "string", description: "The remote group ID to be associated with this security group rule." },
          remote_ip_prefix: { type: "string", description: "The remote IP prefix (CIDR) to be associated with this security group rule.", constraints: [{ customConstraint: "net_cidr" }] },
        },
      },
    },
  },
  attributes: {},
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
