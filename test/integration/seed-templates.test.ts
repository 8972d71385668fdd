import { describe, expect, it } from "vitest";
import { PROJECT } from "./helpers";
import { haExample, haRig, type HaRig } from "./ha-rig";

/** A stack's outputs as computed now, by key. */
async function outputs(r: HaRig, stackId: string): Promise<Record<string, unknown>> {
  return Object.fromEntries((await r.engine.outputs(stackId)).map((o) => [o.key, o.error ?? o.value]));
}

/** The servers a volume is attached to, from the cloud. */
function attachedTo(r: HaRig, volumeId: string): string[] {
  return r.sim.inventory().volumes.find((v) => v.id === volumeId)!.attachments.map((a) => a.serverId);
}

describe("the seed's templates as written (examples/seed)", () => {
  it("ha-restarter.yaml: after a replace_oldest signal the refs output shows the new member", async () => {
    const r = haRig();
    const stack = await r.launch("restarter", "ha-restarter.yaml", "seed");
    expect(stack.status).toBe("COMPLETE");
    const [first] = (await outputs(r, stack.id)).refs as string[];
    expect(r.sim.inventory().servers.map((s) => s.id)).toEqual([first]);
    await r.clock.run(r.engine.signal(stack.id, "server_restart_policy", { reason: "drill" }));
    const refs = (await outputs(r, stack.id)).refs as string[];
    expect(refs).toHaveLength(1);
    expect(refs[0]).not.toBe(first);
    expect(r.sim.inventory().servers.map((s) => s.id)).toEqual(refs);
  });

  it("failover.yaml: {get_attr: [server_group, refs, 1]} follows the active member through two failovers", async () => {
    const r = haRig();
    const stack = await r.launch("pair", "failover.yaml", "seed");
    expect(stack.status).toBe("COMPLETE");
    let out = await outputs(r, stack.id);
    const volume = out.volume as string;
    expect(attachedTo(r, volume)).toEqual([out.active]);
    await r.sim.region("RegionOne").volume.writeData(volume, out.active as string, "db", "row-1");
    const seen = [out.active];
    for (const reason of ["first", "second"]) {
      await r.clock.advance(31_000); // past the policy's grace_period, so the second signal is a new failover
      await r.clock.run(r.engine.signal(stack.id, "server_scaling_policy", { reason }));
      out = await outputs(r, stack.id);
      expect(seen).not.toContain(out.active);
      seen.push(out.active);
      expect(attachedTo(r, volume)).toEqual([out.active]);
      expect((out.refs as string[]).includes(out.active as string)).toBe(true);
      expect(await r.sim.region("RegionOne").volume.readData(volume, out.active as string, "db")).toBe("row-1");
    }
    const reasons = (await r.store.listEvents(stack.id)).filter((e) => e.resourceName === "server_failover_policy").map((e) => e.reason);
    const attaches = reasons.filter((x) => /^Failover 4\/6 attach/.test(x));
    expect(attaches).toHaveLength(2);
    attaches.forEach((x, i) => expect(x).toContain(`volume ${volume} in-use on ${seen[i + 1]}`));
    const detaches = reasons.filter((x) => /^Failover 2\/6 detach/.test(x));
    detaches.forEach((x, i) => expect(x).toContain(`volume ${volume} detached from ${seen[i]}`));
    expect(reasons.some((x) => /FAILED/.test(x))).toBe(false);
  });

  it("examples/ha/active-passive.yaml: the active output shows the new active member after a failover", async () => {
    const r = haRig();
    const stack = await r.launch("pair", "active-passive.yaml");
    const before = await outputs(r, stack.id);
    await r.clock.run(r.engine.signal(stack.id, "server_failover_policy", { reason: "drill" }));
    const after = await outputs(r, stack.id);
    expect(after.active).not.toBe(before.active);
    expect(attachedTo(r, after.volume as string)).toEqual([after.active]);
  });

  it("examples/ha/harestarter.yaml: the server output shows the replacement after a restart", async () => {
    const r = haRig();
    const stack = await r.launch("restarter", "harestarter.yaml");
    const before = (await outputs(r, stack.id)).server;
    await r.clock.run(r.engine.signal(stack.id, "server_restart_policy", { reason: "drill" }));
    const after = (await outputs(r, stack.id)).server;
    expect(after).not.toBe(before);
    expect(r.sim.inventory().servers.map((s) => s.id)).toEqual([after]);
  });
});

describe("a FailoverPolicy reads the cloud back", () => {
  it("refuses to report followers attached when they do not follow the active member", async () => {
    const r = haRig();
    const { template, files } = haExample("failover.yaml", "seed");
    const elsewhere = template
      .replace("  volume:\n", "  elsewhere:\n    type: OS::Nova::Server\n    properties: { image: cirros, flavor: m1.tiny }\n\n  volume:\n")
      .replace("instance_uuid: {get_attr: [server_group, refs, 1]}", "instance_uuid: {get_resource: elsewhere}");
    const stack = await r.finish(await r.engine.create("astray", { template: elsewhere, files }, PROJECT));
    expect(stack.status).toBe("FAILED");
    expect(stack.statusReason).toMatch(/server_failover_policy: .*follower attaches volume \S+ to \S+, not to the active member/);
  });
});
