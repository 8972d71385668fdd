import { describe, expect, it } from "vitest";
import { PROJECT } from "./helpers";
import { haRig, type HaRig } from "./ha-rig";

const template = (policy: string) => `
heat_template_version: 2018-08-31
resources:
  group:
    type: OS::Heat::AutoScalingGroup
    properties:
      min_size: 1
      max_size: 10
      desired_capacity: 4
      resource: { type: OS::Nova::Server, properties: { image: cirros, flavor: m1.tiny, metadata: { "metering.app": web } } }
  policy:
    type: OS::Heat::ScalingPolicy
    properties:
      auto_scaling_group_id: { get_resource: group }
${policy}
  cpu_high:
    type: OS::Aodh::Alarm
    properties:
      meter_name: cpu_util
      statistic: avg
      comparison_operator: gt
      threshold: 80
      period: 30
      matching_metadata: { "metadata.user_metadata.app": web }
      alarm_actions: [{ get_attr: [policy, alarm_url] }]
outputs:
  size: { value: { get_attr: [group, current_size] } }
`;

async function launch(r: HaRig, name: string, text: string) {
  return r.finish(await r.engine.create(name, { template: text }, PROJECT));
}

async function size(r: HaRig, stackId: string): Promise<number> {
  return (await r.attributes(stackId, "group")).current_size as number;
}

describe("OS::Heat::ScalingPolicy", () => {
  it("percent_change_in_capacity with min_adjustment_step, then the policy's cooldown", async () => {
    const r = haRig();
    const stack = await launch(r, "pct", template(`      adjustment_type: percent_change_in_capacity
      scaling_adjustment: 10
      min_adjustment_step: 2
      cooldown: 60`));
    expect(stack.status).toBe("COMPLETE");
    await r.clock.run(r.engine.signal(stack.id, "policy", null));
    expect(await size(r, stack.id)).toBe(6); // 10% of 4 is 0.4 -> 1, lifted to the step of 2
    await r.clock.run(r.engine.signal(stack.id, "policy", null));
    expect(await size(r, stack.id)).toBe(6);
    const notes = (await r.store.listEvents(stack.id)).filter((e) => e.resourceName === "policy").map((e) => e.reason);
    expect(notes.some((n) => n.startsWith("No action: cooldown runs until"))).toBe(true);
  });

  it("an Aodh cpu_util alarm scales the group out through alarm_url; an ok notification does nothing", async () => {
    const r = haRig();
    const stack = await launch(r, "cpu", template(`      adjustment_type: change_in_capacity
      scaling_adjustment: 1`));
    for (const s of r.sim.inventory().servers) r.sim.faults.setCpuLoad(s.id, 95);
    r.monitor.start();
    await r.clock.advance(1000);
    await r.clock.run(r.monitor.stop());
    expect(await size(r, stack.id)).toBe(5);
    await r.clock.run(r.engine.signal(stack.id, "policy", { current: "ok", previous: "alarm" }));
    expect(await size(r, stack.id)).toBe(5);
    expect((await r.attributes(stack.id, "cpu_high")).state).toBe("alarm");
    expect(r.errors).toEqual([]);
  });

  it("needs exactly one target", async () => {
    const r = haRig();
    const both = await launch(r, "both", template(`      auto_scaling_policy_id: x
      adjustment_type: change_in_capacity
      scaling_adjustment: 1`));
    expect(both.status).toBe("FAILED");
    expect(both.statusReason).toMatch(/Exactly one of auto_scaling_group_id and auto_scaling_policy_id/);
  });
});
