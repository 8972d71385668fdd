/**
 * A parent stack whose engine loses its lease while a child stack is being created: the child stops
 * writing too (it does not fail with "The parent stack operation was aborted"), so the engine that
 * takes the parent over finds the child as it was left and completes both.
 */
import { describe, expect, it } from "vitest";
import { takeoverRig } from "../testing/takeover";
import { P } from "./takeover.fixture";

const child = {
  heat_template_version: "2021-04-16",
  resources: { slow: { type: "OS::Heat::TestResource", properties: { value: "v", wait_secs: 5 } } },
};
const parent = JSON.stringify({
  heat_template_version: "2021-04-16",
  resources: { inner: { type: "OS::Heat::Stack", properties: { template: JSON.stringify(child) } } },
  outputs: { value: { value: { get_attr: ["inner", "outputs"] } } },
});

describe("a parent that loses its lease mid child create", () => {
  it("leaves the child to the new lease holder, which completes parent and child", async () => {
    const rig = takeoverRig();
    const h = await rig.a.engine.create("outer", { template: parent }, P);
    const childId = await rig.clock.run(
      (async () => {
        for (let i = 0; i < 1_000; i++) {
          const id = (await rig.store.listResources(h.stackId)).find((r) => r.name === "inner")?.nestedStackId;
          const stack = id ? await rig.store.getStack(id) : undefined;
          if (id && stack?.action === "CREATE" && stack.status === "IN_PROGRESS") return id;
          await rig.clock.sleep(10);
        }
        throw new Error("the child stack never started");
      })(),
    );
    // another engine takes the parent's lease: A's next renewal fails and its parent operation stops
    await rig.store.releaseLock(h.stackId, "engine-a");
    expect(await rig.store.acquireLock(h.stackId, "engine-thief", rig.lockTtlMs)).toBe(true);
    await rig.clock.run(h.done);
    const childEvents = await rig.store.listEvents(childId);
    expect(childEvents.filter((e) => e.status === "FAILED")).toEqual([]);
    expect((await rig.store.getStack(childId))?.status).toBe("IN_PROGRESS");

    await rig.store.releaseLock(h.stackId, "engine-thief");
    expect(await rig.takeOver()).toEqual([h.stackId]);
    const final = await rig.settle(h.stackId);
    expect(`${final.action}_${final.status}`).toBe("CREATE_COMPLETE");
    expect(`${(await rig.store.getStack(childId))?.action}_${(await rig.store.getStack(childId))?.status}`).toBe("CREATE_COMPLETE");
    const children = await rig.store.listStacks({ includeNested: true, parentId: h.stackId });
    expect(children.map((s) => s.id)).toEqual([childId]);
  });
});
