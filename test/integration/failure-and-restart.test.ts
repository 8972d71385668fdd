import { describe, expect, it } from "vitest";
import { MemoryStackStore } from "../../lib/engine/testing";
import { eventLines, PROJECT, rig } from "./helpers";

const servers = (n: number) => `
heat_template_version: 2021-04-16
resources:
${Array.from({ length: n }, (_, i) => `  s${i}: { type: OS::Nova::Server, properties: { image: cirros, flavor: m1.tiny } }`).join("\n")}
`;

describe("failures, rollback, parallel stacks and restarts on the simulated cloud", () => {
  it("a cloud fault fails the create with Heat's reasons; with rollback nothing is left behind", async () => {
    const r = rig();
    r.sim.faults.failNext("RegionOne", "compute.createServer", 1, "No valid host was found");
    const failed = await r.finish(await r.engine.create("f", { template: servers(1) }, PROJECT));
    expect(failed.statusReason).toMatch(/^Resource CREATE failed: \w+: resources\.s0: .*No valid host was found/);

    r.sim.faults.failNext("RegionOne", "compute.createServer", 1, "No valid host was found");
    const template = `
heat_template_version: 2021-04-16
resources:
  ok: { type: OS::Nova::Server, properties: { image: cirros, flavor: m1.tiny } }
  bad: { type: OS::Nova::Server, depends_on: [ok], properties: { image: cirros, flavor: m1.tiny } }
`;
    const rolled = await r.finish(await r.engine.create("rb", { template }, { ...PROJECT, enableRollback: true }));
    expect(`${rolled.action}_${rolled.status}`).toBe("ROLLBACK_COMPLETE");
    const lines = await eventLines(r.store, rolled.id);
    expect(lines).toContain("ok DELETE_COMPLETE");
    expect(r.sim.inventory().servers.filter((s) => s.name.includes("rb"))).toEqual([]);
  });

  it("runs several stacks and their resources in parallel", async () => {
    const r = rig({ slow: true });
    const started = r.clock.now();
    const handles = await Promise.all(["a", "b", "c"].map((n) => r.engine.create(n, { template: servers(3) }, PROJECT)));
    const stacks = await r.clock.run(Promise.all(handles.map((h) => h.done)));
    expect(stacks.map((s) => s.status)).toEqual(["COMPLETE", "COMPLETE", "COMPLETE"]);
    expect(r.sim.inventory().servers.filter((s) => s.status === "ACTIVE")).toHaveLength(9);
    // 9 servers (the default quota allows 10), each taking seconds to build: in parallel the whole thing takes about one build
    const took = r.clock.now() - started;
    const one = rig({ slow: true });
    const t0 = one.clock.now();
    await one.finish(await one.engine.create("one", { template: servers(1) }, PROJECT));
    expect(took).toBeLessThan((one.clock.now() - t0) * 2);
  });

  it("restart mid-create: a new engine takes the dead engine's stack over and completes it with the servers already building, then deletes it", async () => {
    const first = rig({ slow: true, owner: "engine-1", lockTtlMs: 30_000 });
    const h = await first.engine.create("mid", { template: servers(3) }, PROJECT);
    await first.clock.advance(300); // servers are building
    expect((await first.store.getStack(h.stackId))!.status).toBe("IN_PROGRESS");
    const building = first.sim.inventory().servers.map((s) => s.id).sort();
    expect(building).toHaveLength(3);
    first.engine.simulateCrash();

    await first.clock.advance(31_000); // the lease expires
    const second = rig({ clock: first.clock, store: first.store, sim: first.sim, owner: "engine-2" });
    expect(await second.engine.recover()).toEqual([h.stackId]);
    let stack = (await second.store.getStack(h.stackId))!;
    for (let i = 0; i < 1_000 && stack.status === "IN_PROGRESS"; i++) {
      await second.clock.advance(1_000);
      stack = (await second.store.getStack(h.stackId))!;
    }
    expect(stack).toMatchObject({ action: "CREATE", status: "COMPLETE", statusReason: "Stack CREATE completed successfully" });
    const lines = await eventLines(second.store, h.stackId);
    expect(lines.filter((l) => l.startsWith("mid "))).toEqual(["mid CREATE_IN_PROGRESS", "mid CREATE_IN_PROGRESS", "mid CREATE_COMPLETE"]);
    const reasons = (await second.store.listEvents(h.stackId)).filter((e) => e.isStackEvent).map((e) => e.reason);
    expect(reasons).toContain("Engine engine-1 went down; engine-2 resumed stack CREATE");
    // the servers the dead engine started are the stack's: none made twice, none left over
    const recorded = (await second.engine.resources(h.stackId)).map((res) => res.physicalId).sort();
    expect(recorded).toEqual(building);
    expect(second.sim.inventory().servers.map((s) => `${s.id} ${s.status}`).sort()).toEqual(building.map((id) => `${id} ACTIVE`));
    const deleted = await second.finish(await second.engine.delete(h.stackId));
    expect(deleted.status).toBe("COMPLETE");
    expect(second.sim.inventory().servers).toEqual([]);
  });

  it("keeps state in the store across engines: a new engine lists and updates what the old one made", async () => {
    const store = new MemoryStackStore();
    const first = rig({ store });
    const h = await first.engine.create("keep", { template: servers(1) }, PROJECT);
    await first.finish(h);
    await first.engine.close();
    const second = rig({ store, clock: first.clock, sim: first.sim });
    const done = await second.finish(await second.engine.update(h.stackId, { template: servers(2) }));
    expect(done.statusReason).toBe("Stack UPDATE completed successfully");
    expect(second.sim.inventory().servers).toHaveLength(2);
  });
});
