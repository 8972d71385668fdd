import { describe, expect, it } from "vitest";
import { haRig, type HaRig } from "./ha-rig";

/** The server the volume is attached to, from the cloud. */
function attachedServer(r: HaRig, volumeId: string): string | undefined {
  const v = r.sim.inventory().volumes.find((x) => x.id === volumeId)!;
  expect(v.attachments.length).toBeLessThanOrEqual(1);
  return v.attachments[0]?.serverId;
}

async function outputs(r: HaRig, stackId: string): Promise<Record<string, unknown>> {
  const attrs = await r.attributes(stackId, "server_failover_policy");
  const volume = (await r.store.listResources(stackId)).find((x) => x.name === "volume")!.physicalId!;
  return { ...attrs, volume };
}

describe("examples/ha/active-passive.yaml (the seed's active/passive pair)", () => {
  it("creates the pair with the volume attached to the active member, no manual first failover", async () => {
    const r = haRig();
    const stack = await r.launch("pair", "active-passive.yaml");
    expect(stack.status).toBe("COMPLETE");
    const out = await outputs(r, stack.id);
    expect(r.sim.inventory().servers).toHaveLength(2);
    expect(attachedServer(r, out.volume as string)).toBe(out.active_member);
    expect(out.standby_members).toHaveLength(1);
    expect(out.standby_members).not.toContain(out.active_member);
    const urls = (await r.engine.outputs(stack.id)).find((o) => o.key === "failover_url")!.value as string;
    expect(urls).toMatch(/^http:\/\/127\.0\.0\.1:3000\/api\/signals\/[\w-]+\.[\w-]+$/);
  });

  it("fails over when its signal_url is POSTed: six step events, data kept, failed member replaced", async () => {
    const r = haRig();
    const stack = await r.launch("pair", "active-passive.yaml");
    const before = await outputs(r, stack.id);
    await r.sim.region("RegionOne").volume.writeData(before.volume as string, before.active_member as string, "db", "row-1");
    const url = (await r.engine.outputs(stack.id)).find((o) => o.key === "failover_url")!.value as string;
    await r.clock.run(r.dispatch.byUrl(url, { reason: "operator drill" }));
    const after = await outputs(r, stack.id);
    expect(after.active_member).toBe((before.standby_members as string[])[0]);
    expect(attachedServer(r, after.volume as string)).toBe(after.active_member);
    expect(await r.sim.region("RegionOne").volume.readData(after.volume as string, after.active_member as string, "db")).toBe("row-1");
    const servers = r.sim.inventory().servers.map((s) => s.id);
    expect(servers).toHaveLength(2);
    expect(servers).not.toContain(before.active_member);
    const last = after.last_failover as { steps: { step: string }[]; reason: string; duration_ms: number };
    expect(last.steps.map((s) => s.step)).toEqual(["quiesce", "detach", "promote", "attach", "activate", "replace"]);
    expect(last.reason).toBe("operator drill");
    const reasons = (await r.store.listEvents(stack.id)).filter((e) => e.resourceName === "server_failover_policy").map((e) => e.reason);
    expect(reasons.filter((x) => /^Failover \d\/6 /.test(x))).toHaveLength(6);
    expect(reasons.find((x) => x.startsWith("Failover 1/6 quiesce"))).toMatch(/ran quiesce on/);
    expect(reasons.find((x) => x.startsWith("Failover 5/6 activate"))).toMatch(/activation config ran/);
    // promote and activate say what the cloud says of the new active member's server
    expect(reasons.find((x) => x.startsWith("Failover 3/6 promote"))).toMatch(new RegExp(`promoted: server ${after.active_member} ACTIVE and answering`));
    expect(reasons.find((x) => x.startsWith("Failover 5/6 activate"))).toContain(`server ${after.active_member} ACTIVE and answering`);
  });

  it("deleting the stack after a failover leaves nothing in the cloud", async () => {
    const r = haRig();
    const stack = await r.launch("pair", "active-passive.yaml");
    await r.clock.run(r.engine.signal(stack.id, "server_failover_policy", { reason: "before delete" }));
    const deleted = await r.finish(await r.engine.delete(stack.id));
    expect(deleted.status).toBe("COMPLETE");
    const inv = r.sim.inventory();
    expect({ servers: inv.servers.length, volumes: inv.volumes.length, ports: inv.ports.filter((p) => p.deviceId).length }).toEqual({ servers: 0, volumes: 0, ports: 0 });
  });

  it("refuses a forged signal URL", async () => {
    const r = haRig();
    const stack = await r.launch("pair", "active-passive.yaml");
    const url = (await r.engine.outputs(stack.id)).find((o) => o.key === "failover_url")!.value as string;
    const [payload] = url.split("/").pop()!.split(".");
    await expect(r.dispatch.byUrl(url.replace(/[^/]+$/, `${payload}.AAAA`), {})).rejects.toThrow(/signature does not match/);
  });

  it("a second signal during a failover is reported and handled after it, without a second failover", async () => {
    const r = haRig({ slow: true });
    const stack = await r.launch("pair", "active-passive.yaml");
    const before = await outputs(r, stack.id);
    const first = r.engine.signal(stack.id, "server_failover_policy", { reason: "first" });
    const second = r.engine.signal(stack.id, "server_failover_policy", { reason: "second" });
    await r.clock.run(Promise.all([first, second]));
    const events = (await r.store.listEvents(stack.id)).filter((e) => e.resourceName === "server_failover_policy");
    expect(events.some((e) => e.action === "SIGNAL" && e.status === "IN_PROGRESS" && /queued/.test(e.reason))).toBe(true);
    expect(events.filter((e) => e.reason.startsWith("Failover from") && e.reason.includes("started"))).toHaveLength(1);
    expect(events.some((e) => /^No action: a failover ended/.test(e.reason))).toBe(true);
    const after = await outputs(r, stack.id);
    expect(after.active_member).toBe((before.standby_members as string[])[0]);
  });
});
