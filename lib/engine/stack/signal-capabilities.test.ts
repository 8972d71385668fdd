import { describe, expect, it } from "vitest";
import { defineResource } from "../resources/define";
import { createTestEngine, flushAsync } from "../testing";

/** Counts signals; each takes 1 s of (fake) time. */
const counter = defineResource({
  type: "Test::Counter",
  service: "Heat",
  description: "counts signals",
  properties: {},
  attributes: {},
  handlers: {
    async create(ctx) {
      ctx.setPhysicalId(`counter-${ctx.name}`);
    },
    async signal(ctx) {
      await ctx.sleep?.(1000);
      ctx.setData("n", String(Number(ctx.data.n ?? 0) + 1));
    },
  },
});

/** Signals its target and notes what the target's data says afterwards. */
const caller = defineResource({
  type: "Test::Caller",
  service: "Heat",
  description: "signals a peer",
  properties: { target: { type: "string", required: true } },
  attributes: { url: { description: "signal url" } },
  handlers: {
    async create(ctx) {
      ctx.setPhysicalId("caller");
    },
    async signal(ctx) {
      const target = String(ctx.properties.target);
      await ctx.signalPeer!(target, {});
      ctx.note(`target count ${(await ctx.peer!(target))!.data.n}`);
    },
    attribute: async (ctx) => ctx.signalUrl?.("signal"),
  },
});

const template = `
heat_template_version: 2018-08-31
resources:
  counter: { type: Test::Counter }
  caller: { type: Test::Caller, properties: { target: { get_resource: counter } } }
outputs:
  url: { value: { get_attr: [caller, url] } }
`;

describe("signal capabilities for plugins", () => {
  it("handles signals to one resource one at a time; a waiting one is reported as queued", async () => {
    const t = createTestEngine({ plugins: [counter, caller] });
    const stack = await t.finish(await t.engine.create("s", { template }, { projectId: "p" }));
    const all = Promise.all([1, 2, 3].map(() => t.engine.signal(stack.id, "counter", {})));
    await t.clock.run(all);
    const rec = (await t.store.listResources(stack.id)).find((r) => r.name === "counter")!;
    expect(rec.data.n).toBe("3"); // none lost: each saw the count the one before left
    const events = (await t.store.listEvents(stack.id)).filter((e) => e.resourceName === "counter" && e.action === "SIGNAL");
    expect(events.filter((e) => e.status === "IN_PROGRESS").map((e) => e.reason)).toEqual([
      "Signal queued: an earlier signal to this resource is still being handled",
      "Signal queued: an earlier signal to this resource is still being handled",
    ]);
    expect(events.filter((e) => e.status === "COMPLETE")).toHaveLength(3);
  });

  it("close waits for a signal still being handled, so its result is stored before the store goes away", async () => {
    const t = createTestEngine({ plugins: [counter, caller] });
    const stack = await t.finish(await t.engine.create("s", { template }, { projectId: "p" }));
    const signal = t.engine.signal(stack.id, "counter", {});
    let closed = false;
    const close = t.engine.close().then(() => (closed = true));
    await flushAsync();
    expect(closed).toBe(false); // the counter's handler is still asleep on the fake clock
    await t.clock.run(Promise.all([signal, close]));
    const rec = (await t.store.listResources(stack.id)).find((r) => r.name === "counter")!;
    expect(rec.data.n).toBe("1");
  });

  it("signalPeer reaches another resource by reference id, and ctx.peer sees its new data after", async () => {
    const t = createTestEngine({ plugins: [counter, caller] });
    const stack = await t.finish(await t.engine.create("s", { template }, { projectId: "p" }));
    await t.clock.run(t.engine.signal(stack.id, "caller", {}));
    const reasons = (await t.store.listEvents(stack.id)).map((e) => `${e.resourceName}: ${e.reason}`);
    expect(reasons).toContain("caller: target count 1");
    expect(reasons).toContain("counter: Signal: {}");
  });

  it("gives plugins pre-signed URLs only when the engine has a presigner", async () => {
    const plain = createTestEngine({ plugins: [counter, caller] });
    const s1 = await plain.finish(await plain.engine.create("s", { template }, { projectId: "p" }));
    expect((await plain.engine.outputs(s1.id))[0].value ?? null).toBeNull();
    const signed = createTestEngine({ plugins: [counter, caller], presigner: { url: (x) => `https://h/${x.stackId}/${x.resource}/${x.action}` } });
    const s2 = await signed.finish(await signed.engine.create("s", { template }, { projectId: "p" }));
    expect((await signed.engine.outputs(s2.id))[0].value).toBe(`https://h/${s2.id}/caller/signal`);
  });
});
