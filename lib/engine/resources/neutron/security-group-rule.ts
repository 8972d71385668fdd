/**
 * OS::Neutron::SecurityGroupRule: one rule added to an existing security group (and taken out of it
 * on delete), beside the rules the group itself declares. The cloud port updates a group's rules as a
 * whole, so the rule is found again by what it says.
 */
import type { SecurityGroupRule } from "../../ports";
import { cloudCall, ignoreNotFound } from "../support/cloud-errors";
import { reqString } from "../support/props";
import { defineResource } from "../define";
import { showAttribute } from "./common";
import { toCloudRule } from "./security-group";

type Rule = Omit<SecurityGroupRule, "id">;
const same = (a: Rule, b: Rule) =>
  a.direction === b.direction && a.ethertype === b.ethertype && a.protocol === b.protocol && a.portRangeMin === b.portRangeMin && a.portRangeMax === b.portRangeMax && a.remoteIpPrefix === b.remoteIpPrefix;
const withoutId = ({ id: _id, ...rule }: SecurityGroupRule): Rule => rule;

/** The OS::Neutron::SecurityGroupRule plugin. */
export const securityGroupRuleResource = defineResource({
  type: "OS::Neutron::SecurityGroupRule",
  properties: {
    security_group: { region: "same", references: ["OS::Neutron::SecurityGroup"] },
  },
  handlers: {
    async create(ctx) {
      const p = ctx.properties;
      if (p.remote_group) throw new Error("Property remote_group: rules naming a remote group are not supported by this cloud");
      const rule = toCloudRule(p);
      const groupId = reqString(p, "security_group");
      const updated = await cloudCall(`adding a rule to security group ${groupId}`, ctx.region, async () => {
        const group = await ctx.cloud.network.getSecurityGroup(groupId);
        if (group.rules.some((r) => same(withoutId(r), rule))) throw new Error(`Security group rule already exists in group ${groupId}.`);
        return ctx.cloud.network.updateSecurityGroup(groupId, { rules: [...group.rules.map(withoutId), rule] });
      });
      ctx.setData("rule", JSON.stringify(rule));
      ctx.setPhysicalId(updated.rules.find((r) => same(withoutId(r), rule))!.id);
    },
    async delete(ctx) {
      if (!ctx.data.rule) return;
      const rule = JSON.parse(ctx.data.rule) as Rule;
      const groupId = reqString(ctx.properties, "security_group");
      const group = await ignoreNotFound(() => ctx.cloud.network.getSecurityGroup(groupId));
      if (!group) return;
      const rest = group.rules.map(withoutId).filter((r) => !same(r, rule));
      await cloudCall(`removing a rule of security group ${groupId}`, ctx.region, () => ctx.cloud.network.updateSecurityGroup(groupId, { rules: rest }));
    },
    async check(ctx) {
      const rule = JSON.parse(ctx.data.rule ?? "{}") as Rule;
      const group = await ctx.cloud.network.getSecurityGroup(reqString(ctx.properties, "security_group"));
      if (!group.rules.some((r) => same(withoutId(r), rule))) throw new Error(`Security group rule ${ctx.physicalId} is gone`);
    },
    async attribute(ctx, name) {
      const group = await ignoreNotFound(() => ctx.cloud.network.getSecurityGroup(reqString(ctx.properties, "security_group")));
      const rule = group?.rules.find((r) => same(withoutId(r), JSON.parse(ctx.data.rule ?? "{}") as Rule));
      return showAttribute(name, rule ?? null, {});
    },
  },
});
