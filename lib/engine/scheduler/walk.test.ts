import { describe, expect, it } from "vitest";
import { DependencyGraph } from "../graph";
import { FakeClock } from "../testing/fake-clock";
import { walkGraph, WalkTimeoutError } from "./walk";

/** A task whose nodes finish when the test says so; records start order and peak concurrency. */
function controlled() {
  const started: string[] = [];
  const finishers = new Map<string, { ok: () => void; fail: (e: Error) => void }>();
  let running = 0;
  let peak = 0;
  const task = (node: string, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      started.push(node);
      running++;
      peak = Math.max(peak, running);
      const end = () => running--;
      finishers.set(node, { ok: () => (end(), resolve()), fail: (e) => (end(), reject(e)) });
      signal.addEventListener("abort", () => (end(), reject(signal.reason)), { once: true });
    });
  return { started, finishers, task, peak: () => peak };
}

const tick = () => new Promise((r) => setImmediate(r));

describe("walkGraph", () => {
  const diamond = DependencyGraph.fromDependencies({ net: [], subnet: ["net"], port: ["subnet"], vol: [], server: ["port", "vol"] });

  it("starts a node the moment its last dependency finishes", async () => {
    const c = controlled();
    const result = walkGraph(diamond, c.task, { concurrency: 10 });
    await tick();
    expect(c.started.sort()).toEqual(["net", "vol"]);
    c.finishers.get("net")!.ok();
    await tick();
    expect(c.started).toContain("subnet");
    expect(c.started).not.toContain("server");
    c.finishers.get("subnet")!.ok();
    await tick();
    c.finishers.get("port")!.ok();
    await tick();
    expect(c.started).not.toContain("server");
    c.finishers.get("vol")!.ok();
    await tick();
    expect(c.started).toContain("server");
    c.finishers.get("server")!.ok();
    const r = await result;
    expect([...r.outcomes.values()].every((o) => o.status === "complete")).toBe(true);
    expect(r.failed).toEqual([]);
  });

  it("never runs more than `concurrency` tasks at once", async () => {
    const flat = DependencyGraph.fromDependencies(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`r${i}`, []])));
    let running = 0;
    let peak = 0;
    const r = await walkGraph(
      flat,
      async () => {
        running++;
        peak = Math.max(peak, running);
        await tick();
        running--;
      },
      { concurrency: 4 },
    );
    expect(peak).toBe(4);
    expect(r.outcomes.size).toBe(50);
  });

  it("skips dependents of a failed node naming the upstream failure, and keeps independent branches when asked", async () => {
    const r = await walkGraph(
      diamond,
      async (n) => {
        if (n === "subnet") throw new Error("boom");
      },
      { concurrency: 1, stopOnFailure: false },
    );
    expect(r.outcomes.get("subnet")).toMatchObject({ status: "failed" });
    expect(r.outcomes.get("port")).toEqual({ status: "skipped", reason: "dependency subnet failed" });
    expect(r.outcomes.get("server")).toEqual({ status: "skipped", reason: "dependency subnet failed" });
    expect(r.outcomes.get("vol")).toEqual({ status: "complete" });
    expect(r.failed).toEqual(["subnet"]);
  });

  it("starts nothing new after a failure by default, letting running tasks finish", async () => {
    const c = controlled();
    const result = walkGraph(diamond, c.task, { concurrency: 10 });
    await tick();
    c.finishers.get("net")!.fail(new Error("quota"));
    await tick();
    c.finishers.get("vol")!.ok();
    const r = await result;
    expect(r.outcomes.get("vol")).toEqual({ status: "complete" });
    expect(r.outcomes.get("subnet")).toEqual({ status: "skipped", reason: "dependency net failed" });
    expect(c.started).not.toContain("server");
  });

  it("walks dependents first in reverse", async () => {
    const order: string[] = [];
    await walkGraph(diamond, async (n) => void order.push(n), { concurrency: 1, reverse: true });
    expect(order[0]).toBe("server");
    expect(order.indexOf("port")).toBeLessThan(order.indexOf("subnet"));
    expect(order.indexOf("subnet")).toBeLessThan(order.indexOf("net"));
  });

  it("walks a subset, still ordered through excluded nodes", async () => {
    const order: string[] = [];
    const r = await walkGraph(diamond, async (n) => void order.push(n), {
      concurrency: 1,
      reverse: true,
      only: new Set(["server", "net"]),
    });
    expect(order).toEqual(["server", "net"]);
    expect(r.outcomes.size).toBe(2);
  });

  it("cancels running tasks and skips the rest when its signal aborts", async () => {
    const c = controlled();
    const abort = new AbortController();
    const result = walkGraph(diamond, c.task, { concurrency: 10, signal: abort.signal });
    await tick();
    abort.abort(new Error("user cancel"));
    const r = await result;
    expect(r.cancelled).toBe(true);
    expect(r.outcomes.get("net")).toMatchObject({ status: "failed" });
    expect(r.outcomes.get("server")).toEqual({ status: "skipped", reason: "not started: the operation was cancelled" });
  });

  it("times out on the given clock", async () => {
    const clock = new FakeClock();
    const c = controlled();
    const result = walkGraph(diamond, c.task, { concurrency: 10, timeout: { ms: 60_000, clock } });
    await clock.advance(59_999);
    expect(c.started.sort()).toEqual(["net", "vol"]);
    await clock.advance(1);
    const r = await result;
    expect(r.timedOut).toBe(true);
    expect(r.cancelled).toBe(false);
    const net = r.outcomes.get("net");
    expect(net?.status === "failed" && net.error).toBeInstanceOf(WalkTimeoutError);
  });

  it("handles an empty graph and a 10000-long chain", async () => {
    expect((await walkGraph(new DependencyGraph([], []), async () => undefined, { concurrency: 2 })).outcomes.size).toBe(0);
    const deps: Record<string, string[]> = {};
    for (let i = 0; i < 10_000; i++) deps[`r${i}`] = i ? [`r${i - 1}`] : [];
    const chain = DependencyGraph.fromDependencies(deps);
    const r = await walkGraph(chain, async (n) => {
      if (n === "r0") throw new Error("first");
    }, { concurrency: 8 });
    expect(r.outcomes.get("r9999")).toEqual({ status: "skipped", reason: "dependency r0 failed" });
  });

  it("treats a task that throws synchronously as failed", async () => {
    const r = await walkGraph(DependencyGraph.fromDependencies({ a: [] }), (() => {
      throw new Error("sync");
    }) as never, { concurrency: 1 });
    expect(r.outcomes.get("a")).toMatchObject({ status: "failed" });
  });
});
