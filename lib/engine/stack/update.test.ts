import { describe, expect, it } from "vitest";
import { ValidationError } from "../diagnostics";
import { createTestEngine, handCompile, type TestEngine } from "../testing";

const tpl = (resources: Record<string, unknown>, parameters: Record<string, unknown> = {}) => JSON.stringify({ parameters, resources });
const P = { projectId: "p1" };

async function created(t: TestEngine, template: string, options: { enableRollback?: boolean; parameters?: Record<string, unknown> } = {}) {
  const stack = await t.finish(await t.engine.create("s", { template, parameters: options.parameters }, { ...P, enableRollback: options.enableRollback }));
  expect(stack.status).toBe("COMPLETE");
  t.world.log.length = 0;
  return stack;
}

const resourceEvents = async (t: TestEngine, id: string, after: number) =>
  (await t.store.listEvents(id, after)).filter((e) => !e.isStackEvent).map((e) => `${e.resourceName} ${e.action}_${e.status}`);

describe("update", () => {
  it("updates in place, replaces make-before-break, and leaves unchanged resources alone (no events)", async () => {
    const t = createTestEngine({ compile: handCompile });
    const before = tpl({
      keep: { type: "Test::Generic", properties: { value: 1 } },
      edit: { type: "Test::Generic", properties: { value: 1 } },
      swap: { type: "Test::Generic", properties: { fixed: 1 } },
      user: { type: "Test::Generic", properties: { ref: { get_resource: "swap" } } },
    });
    const stack = await created(t, before);
    const oldSwap = (await t.engine.resources(stack.id)).find((r) => r.name === "swap")!;
    const seq = (await t.store.listEvents(stack.id)).at(-1)!.seq;
    const after = tpl({
      keep: { type: "Test::Generic", properties: { value: 1 } },
      edit: { type: "Test::Generic", properties: { value: 2 } },
      swap: { type: "Test::Generic", properties: { fixed: 2 } },
      user: { type: "Test::Generic", properties: { ref: { get_resource: "swap" } } },
    });
    const done = await t.finish(await t.engine.update(stack.id, { template: after }));
    expect(`${done.action}_${done.status}`).toBe("UPDATE_COMPLETE");
    // the new swap is created, then user (whose ref changed) replaced, and only then the old copies go
    expect(t.world.log).toEqual(["update edit", "create swap", "create user", "delete user", "delete swap"]);
    const events = await resourceEvents(t, stack.id, seq);
    expect(events.some((e) => e.startsWith("keep"))).toBe(false);
    const now = await t.engine.resources(stack.id);
    expect(now.map((r) => r.name).sort()).toEqual(["edit", "keep", "swap", "user"]);
    expect(now.find((r) => r.name === "swap")!.physicalId).not.toBe(oldSwap.physicalId);
    expect(t.world.live.has(oldSwap.physicalId!)).toBe(false);
    expect(done.previous?.template).toBe(before);
  });

  it("deletes first when the type asks for break-before-make", async () => {
    const t = createTestEngine({ compile: handCompile });
    const stack = await created(t, tpl({ a: { type: "Test::BreakFirst", properties: { fixed: 1 } } }));
    await t.finish(await t.engine.update(stack.id, { template: tpl({ a: { type: "Test::BreakFirst", properties: { fixed: 2 } } }) }));
    expect(t.world.log).toEqual(["delete a", "create a"]);
  });

  it("deletes removed resources in reverse dependency order and creates new ones", async () => {
    const t = createTestEngine({ compile: handCompile });
    const stack = await created(
      t,
      tpl({ base: { type: "Test::Generic" }, mid: { type: "Test::Generic", depends_on: ["base"] }, top: { type: "Test::Generic", depends_on: ["mid"] } }),
    );
    await t.finish(await t.engine.update(stack.id, { template: tpl({ fresh: { type: "Test::Generic" } }) }));
    expect(t.world.log).toEqual(["create fresh", "delete top", "delete mid", "delete base"]);
  });

  it("refuses an immutable property change on the resource, and an immutable parameter change up front", async () => {
    const t = createTestEngine({ compile: handCompile });
    const stack = await created(t, tpl({ a: { type: "Test::Generic", properties: { locked: { get_param: "p" } } } }, { p: { default: "x" } }));
    const failed = await t.finish(await t.engine.update(stack.id, { parameters: { p: "y" } }, { existing: true }));
    expect(failed.statusReason).toBe("Resource UPDATE failed: NotSupported: resources.a: The following properties are immutable and cannot be updated: locked");
    const t2 = createTestEngine({ compile: handCompile });
    const s2 = await created(t2, tpl({}, { p: { default: "x", immutable: true } }));
    await expect(t2.engine.update(s2.id, { parameters: { p: "y" } }, { existing: true })).rejects.toBeInstanceOf(ValidationError);
  });

  it("PATCH (existing) keeps the stored template and merges parameters", async () => {
    const t = createTestEngine({ compile: handCompile });
    const stack = await created(t, tpl({ a: { type: "Test::Generic", properties: { value: { get_param: "v" } } } }, { v: {}, w: {} }), {
      parameters: { v: "1", w: "keep" },
    });
    const done = await t.finish(await t.engine.update(stack.id, { parameters: { v: "2" } }, { existing: true }));
    expect(done.parameters).toEqual({ v: "2", w: "keep" });
    expect(t.world.log).toEqual(["update a"]);
    await expect(t.engine.update(stack.id, { parameters: { v: "3" } })).rejects.toBeInstanceOf(ValidationError);
  });

  it("rolls back a failed update: the replaced copy is swapped back, in-place changes reverted", async () => {
    const t = createTestEngine({ compile: handCompile });
    const v1 = tpl({
      a: { type: "Test::Generic", properties: { value: 1 } },
      b: { type: "Test::Generic", properties: { fixed: 1 } },
    });
    const stack = await created(t, v1, { enableRollback: true });
    const oldB = (await t.engine.resources(stack.id)).find((r) => r.name === "b")!;
    const v2 = tpl({
      a: { type: "Test::Generic", properties: { value: 2 } },
      b: { type: "Test::Generic", properties: { fixed: 2, fail_on: ["create"] }, depends_on: ["a"] },
      c: { type: "Test::Generic" },
    });
    const done = await t.finish(await t.engine.update(stack.id, { template: v2 }));
    expect(`${done.action}_${done.status}`).toBe("ROLLBACK_COMPLETE");
    expect(done.template).toBe(v1);
    const now = await t.engine.resources(stack.id);
    expect(now.map((r) => r.name).sort()).toEqual(["a", "b"]);
    expect(now.find((r) => r.name === "b")!.physicalId).toBe(oldB.physicalId);
    expect(now.find((r) => r.name === "a")!.properties.value).toBe(1);
    expect([...t.world.live.values()].map((r) => r.name).sort()).toEqual(["a", "b"]);
    const stackEvents = (await t.store.listEvents(stack.id)).filter((e) => e.isStackEvent).map((e) => `${e.action}_${e.status}`);
    expect(stackEvents.slice(-4)).toEqual(["UPDATE_IN_PROGRESS", "UPDATE_FAILED", "ROLLBACK_IN_PROGRESS", "ROLLBACK_COMPLETE"]);
  });

  it("without rollback a failed update stays UPDATE_FAILED, and the next update replaces the failed resource", async () => {
    const t = createTestEngine({ compile: handCompile });
    const stack = await created(t, tpl({ a: { type: "Test::Generic", properties: { value: 1 } } }));
    const failed = await t.finish(await t.engine.update(stack.id, { template: tpl({ a: { type: "Test::Generic", properties: { value: 2, fail_on: ["update"] } } }) }));
    expect(failed.statusReason).toBe("Resource UPDATE failed: ResourceInError: resources.a: update failed on purpose");
    t.world.log.length = 0;
    const fixed = await t.finish(await t.engine.update(stack.id, { template: tpl({ a: { type: "Test::Generic", properties: { value: 2 } } }) }));
    expect(fixed.status).toBe("COMPLETE");
    expect(t.world.log).toEqual(["create a", "delete a"]);
  });

  it("replaces a resource marked unhealthy on the next update, even with no change", async () => {
    const t = createTestEngine({ compile: handCompile });
    const template = tpl({ a: { type: "Test::Generic", properties: { value: 1 } } });
    const stack = await created(t, template);
    await t.engine.markUnhealthy(stack.id, "a", true, "server hung");
    expect((await t.engine.resources(stack.id))[0]).toMatchObject({ action: "CHECK", status: "FAILED", statusReason: "server hung", unhealthy: true });
    await t.finish(await t.engine.update(stack.id, { template }));
    expect(t.world.log).toEqual(["create a", "delete a"]);
    expect((await t.engine.resources(stack.id))[0]).toMatchObject({ action: "CREATE", status: "COMPLETE", unhealthy: false });
  });

  it("cancel_update stops a running update and rolls back", async () => {
    const t = createTestEngine({ compile: handCompile });
    const stack = await created(t, tpl({ a: { type: "Test::Generic", properties: { value: 1 } } }));
    const h = await t.engine.update(stack.id, { template: tpl({ a: { type: "Test::Generic", properties: { value: 1 } }, slow: { type: "Test::Slow", properties: { delay_ms: 60_000 } } }) });
    await t.clock.advance(1000);
    await expect(t.engine.update(stack.id, { template: tpl({}) })).rejects.toMatchObject({ code: "Conflict", message: "Stack s is busy: UPDATE IN_PROGRESS by engine-test" });
    await t.engine.cancel(stack.id);
    const done = await t.finish(h);
    expect(`${done.action}_${done.status}`).toBe("ROLLBACK_COMPLETE");
    const reasons = (await t.store.listEvents(stack.id)).filter((e) => e.isStackEvent).map((e) => e.reason);
    expect(reasons).toContain("Stack UPDATE cancelled");
    expect((await t.engine.resources(stack.id)).map((r) => r.name)).toEqual(["a"]);
    expect(t.world.entries("delete")).toEqual(["slow"]);
  });
});
