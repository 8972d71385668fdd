import { describe, expect, it } from "vitest";
import { autoScalingGroupResource } from "./autoscaling-group";
import { failoverPolicyResource } from "./failover-policy";

describe("the public readers of group plugins", () => {
  it("an AutoScalingGroup's members are its stored members, oldest first", () => {
    const data = { members: JSON.stringify([{ name: "b1", definition: { type: "T" } }, { name: "a2", definition: { type: "T" } }]) };
    expect(autoScalingGroupResource.group?.members({ properties: {}, data })).toEqual(["b1", "a2"]);
    expect(autoScalingGroupResource.group?.members({ properties: {}, data: {} })).toEqual([]);
  });

  it("a FailoverPolicy names the group it watches and its active member", () => {
    const reader = failoverPolicyResource.activeMember!;
    const policy = { properties: { auto_scaling_group_id: "group-1" }, data: { active: "b1" } };
    expect([reader.group(policy), reader.active(policy)]).toEqual(["group-1", "b1"]);
    expect([reader.group({ properties: {}, data: {} }), reader.active({ properties: {}, data: {} })]).toEqual([undefined, undefined]);
  });
});
