import { describe, expect, it } from "vitest";
import type { Rig } from "./helpers";
import { PROJECT, rig } from "./helpers";

const serverTemplate = (props: string) => `
heat_template_version: 2018-08-31
resources:
  group:
    type: OS::Heat::AutoScalingGroup
    properties:
${props}
outputs:
  refs: { value: { get_attr: [group, refs] } }
  size: { value: { get_attr: [group, current_size] } }
  names: { value: { get_attr: [group, outputs_list, name] } }
  first: { value: { get_attr: [group, resource.0, name] } }
`;

const basic = serverTemplate(`      min_size: 1
      max_size: 4
      desired_capacity: 2
      cooldown: 60
      resource: { type: OS::Nova::Server, properties: { image: cirros, flavor: m1.tiny } }`);

async function groupMembers(r: Rig, stackId: string): Promise<string[]> {
  const rec = (await r.store.listResources(stackId)).find((x) => x.name === "group")!;
  return (JSON.parse(rec.data.members) as { name: string }[]).map((m) => m.name);
}

async function activeServers(r: Rig): Promise<string[]> {
  return r.sim.inventory().servers.filter((s) => s.status !== "DELETED").map((s) => s.id).sort();
}

describe("OS::Heat::AutoScalingGroup (real engine, simulated cloud)", () => {
  it("creates desired_capacity members and exposes refs, current_size, outputs_list and resource.N", async () => {
    const r = rig();
    const stack = await r.finish(await r.engine.create("asg", { template: basic }, PROJECT));
    expect(stack.status).toBe("COMPLETE");
    const out = Object.fromEntries((await r.engine.outputs(stack.id)).map((o) => [o.key, o.value]));
    expect(out.size).toBe(2);
    expect([...(out.refs as string[])].sort()).toEqual(await activeServers(r));
    expect((out.names as string[]).every((n) => typeof n === "string" && n.length > 0)).toBe(true);
    expect(out.first).toBe((out.names as string[])[0]);
  });

  it("resizes on an adjustment signal, respecting max_size and the cooldown", async () => {
    const r = rig();
    const h = await r.engine.create("asg", { template: basic }, PROJECT);
    await r.finish(h);
    await r.clock.run(r.engine.signal(h.stackId, "group", { adjustment: 5, adjustment_type: "change_in_capacity" }));
    expect(await groupMembers(r, h.stackId)).toHaveLength(4);
    await r.clock.run(r.engine.signal(h.stackId, "group", { adjustment: 1, adjustment_type: "exact_capacity" }));
    expect(await groupMembers(r, h.stackId)).toHaveLength(4); // cooldown of 60 s still running
    await r.clock.advance(61_000);
    await r.clock.run(r.engine.signal(h.stackId, "group", { adjustment: 1, adjustment_type: "exact_capacity" }));
    expect(await groupMembers(r, h.stackId)).toHaveLength(1);
    expect(await activeServers(r)).toHaveLength(1);
    const notes = (await r.store.listEvents(h.stackId)).filter((e) => e.resourceName === "group").map((e) => e.reason);
    expect(notes.some((n) => n.startsWith("Adjustment ignored: cooldown"))).toBe(true);
  });

  it("scale-in removes failed members first, then the oldest", async () => {
    const r = rig();
    const h = await r.engine.create("asg", { template: basic.replace("desired_capacity: 2", "desired_capacity: 3") }, PROJECT);
    const stack = await r.finish(h);
    const refs = (await r.engine.outputs(stack.id)).find((o) => o.key === "refs")!.value as string[];
    r.sim.faults.crashServer(refs[1]);
    await r.clock.run(r.engine.signal(h.stackId, "group", { adjustment: -1 }));
    const left = r.sim.inventory().servers.map((s) => s.id);
    expect(left).not.toContain(refs[1]);
    expect(left).toEqual(expect.arrayContaining([refs[0], refs[2]]));
    await r.clock.advance(61_000);
    await r.clock.run(r.engine.signal(h.stackId, "group", { adjustment: -1 }));
    expect(r.sim.inventory().servers.map((s) => s.id)).toEqual([refs[2]]);
  });

  it("replaces the named member make-before-break when max_size allows, break-before-make at max_size", async () => {
    const r = rig();
    const h = await r.engine.create("asg", { template: basic }, PROJECT);
    await r.finish(h);
    const [oldest, second] = await groupMembers(r, h.stackId);
    await r.clock.run(r.engine.signal(h.stackId, "group", { replace: true, reason: "test" }));
    const after = await groupMembers(r, h.stackId);
    expect(after).toHaveLength(2);
    expect(after[0]).toBe(second);
    expect(after).not.toContain(oldest);
    const nestedId = (await r.store.listResources(h.stackId)).find((x) => x.name === "group")!.physicalId!;
    const lines = (await r.store.listEvents(nestedId)).filter((e) => !e.isStackEvent).map((e) => `${e.resourceName} ${e.action}_${e.status}`);
    const created = lines.indexOf(`${after[1]} CREATE_COMPLETE`);
    const deleted = lines.indexOf(`${oldest} DELETE_COMPLETE`);
    expect(created).toBeGreaterThan(-1);
    expect(created).toBeLessThan(deleted); // make-before-break: 3 <= max_size 4

    const full = await r.engine.create("asg-full", { template: basic.replace("max_size: 4", "max_size: 2") }, PROJECT);
    await r.finish(full);
    const [first] = await groupMembers(r, full.stackId);
    await r.clock.run(r.engine.signal(full.stackId, "group", { replace: first }));
    const members = await groupMembers(r, full.stackId);
    const fullNested = (await r.store.listResources(full.stackId)).find((x) => x.name === "group")!.physicalId!;
    const fl = (await r.store.listEvents(fullNested)).filter((e) => !e.isStackEvent).map((e) => `${e.resourceName} ${e.action}_${e.status}`);
    expect(fl.indexOf(`${first} DELETE_COMPLETE`)).toBeLessThan(fl.indexOf(`${members[1]} CREATE_COMPLETE`));
  });

  it("rolls a new definition out in batches (max_batch_size 2, min_in_service 3)", async () => {
    const r = rig();
    const props = (flavor: string) => `      min_size: 4
      max_size: 6
      rolling_updates: { max_batch_size: 2, min_in_service: 3, pause_time: 5 }
      resource: { type: OS::Nova::Server, properties: { image: cirros, flavor: ${flavor} } }`;
    const h = await r.engine.create("roll", { template: serverTemplate(props("m1.tiny")) }, PROJECT);
    await r.finish(h);
    const before = await groupMembers(r, h.stackId);
    const up = await r.finish(await r.engine.update(h.stackId, { template: serverTemplate(props("m1.small")) }));
    expect(up.status).toBe("COMPLETE");
    const after = await groupMembers(r, h.stackId);
    expect(after).toHaveLength(4);
    expect(after.some((n) => before.includes(n))).toBe(false);
    const flavors = new Set(r.sim.inventory().servers.map((s) => s.flavorId));
    expect([...flavors]).toEqual(["2"]);
    const batches = (await r.store.listEvents(h.stackId)).filter((e) => e.reason.startsWith("Batch ")).map((e) => e.reason);
    // Heat's arithmetic: 4 -> 5 (1 new, 1 replaced), 5 -> 5 (2 replaced), 5 -> 4 (the last old one removed)
    expect(batches).toEqual([
      "Batch 1: 5 members, 2 with the current definition",
      "Batch 2: 5 members, 2 with the current definition",
      "Batch 3: 4 members, 0 with the current definition",
    ]);
  });

  it("takes a provider template member type (files inherited); OS::stack_id output is the member's reference", async () => {
    const r = rig();
    const haServer = `
heat_template_version: 2018-08-31
resources:
  server: { type: OS::Nova::Server, properties: { image: cirros, flavor: m1.tiny } }
outputs:
  OS::stack_id: { value: { get_resource: server } }
  name: { value: { get_attr: [server, name] } }
`;
    const template = serverTemplate(`      min_size: 2
      max_size: 2
      resource: { type: ha_server.yaml }`);
    const stack = await r.finish(await r.engine.create("prov", { template, files: { "ha_server.yaml": haServer } }, PROJECT));
    expect(stack.status).toBe("COMPLETE");
    const refs = (await r.engine.outputs(stack.id)).find((o) => o.key === "refs")!.value as string[];
    expect([...refs].sort()).toEqual(await activeServers(r));
  });
});
