import { describe, expect, it } from "vitest";
import { createTestEngine, handCompile } from "../testing";

const P = { projectId: "p1" };
const child = JSON.stringify({
  parameters: { size: {} },
  resources: { inner: { type: "Test::Generic", properties: { value: { get_param: "size" } } } },
  outputs: { echo: { value: { get_attr: ["inner", "value"] } } },
});
const parent = (size: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    resources: {
      box: { type: "child.json", properties: { size } },
      user: { type: "Test::Generic", properties: { value: { get_attr: ["box", "echo"] }, ref: { get_attr: ["box", "OS::stack_id"] } } },
      ...extra,
    },
  });
const files = { "child.json": child };

describe("nested stacks (provider templates)", () => {
  it("runs a provider resource as a child stack: parameters from properties, attributes from outputs", async () => {
    const t = createTestEngine({ compile: handCompile });
    const stack = await t.finish(await t.engine.create("top", { template: parent(3), files }, P));
    expect(stack.status).toBe("COMPLETE");
    const box = (await t.engine.resources(stack.id)).find((r) => r.name === "box")!;
    const kid = (await t.store.getStack(box.physicalId!))!;
    expect(kid).toMatchObject({ parentId: stack.id, parentResource: "box", action: "CREATE", status: "COMPLETE" });
    expect(kid.name).toMatch(/^top-box-[a-z0-9]{12}$/);
    expect(box.nestedStackId).toBe(kid.id);
    expect((await t.store.listEvents(kid.id)).map((e) => e.resourceName)).toContain("inner");
    const user = (await t.engine.resources(stack.id)).find((r) => r.name === "user")!;
    expect(user.properties).toMatchObject({ value: 3, ref: kid.id });
    expect(await t.store.listStacks({ projectId: "p1" })).toHaveLength(1);
  });

  it("updates the child in place, and deletes it with the parent", async () => {
    const t = createTestEngine({ compile: handCompile });
    const stack = await t.finish(await t.engine.create("top", { template: parent(3), files }, P));
    const kidId = (await t.engine.resources(stack.id)).find((r) => r.name === "box")!.physicalId!;
    await t.finish(await t.engine.update(stack.id, { template: parent(4), files }));
    expect((await t.engine.resources(kidId))[0].properties.value).toBe(4);
    expect((await t.engine.resources(stack.id)).find((r) => r.name === "user")!.properties.value).toBe(4);
    await t.finish(await t.engine.delete(stack.id));
    expect((await t.store.getStack(kidId))!.action).toBe("DELETE");
    expect(t.world.live.size).toBe(0);
  });

  it("fails the parent resource with the child's reason", async () => {
    const t = createTestEngine({ compile: handCompile });
    const bad = JSON.stringify({ resources: { inner: { type: "Test::Failing" } } });
    const stack = await t.finish(await t.engine.create("top", { template: JSON.stringify({ resources: { box: { type: "bad.json" } } }), files: { "bad.json": bad } }, P));
    expect(stack.statusReason).toBe(
      "Resource CREATE failed: Error: resources.box: Resource CREATE failed: ResourceInError: resources.inner: create failed on purpose",
    );
    const kidId = (await t.store.listResources(stack.id))[0].physicalId!;
    expect(await t.store.getStack(kidId)).toMatchObject({ action: "CREATE", status: "FAILED" });
    await t.finish(await t.engine.delete(stack.id));
    expect(await t.store.getStack(kidId)).toMatchObject({ action: "DELETE", status: "COMPLETE" });
  });

  it("a stack timeout aborts the child too", async () => {
    const t = createTestEngine({ compile: handCompile });
    const slow = JSON.stringify({ resources: { inner: { type: "Test::Slow", properties: { delay_ms: 600_000 } } } });
    const stack = await t.finish(
      await t.engine.create("top", { template: JSON.stringify({ resources: { box: { type: "slow.json" } } }), files: { "slow.json": slow } }, { ...P, timeoutMins: 1 }),
    );
    expect(stack.statusReason).toBe("Create timed out");
    const kidId = (await t.store.listResources(stack.id))[0].nestedStackId!;
    expect(await t.store.getStack(kidId)).toMatchObject({ status: "FAILED" });
    expect(await t.store.getLock(kidId)).toBeUndefined();
  });
});
