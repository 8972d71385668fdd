import { describe, expect, it } from "vitest";
import { defineResource } from "../resources/define";
import { createTestEngine, handCompile } from "../testing";
import { adoptInput } from "./adopt";

const tpl = (resources: Record<string, unknown>) => JSON.stringify({ resources });
const P = { projectId: "p1" };
const chain = tpl({ a: { type: "Test::Generic" }, b: { type: "Test::Generic", depends_on: ["a"] } });

describe("check, suspend, resume, signal, mark-unhealthy", () => {
  it("suspends in reverse order and resumes forward", async () => {
    const t = createTestEngine({ compile: handCompile });
    const stack = await t.finish(await t.engine.create("s", { template: chain }, P));
    await expect(t.engine.resume(stack.id)).rejects.toMatchObject({ code: "BadRequest" });
    expect((await t.finish(await t.engine.suspend(stack.id))).statusReason).toBe("Stack SUSPEND completed successfully");
    expect((await t.finish(await t.engine.resume(stack.id))).action).toBe("RESUME");
    expect(t.world.log.slice(2)).toEqual(["suspend b", "suspend a", "resume a", "resume b"]);
  });

  it("checks every resource; a missing physical resource fails the check", async () => {
    const t = createTestEngine({ compile: handCompile });
    const stack = await t.finish(await t.engine.create("c", { template: chain }, P));
    expect((await t.finish(await t.engine.check(stack.id))).status).toBe("COMPLETE");
    t.world.live.delete((await t.engine.resources(stack.id)).find((r) => r.name === "a")!.physicalId!);
    const failed = await t.finish(await t.engine.check(stack.id));
    expect(failed.statusReason).toMatch(/^Resource CHECK failed: Error: resources\.a: a-\d+ is gone$/);
  });

  it("completes CHECK at once for types without a check hook, as not supported", async () => {
    const t = createTestEngine({ compile: handCompile });
    const stack = await t.finish(await t.engine.create("n", { template: tpl({ x: { type: "OS::Heat::None" } }) }, P));
    await t.finish(await t.engine.check(stack.id));
    expect((await t.engine.resources(stack.id))[0]).toMatchObject({ action: "CHECK", status: "COMPLETE", statusReason: "CHECK not supported for OS::Heat::None" });
  });

  it("delivers signals with a SIGNAL event, and refuses types that take none", async () => {
    const t = createTestEngine({ compile: handCompile });
    const stack = await t.finish(await t.engine.create("sig", { template: tpl({ a: { type: "Test::Generic" }, n: { type: "OS::Heat::None" } }) }, P));
    await t.engine.signal(stack.id, "a", { reason: "deployment succeeded" });
    expect(t.world.signals).toEqual([{ name: "a", details: { reason: "deployment succeeded" } }]);
    expect((await t.store.listEvents(stack.id)).at(-1)).toMatchObject({ resourceName: "a", action: "SIGNAL", status: "COMPLETE", reason: "Signal: deployment succeeded" });
    expect((await t.engine.resources(stack.id)).find((r) => r.name === "a")!.data).toEqual({ signals: "1" });
    await expect(t.engine.signal(stack.id, "n", {})).rejects.toMatchObject({ code: "BadRequest" });
    await expect(t.engine.signal(stack.id, "zz", {})).rejects.toMatchObject({ code: "NotFound" });
  });

  it("gives a plugin's refusal of a signal to the caller typed, with the plugin's message", async () => {
    const refusing = defineResource({
      type: "Test::Refusing", description: "refuses signals", service: "Heat", properties: {}, attributes: {},
      handlers: { create: async () => undefined, signal: async () => Promise.reject(new Error("Signal needs a reason")) },
    });
    const t = createTestEngine({ compile: handCompile, plugins: [refusing] });
    const stack = await t.finish(await t.engine.create("ref", { template: tpl({ r: { type: "Test::Refusing" } }) }, P));
    await expect(t.engine.signal(stack.id, "r", {})).rejects.toMatchObject({ name: "EngineError", code: "Internal", message: "Signal needs a reason" });
  });

  it("refuses adopt data without a template as a bad request", () => {
    expect(() => adoptInput({ resources: {} } as never)).toThrow(expect.objectContaining({ code: "BadRequest", message: "The adopt data has no template" }));
  });

  it("marks a resource unhealthy and healthy again; refuses while the stack is busy", async () => {
    const t = createTestEngine({ compile: handCompile });
    const stack = await t.finish(await t.engine.create("u", { template: chain }, P));
    await t.engine.markUnhealthy(stack.id, "a", true, "no heartbeat");
    await t.engine.markUnhealthy(stack.id, "a", false);
    expect((await t.engine.resources(stack.id)).find((r) => r.name === "a")).toMatchObject({ action: "CHECK", status: "COMPLETE", unhealthy: false });
    const h = await t.engine.update(stack.id, { template: tpl({ ...JSON.parse(chain).resources, s: { type: "Test::Slow" } }) });
    await expect(t.engine.markUnhealthy(stack.id, "a", true)).rejects.toMatchObject({ code: "Conflict" });
    await expect(t.engine.suspend(stack.id)).rejects.toMatchObject({ code: "Conflict" });
    await t.finish(h);
  });

  it("reads live attributes for resource show", async () => {
    const t = createTestEngine({ compile: handCompile });
    const stack = await t.finish(await t.engine.create("attrs", { template: tpl({ a: { type: "Test::Generic", properties: { value: 7 } } }) }, P));
    const [a] = await t.engine.resources(stack.id);
    expect(await t.engine.resourceAttributes(stack.id, "a")).toEqual({ value: 7, physical: a.physicalId, info: { name: "a", value: 7 } });
  });

  it("close() stops running work where it is and releases locks, so a peer finishes it at once", async () => {
    const t = createTestEngine({ compile: handCompile, owner: "engine-a" });
    const h = await t.engine.create("cl", { template: tpl({ s: { type: "Test::Slow", properties: { delay_ms: 600_000 } } }) }, P);
    await t.clock.advance(100);
    const closing = t.engine.close();
    await t.clock.run(closing);
    const stack = await h.done;
    expect(stack).toMatchObject({ action: "CREATE", status: "IN_PROGRESS", statusReason: "Stack CREATE started" });
    expect(await t.store.getLock(h.stackId)).toBeUndefined();
    await expect(t.engine.create("more", { template: tpl({}) }, P)).rejects.toMatchObject({ code: "Conflict" });
    expect(await t.engine.recover()).toEqual([]); // a closed engine takes nothing over

    const peer = createTestEngine({ compile: handCompile, owner: "engine-b", clock: t.clock, store: t.store, world: t.world });
    expect(await peer.engine.recover()).toEqual([h.stackId]); // no lease to wait for
    const events = t.published.length;
    await t.clock.advance(700_000); // the slow create runs again for its 600 s
    const done = (await t.store.getStack(h.stackId))!;
    expect(done).toMatchObject({ action: "CREATE", status: "COMPLETE" });
    expect(t.published).toHaveLength(events); // the closed engine wrote nothing more
    expect((await t.store.listEvents(h.stackId)).map((e) => e.reason)).toContain("An engine went down; engine-b resumed stack CREATE");
    expect([...t.world.live.values()].map((r) => r.name)).toEqual(["s"]);
  });
});
