/**
 * A peer finishes a create, and the rollback of a failed one, that a crashed engine left half done:
 * engine A dies after each of its events and after each of its cloud calls in turn; engine B takes
 * over once A's lease has expired.
 */
import { describe, expect, it } from "vitest";
import { takeoverRig } from "../testing/takeover";
import { atEveryCrashPoint, created, type Operate, P, template } from "./takeover.fixture";

const state = (s: { action: string; status: string }) => `${s.action}_${s.status}`;

describe("a peer takes over a create", () => {
  it("completes a create (network, server, volume, attachment, a ResourceGroup, a nested stack) from every crash point", async () => {
    const create: Operate = (rig) => rig.a.engine.create("web", { template: template() }, P);
    await atEveryCrashPoint(create, undefined, async ({ rig, final }) => {
      expect(state(final)).toBe("CREATE_COMPLETE");
      const names = (await rig.b.engine.resources(final.id)).map((r) => `${r.name} ${state(r)}`).sort();
      expect(names).toEqual(["attach", "group", "inner", "net", "server", "subnet", "volume"].map((n) => `${n} CREATE_COMPLETE`));
      // one child stack each for the group and the inner stack: none made twice
      const children = await rig.store.listStacks({ includeNested: true, parentId: final.id });
      expect(children.map((c) => `${c.parentResource} ${state(c)}`).sort()).toEqual(["group CREATE_COMPLETE", "inner CREATE_COMPLETE"]);
    });
  }, 120_000);

  it("rolls a failed create back to nothing from every crash point, with rollback enabled", async () => {
    const create: Operate = (rig) => rig.a.engine.create("web", { template: template({ failing: true }) }, { ...P, enableRollback: true });
    await atEveryCrashPoint(create, undefined, ({ final }) => {
      expect(state(final)).toBe("ROLLBACK_COMPLETE");
      // the create's own failure is what the stack reports, not the crash
      expect(final.statusReason).toBe("Stack ROLLBACK completed successfully");
    });
  }, 120_000);

  it("a sweep over a stack that ended takes nothing over", async () => {
    const rig = takeoverRig();
    const id = await created(rig);
    expect(await rig.takeOver()).toEqual([]);
    expect(state((await rig.store.getStack(id))!)).toBe("CREATE_COMPLETE");
  });
});
