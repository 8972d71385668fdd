/**
 * Take-over between peers beyond create, update and delete: two peers racing for one abandoned stack,
 * suspend and resume carried on from every crash point, and a child stack whose parent is not in
 * progress taken over on its own.
 */
import { describe, expect, it } from "vitest";
import { cloudInventory, recordedInventory } from "../testing/inventory";
import { takeoverRig } from "../testing/takeover";
import { createTestEngine } from "../testing";
import { atEveryCrashPoint, created, type Operate, P, template } from "./takeover.fixture";

const state = (s: { action: string; status: string }) => `${s.action}_${s.status}`;

describe("peers taking over each other's work", () => {
  it("two peers sweeping at once: exactly one takes the stack over", async () => {
    const rig = takeoverRig();
    const baseline = await cloudInventory(rig.cloud);
    rig.arm({ afterEvents: 10 });
    const h = await rig.a.engine.create("web", { template: template() }, P);
    await rig.clock.run(Promise.race([h.done, rig.died]));
    await rig.clock.advance(rig.lockTtlMs + 1);
    const c = createTestEngine({ clock: rig.clock, store: rig.store, cloud: rig.cloud, owner: "engine-c", lockTtlMs: rig.lockTtlMs });
    const [byB, byC] = await Promise.all([rig.b.engine.recover(), c.engine.recover()]);
    expect([...byB, ...byC]).toEqual([h.stackId]);
    const final = await rig.settle(h.stackId);
    expect(state(final)).toBe("CREATE_COMPLETE");
    const takeOvers = (await rig.store.listEvents(h.stackId)).filter((e) => / went down; /.test(e.reason));
    expect(takeOvers).toHaveLength(1);
    expect(await cloudInventory(rig.cloud, baseline)).toEqual(await recordedInventory(rig.store, h.stackId));
  });

  it("completes a suspend, then a resume, from every crash point", async () => {
    const suspend: Operate = (rig, id) => rig.a.engine.suspend(id!);
    const servers = async (rig: ReturnType<typeof takeoverRig>) => (await rig.cloud.region("RegionOne").compute.listServers()).map((s) => s.status);
    await atEveryCrashPoint(suspend, (rig) => created(rig), async ({ rig, final }) => {
      expect(state(final)).toBe("SUSPEND_COMPLETE");
      expect(await servers(rig)).toEqual(["SUSPENDED", "SUSPENDED"]);
    });
    const resume: Operate = (rig, id) => rig.a.engine.resume(id!);
    const suspended = async (rig: ReturnType<typeof takeoverRig>) => {
      const id = await created(rig);
      expect(state(await rig.a.finish(await rig.a.engine.suspend(id)))).toBe("SUSPEND_COMPLETE");
      return id;
    };
    await atEveryCrashPoint(resume, suspended, async ({ rig, final }) => {
      expect(state(final)).toBe("RESUME_COMPLETE");
      expect(await servers(rig)).toEqual(["ACTIVE", "ACTIVE"]);
    });
  }, 120_000);

  it("takes over a child stack on its own when its parent is not in progress", async () => {
    const rig = takeoverRig();
    const parent = await created(rig);
    const inner = (await rig.a.engine.resources(parent)).find((r) => r.name === "inner")!.nestedStackId!;
    const child = await rig.store.getStack(inner);
    const grown = JSON.stringify({ ...JSON.parse(child!.template), resources: { ...JSON.parse(child!.template).resources, v9: { type: "OS::Cinder::Volume", properties: { size: 1 } } } });
    rig.arm({ afterEvents: 2 });
    const h = await rig.a.engine.update(inner, { template: grown }, { existing: true });
    await rig.clock.run(Promise.race([h.done, rig.died]));
    expect(state((await rig.store.getStack(inner))!)).toBe("UPDATE_IN_PROGRESS");
    expect(state((await rig.store.getStack(parent))!)).toBe("CREATE_COMPLETE");
    expect(await rig.takeOver()).toEqual([inner]);
    expect(state(await rig.settle(inner))).toBe("UPDATE_COMPLETE");
    expect((await rig.b.engine.resources(inner)).map((r) => r.name).sort()).toEqual(["s", "v0", "v9"]);
  });

  it("fails an adopt it cannot carry on (its abandon data is not stored) with the reason; a delete then converges it", async () => {
    const rig = takeoverRig();
    const id = await created(rig);
    const data = await rig.a.engine.abandon(id);
    rig.arm({ afterEvents: 2 });
    const h = await rig.a.engine.create("again", { template: template() }, { ...P, adoptData: data });
    await rig.clock.run(Promise.race([h.done, rig.died]));
    expect(await rig.takeOver()).toEqual([h.stackId]);
    const failed = await rig.settle(h.stackId);
    expect(failed).toMatchObject({ action: "ADOPT", status: "FAILED", statusReason: "Engine went down during stack ADOPT; it cannot be resumed: a stack ADOPT cannot be resumed" });
    const deleted = await rig.b.finish(await rig.b.engine.delete(h.stackId));
    expect(state(deleted)).toBe("DELETE_COMPLETE");
  });
});
