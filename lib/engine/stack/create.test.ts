import { describe, expect, it } from "vitest";
import { ValidationError } from "../diagnostics";
import { createTestEngine, handCompile, MemoryStackStore } from "../testing";

const tpl = (resources: Record<string, unknown>, outputs: Record<string, unknown> = {}) => JSON.stringify({ resources, outputs });
const P = { projectId: "p1" };

describe("create", () => {
  it("stores a resource whose create has no check to wait for in its IN_PROGRESS and COMPLETE commits alone; one that waits, also before the wait", async () => {
    // the engine binds the store's methods when it starts: record every resource row it writes from the
    // start (the memory store's commit writes its records through saveResource too)
    const store = new MemoryStackStore();
    const rows: string[] = [];
    const save = store.saveResource.bind(store);
    store.saveResource = (r) => {
      rows.push(`${r.name} ${r.action}_${r.status} ${r.physicalId ? "id" : "-"}`);
      return save(r);
    };
    const t = createTestEngine({ compile: handCompile, store });
    await t.finish(await t.engine.create("w", { template: tpl({ quick: { type: "OS::Heat::None" } }) }, P));
    expect(rows.filter((r) => r.startsWith("quick ") && !r.includes("INIT"))).toEqual(["quick CREATE_IN_PROGRESS -", "quick CREATE_COMPLETE id"]);
    rows.length = 0;
    await t.finish(await t.engine.create("s", { template: tpl({ slow: { type: "Test::Slow", properties: { delay_ms: 50 } } }) }, P));
    // its id is stored before the engine polls, so an engine taking over knows what to wait for
    expect(rows.filter((r) => r.startsWith("slow ") && !r.includes("INIT"))).toEqual(["slow CREATE_IN_PROGRESS -", "slow CREATE_IN_PROGRESS id", "slow CREATE_COMPLETE id"]);
  });

  it("creates resources in dependency order, stores events before publishing them, resolves outputs", async () => {
    const t = createTestEngine({ compile: handCompile });
    const template = tpl(
      {
        net: { type: "Test::Generic", properties: { value: "n" } },
        server: { type: "Test::Generic", properties: { value: { get_attr: ["net", "info", "name"] }, ref: { get_resource: "net" } } },
      },
      { server_ref: { value: { get_resource: "server" } }, net_value: { value: { get_attr: ["net", "value"] } } },
    );
    const h = await t.engine.create("s1", { template }, P);
    const stack = await t.finish(h);
    expect(`${stack.action}_${stack.status}`).toBe("CREATE_COMPLETE");
    expect(stack.statusReason).toBe("Stack CREATE completed successfully");
    expect(t.world.entries("create")).toEqual(["net", "server"]);
    const resources = await t.engine.resources(h.stackId);
    const server = resources.find((r) => r.name === "server")!;
    const net = resources.find((r) => r.name === "net")!;
    expect(server.properties).toMatchObject({ value: "net", ref: net.physicalId });
    expect(net.attributes).toMatchObject({ info: { name: "net", value: "n" } });
    expect(await t.engine.outputs(stack.id)).toEqual([
      { key: "server_ref", value: server.physicalId, description: undefined },
      { key: "net_value", value: "n", description: undefined },
    ]);
    const stored = await t.store.listEvents(h.stackId);
    expect(stored.map((e) => `${e.resourceName} ${e.action}_${e.status}`)).toEqual([
      "s1 CREATE_IN_PROGRESS",
      "net CREATE_IN_PROGRESS",
      "net CREATE_COMPLETE",
      "server CREATE_IN_PROGRESS",
      "server CREATE_COMPLETE",
      "s1 CREATE_COMPLETE",
    ]);
    expect(t.published.map((e) => e.seq)).toEqual(stored.map((e) => e.seq));
    expect(await t.store.getLock(h.stackId)).toBeUndefined();
  });

  it("refuses invalid input before writing anything, and a duplicate name", async () => {
    const t = createTestEngine({ compile: handCompile });
    await expect(t.engine.create("bad", { template: tpl({ a: { type: "No::Such" } }) }, P)).rejects.toBeInstanceOf(ValidationError);
    expect(await t.store.listStacks({ includeNested: true, includeDeleted: true })).toEqual([]);
    await t.finish(await t.engine.create("dup", { template: tpl({}) }, P));
    await expect(t.engine.create("dup", { template: tpl({}) }, P)).rejects.toMatchObject({ code: "Conflict", message: "The Stack (dup) already exists." });
    await t.finish(await t.engine.create("dup", { template: tpl({}) }, { projectId: "other" }));
  });

  it("fails like Heat: resource reason, stack reason, dependents never started", async () => {
    const t = createTestEngine({ compile: handCompile });
    const template = tpl({
      a: { type: "Test::Failing", properties: { message: "No valid host was found" } },
      b: { type: "Test::Generic", properties: { ref: { get_resource: "a" } } },
    });
    const stack = await t.finish(await t.engine.create("f", { template }, P));
    expect(stack.status).toBe("FAILED");
    expect(stack.statusReason).toBe("Resource CREATE failed: ResourceInError: resources.a: No valid host was found");
    const [a, b] = await t.engine.resources(stack.id);
    expect(a).toMatchObject({ name: "a", action: "CREATE", status: "FAILED", statusReason: "ResourceInError: resources.a: No valid host was found" });
    expect(b).toMatchObject({ name: "b", action: "INIT", status: "COMPLETE", physicalId: null });
    expect(t.world.entries("create")).toEqual([]);
  });

  it("rolls back a failed create when rollback is enabled", async () => {
    const t = createTestEngine({ compile: handCompile });
    const template = tpl({
      ok: { type: "Test::Generic" },
      slow: { type: "Test::Slow", properties: { delay_ms: 5000 } },
      bad: { type: "Test::Failing", depends_on: ["ok"] },
    });
    const stack = await t.finish(await t.engine.create("rb", { template }, { ...P, enableRollback: true }));
    expect(`${stack.action}_${stack.status}`).toBe("ROLLBACK_COMPLETE");
    expect(t.world.live.size).toBe(0);
    expect(t.world.entries("delete").sort()).toEqual(["ok", "slow"]);
    const stackEvents = (await t.store.listEvents(stack.id)).filter((e) => e.isStackEvent).map((e) => `${e.action}_${e.status}`);
    expect(stackEvents).toEqual(["CREATE_IN_PROGRESS", "CREATE_FAILED", "ROLLBACK_IN_PROGRESS", "ROLLBACK_COMPLETE"]);
  });

  it("times out like Heat and aborts running resources", async () => {
    const t = createTestEngine({ compile: handCompile });
    const template = tpl({ slow: { type: "Test::Slow", properties: { delay_ms: 120_000 } } });
    const started = t.clock.now();
    const stack = await t.finish(await t.engine.create("to", { template }, { ...P, timeoutMins: 1 }));
    expect(stack.statusReason).toBe("Create timed out");
    expect(t.clock.now() - started).toBeLessThan(61_000);
    expect((await t.engine.resources(stack.id))[0]).toMatchObject({ status: "FAILED", statusReason: "CREATE aborted" });
  });

  it("polls check hooks on the clock with back-off, so waits end close to their length", async () => {
    const t = createTestEngine({ compile: handCompile });
    const template = tpl({ a: { type: "Test::Slow", properties: { delay_ms: 10_000 } } });
    const started = t.clock.now();
    await t.finish(await t.engine.create("poll", { template }, P));
    const took = t.clock.now() - started;
    expect(took).toBeGreaterThanOrEqual(10_000);
    expect(took).toBeLessThanOrEqual(10_000 * 1.03);
  });

  it("runs independent resources in parallel, bounded by the concurrency", async () => {
    const t = createTestEngine({ compile: handCompile, concurrency: 3 });
    const resources = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`r${i}`, { type: "Test::Slow", properties: { delay_ms: 1000 } }]));
    const started = t.clock.now();
    await t.finish(await t.engine.create("par", { template: tpl(resources) }, P));
    const took = t.clock.now() - started;
    expect(took).toBeGreaterThanOrEqual(3000);
    expect(took).toBeLessThan(3200);
  });

  it("admits concurrent creates of one project one at a time: the stacks-per-project limit and unique names hold", async () => {
    const t = createTestEngine({ compile: handCompile, limits: { maxStacksPerTenant: 3 } });
    const template = tpl({ a: { type: "Test::Generic", properties: { value: "x" } } });
    const tries = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => t.engine.create(`s${i}`, { template }, P)));
    expect(tries.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    const refusals = tries.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => String(r.reason.message));
    expect(refusals).toHaveLength(5);
    for (const why of refusals) expect(why).toContain("maximum stacks per tenant, 3");
    const other = createTestEngine({ compile: handCompile });
    const same = await Promise.allSettled(Array.from({ length: 4 }, () => other.engine.create("twin", { template }, P)));
    expect(same.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await other.store.listStacks({ projectId: "p1" })).map((s) => s.name)).toEqual(["twin"]);
    // Another project is not held up by these (its own turn).
    await expect(t.engine.create("elsewhere", { template }, { projectId: "p2" })).resolves.toMatchObject({ stackId: expect.any(String) });
  });
});
