import { describe, expect, it } from "vitest";
import { createTestEngine, handCompile, MemoryStackStore } from "../testing";

const tpl = (resources: Record<string, unknown>) => JSON.stringify({ resources });
const P = { projectId: "p1" };

describe("delete", () => {
  it("deletes in reverse order, keeps Retain resources, hides the stack from listings", async () => {
    const t = createTestEngine({ compile: handCompile });
    const template = tpl({
      net: { type: "Test::Generic" },
      port: { type: "Test::Generic", properties: { ref: { get_resource: "net" } } },
      server: { type: "Test::Generic", properties: { ref: { get_resource: "port" } } },
      data: { type: "Test::Generic", deletion_policy: "Retain" },
    });
    const stack = await t.finish(await t.engine.create("d", { template }, P));
    const retained = (await t.engine.resources(stack.id)).find((r) => r.name === "data")!.physicalId!;
    const done = await t.finish(await t.engine.delete(stack.id));
    expect(`${done.action}_${done.status}`).toBe("DELETE_COMPLETE");
    expect(done.deletedAt).not.toBeNull();
    expect(t.world.entries("delete")).toEqual(["server", "port", "net"]);
    expect([...t.world.live.keys()]).toEqual([retained]);
    expect(await t.store.listStacks({ projectId: "p1" })).toEqual([]);
    expect(await t.store.listResources(stack.id)).toEqual([]);
    await expect(t.engine.delete(stack.id)).rejects.toMatchObject({ code: "NotFound" });
    // the name is free again
    await t.finish(await t.engine.create("d", { template: tpl({}) }, P));
  });

  it("stores each resource's DELETE_COMPLETE and the removal of its record as one commit", async () => {
    // the engine binds the store's methods when it starts: record its commits from the start
    const store = new MemoryStackStore();
    const commits: { deleted: string[]; events: string[] }[] = [];
    const commit = store.commit.bind(store);
    store.commit = (change) => {
      commits.push({ deleted: change.deletedResources ?? [], events: (change.events ?? []).map((e) => `${e.resourceName} ${e.action}_${e.status}`) });
      return commit(change);
    };
    const t = createTestEngine({ compile: handCompile, store });
    const stack = await t.finish(await t.engine.create("one", { template: tpl({ a: { type: "Test::Generic" }, b: { type: "Test::Generic" } }) }, P));
    const ids = new Map((await t.engine.resources(stack.id)).map((r) => [r.name, r.id]));
    await t.finish(await t.engine.delete(stack.id));
    for (const name of ["a", "b"]) expect(commits).toContainEqual({ deleted: [ids.get(name)], events: [`${name} DELETE_COMPLETE`] });
    expect(commits.filter((c) => c.deleted.length > 0)).toHaveLength(2);
  });

  it("drops resources that were never created, without events", async () => {
    const t = createTestEngine({ compile: handCompile });
    const template = tpl({ bad: { type: "Test::Failing" }, after: { type: "Test::Generic", depends_on: ["bad"] } });
    const stack = await t.finish(await t.engine.create("f", { template }, P));
    const seq = (await t.store.listEvents(stack.id)).at(-1)!.seq;
    await t.finish(await t.engine.delete(stack.id));
    const events = (await t.store.listEvents(stack.id, seq)).map((e) => `${e.resourceName} ${e.action}_${e.status}`);
    expect(events).toEqual(["f DELETE_IN_PROGRESS", "bad DELETE_IN_PROGRESS", "bad DELETE_COMPLETE", "f DELETE_COMPLETE"]);
  });

  it("leaves DELETE_FAILED on a failed delete, and a retry succeeds once the cause is gone", async () => {
    const t = createTestEngine({ compile: handCompile });
    const stack = await t.finish(await t.engine.create("df", { template: tpl({ a: { type: "Test::Generic", properties: { fail_on: ["delete"] } } }) }, P));
    const failed = await t.finish(await t.engine.delete(stack.id));
    expect(failed.statusReason).toBe("Resource DELETE failed: ResourceInError: resources.a: delete failed on purpose");
    expect((await t.store.listStacks({}))[0]).toMatchObject({ action: "DELETE", status: "FAILED" });
    const rec = (await t.store.listResources(stack.id))[0];
    await t.store.saveResource({ ...rec, properties: { ...rec.properties, fail_on: [] } });
    expect((await t.finish(await t.engine.delete(stack.id))).status).toBe("COMPLETE");
    expect(t.world.live.size).toBe(0);
  });

  it("cancels a create still running in this engine, then deletes", async () => {
    const t = createTestEngine({ compile: handCompile });
    const template = tpl({ fast: { type: "Test::Generic" }, slow: { type: "Test::Slow", properties: { delay_ms: 600_000 } } });
    const h = await t.engine.create("c", { template }, P);
    await t.clock.advance(1000);
    const del = await t.engine.delete(h.stackId);
    expect((await t.finish(h)).statusReason).toBe("Stack CREATE cancelled");
    expect((await t.finish(del)).status).toBe("COMPLETE");
    expect(t.world.live.size).toBe(0);
  });
});
