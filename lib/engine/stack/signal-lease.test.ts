import { describe, expect, it } from "vitest";
import { defineResource } from "../resources/define";
import { createTestEngine } from "../testing";
import { signalLeaseKey } from "./signal-lease";

/** Counts signals; each takes `delay_ms` of (fake) time between reading the count and writing it. */
const counter = defineResource({
  type: "Test::SlowCounter",
  service: "Heat",
  description: "counts signals slowly",
  properties: { delay_ms: { type: "number", default: 1000 } },
  attributes: {},
  handlers: {
    async create(ctx) {
      ctx.setPhysicalId(`counter-${ctx.name}`);
    },
    async signal(ctx) {
      const seen = Number(ctx.data.n ?? 0);
      await ctx.sleep?.(Number(ctx.properties.delay_ms));
      ctx.setData("n", String(seen + 1));
    },
  },
});

const template = (delayMs: number) => `
heat_template_version: 2018-08-31
resources:
  counter: { type: Test::SlowCounter, properties: { delay_ms: ${delayMs} } }
`;

function twoEngines() {
  const a = createTestEngine({ plugins: [counter], owner: "engine-a", lockTtlMs: 10_000 });
  const b = createTestEngine({ plugins: [counter], owner: "engine-b", lockTtlMs: 10_000, clock: a.clock, store: a.store, world: a.world });
  return { a, b };
}

describe("signals to one resource across engines", () => {
  it("two engines sharing a store handle signals to one resource one at a time; the later one is reported queued", async () => {
    const { a, b } = twoEngines();
    const stack = await a.finish(await a.engine.create("s", { template: template(20_000) }, { projectId: "p" }));
    const both = Promise.all([a.engine.signal(stack.id, "counter", {}), b.engine.signal(stack.id, "counter", {})]);
    await a.clock.run(both);
    const rec = (await a.store.listResources(stack.id)).find((r) => r.name === "counter")!;
    expect(rec.data.n).toBe("2"); // each saw what the other left: the 20 s handling outlived two lease lengths, renewed
    const reasons = (await a.store.listEvents(stack.id)).filter((e) => e.action === "SIGNAL").map((e) => `${e.status} ${e.reason}`);
    expect(reasons.filter((r) => r.startsWith("IN_PROGRESS Signal queued: an earlier signal to this resource is being handled by engine-"))).toHaveLength(1);
    expect(reasons.filter((r) => r.startsWith("COMPLETE"))).toHaveLength(2);
    expect(await a.store.getLock(signalLeaseKey(stack.id, "counter"))).toBeUndefined();
  });

  it("a handler whose lease is lost (taken by a peer after this engine stalled) stops and records nothing more", async () => {
    const { a } = twoEngines();
    const stack = await a.finish(await a.engine.create("s", { template: template(600_000) }, { projectId: "p" }));
    const key = signalLeaseKey(stack.id, "counter");
    const handling = a.engine.signal(stack.id, "counter", {}).catch((e: unknown) => e);
    await a.clock.advance(1000);
    await a.store.releaseLock(key, "engine-a"); // as if it had expired while engine-a stalled ...
    expect(await a.store.acquireLock(key, "engine-b", 10_000)).toBe(true); // ... and a peer took it
    await a.clock.advance(5000);
    expect(await a.clock.run(handling)).toMatchObject({ code: "Conflict", message: `Signal to counter stopped: the signal lease ${key} was lost` });
    const signals = (await a.store.listEvents(stack.id)).filter((e) => e.action === "SIGNAL");
    expect(signals).toEqual([]); // neither COMPLETE nor FAILED: the outcome is the peer's to record
    expect((await a.store.getLock(key))?.owner).toBe("engine-b");
  });

  it("a signal waiting for a crashed engine's lease is handled once the lease expires", async () => {
    const { a, b } = twoEngines();
    const stack = await a.finish(await a.engine.create("s", { template: template(600_000) }, { projectId: "p" }));
    void a.engine.signal(stack.id, "counter", {}).catch(() => undefined);
    await a.clock.advance(1000);
    expect((await a.store.getLock(signalLeaseKey(stack.id, "counter")))?.owner).toBe("engine-a");
    a.engine.simulateCrash();
    const waiting = b.engine.signal(stack.id, "counter", {});
    await a.clock.advance(5000);
    expect((await a.store.getLock(signalLeaseKey(stack.id, "counter")))?.owner).toBe("engine-a"); // not expired yet
    await a.clock.run(waiting, 700_000);
    expect(a.clock.now()).toBeLessThan(Date.UTC(2026, 0, 1) + 1000 + 10_000 + 2000 + 600_000 + 1000);
    const rec = (await a.store.listResources(stack.id)).find((r) => r.name === "counter")!;
    expect(rec.data.n).toBe("1"); // the crashed engine wrote nothing; engine-b's signal counted once
  });
});
