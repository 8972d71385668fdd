/**
 * The stack timeout of an operation another engine takes over counts from the operation's start (its
 * first IN_PROGRESS event), not from the take-over: a resumed create or update gets what is left of
 * `timeout_mins`, and one whose timeout passed while no engine held it fails at once with Heat's
 * "Create timed out" / "Update timed out", without running its resources again.
 */
import { describe, expect, it } from "vitest";
import type { EventRecord } from "../ports";
import { takeoverRig, type TakeoverRig } from "../testing/takeover";
import { P } from "./takeover.fixture";

/** One OS::Heat::TestResource waiting `createSecs` after its create and `updateSecs` after an update of its value. */
function template(value: string, createSecs: number, updateSecs = 0): string {
  const properties = { value, action_wait_secs: { create: createSecs, update: updateSecs, delete: 0 } };
  return JSON.stringify({ heat_template_version: "2021-04-16", resources: { slow: { type: "OS::Heat::TestResource", properties } } });
}

/** The stack's own events (not its resources'), as "ACTION_STATUS: reason @ ms since `since`". */
async function stackEvents(rig: TakeoverRig, stackId: string, since: number): Promise<string[]> {
  const events = await rig.store.listEvents(stackId);
  return events.filter((e) => e.isStackEvent).map((e: EventRecord) => `${e.action}_${e.status}: ${e.reason} @ ${Date.parse(e.time) - since}`);
}

/** Engine A creates the stack (timeout 1 min) and dies right after the resource's CREATE IN_PROGRESS; the fake time it started. */
async function createThenCrash(rig: TakeoverRig, createSecs: number): Promise<{ stackId: string; started: number }> {
  const started = rig.clock.now();
  rig.arm({ afterEvents: 2 });
  const h = await rig.a.engine.create("slow", { template: template("v", createSecs) }, { ...P, timeoutMins: 1 });
  await rig.clock.run(rig.died);
  return { stackId: h.stackId, started };
}

describe("the stack timeout of a taken-over operation", () => {
  it("keeps what is left of a create's timeout, and fails at once one whose timeout passed while no engine held it", async () => {
    for (const { createSecs, pause, resumedAt, failedAt, resourceEvents } of [
      // resumed 33 s in: the 40 s resource runs again and times out at 60 s (with a fresh timeout it would complete at 73 s)
      { createSecs: 40, pause: 30_000, resumedAt: 33_001, failedAt: 60_000, resourceEvents: ["CREATE_IN_PROGRESS", "CREATE_IN_PROGRESS", "CREATE_FAILED: CREATE aborted"] },
      // resumed 123 s in: nothing runs again, the resource fails as aborted
      { createSecs: 5, pause: 120_000, resumedAt: 123_001, failedAt: 123_001, resourceEvents: ["CREATE_IN_PROGRESS", "CREATE_FAILED: CREATE aborted"] },
    ]) {
      const rig = takeoverRig();
      const { stackId, started } = await createThenCrash(rig, createSecs);
      await rig.clock.advance(pause);
      expect(await rig.takeOver()).toEqual([stackId]);
      const final = await rig.settle(stackId);
      expect(`${final.action}_${final.status}: ${final.statusReason}`).toBe("CREATE_FAILED: Create timed out");
      expect(await stackEvents(rig, stackId, started)).toEqual([
        "CREATE_IN_PROGRESS: Stack CREATE started @ 0",
        `CREATE_IN_PROGRESS: Engine engine-a went down; engine-b resumed stack CREATE @ ${resumedAt}`,
        `CREATE_FAILED: Create timed out @ ${failedAt}`,
      ]);
      const events = (await rig.store.listEvents(stackId)).filter((e) => !e.isStackEvent);
      expect(events.map((e) => `${e.action}_${e.status}${e.status === "FAILED" ? `: ${e.reason}` : ""}`)).toEqual(resourceEvents);
      expect((await rig.store.listResources(stackId))[0].data["hearth:attempt"]).toBeUndefined();
    }
  });

  it("completes a resumed create that still has time left", async () => {
    const rig = takeoverRig();
    const { stackId } = await createThenCrash(rig, 20);
    await rig.clock.advance(10_000);
    expect(await rig.takeOver()).toEqual([stackId]);
    const final = await rig.settle(stackId);
    expect(`${final.action}_${final.status}`).toBe("CREATE_COMPLETE");
  });

  it("counts an update's timeout from the update's start, not the create's", async () => {
    for (const { pause, expected } of [
      { pause: 10_000, expected: "UPDATE_COMPLETE" },
      { pause: 45_000, expected: "UPDATE_FAILED: Update timed out" },
    ]) {
      const rig = takeoverRig();
      const stack = await rig.a.finish(await rig.a.engine.create("slow", { template: template("v", 0) }, { ...P, timeoutMins: 1 }));
      // long after the create: counted from it, the update would time out at once
      await rig.clock.advance(300_000);
      const started = rig.clock.now();
      rig.arm({ afterEvents: 2 });
      await rig.a.engine.update(stack.id, { template: template("w", 0, 20) });
      await rig.clock.run(rig.died);
      await rig.clock.advance(pause);
      expect(await rig.takeOver()).toEqual([stack.id]);
      const final = await rig.settle(stack.id);
      // resumed at pause + 3 s with 20 s to wait: done at 33 s, or past 60 s when resumed at 48 s
      expect(`${final.action}_${final.status}${final.status === "FAILED" ? `: ${final.statusReason}` : ""}`).toBe(expected);
      const last = (await stackEvents(rig, stack.id, started)).at(-1);
      expect(last).toMatch(expected === "UPDATE_COMPLETE" ? / @ 33\d\d\d$/ : /^UPDATE_FAILED: Update timed out @ 60000$/);
    }
  });
});
