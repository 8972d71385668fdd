import { describe, expect, it } from "vitest";
import { busyStack, conflict, EngineError } from "../../errors";
import type { ResourceContext } from "../types";
import { whileBusy } from "./failover-steps";

/** A hook context with a clock of its own: untilStackFree and sleep record their calls and move the clock. */
function context(freeAfterMs: number) {
  let now = 0;
  const waits: [string, number][] = [];
  const sleeps: number[] = [];
  const ctx = {
    now: () => now,
    async untilStackFree(stackId: string, until: number) {
      waits.push([stackId, until]);
      now = Math.min(until, now + freeAfterMs);
    },
    async sleep(ms: number) {
      sleeps.push(ms);
      now += ms;
    },
  } as unknown as ResourceContext;
  return { ctx, waits, sleeps, now: () => now };
}

/** Work answering each of `answers` in turn (an error is thrown), then "done". */
function work(answers: Error[]) {
  let calls = 0;
  return {
    calls: () => calls,
    run: async () => {
      const answer = answers[calls++];
      if (answer) throw answer;
      return "done";
    },
  };
}

const child = { id: "child-1", name: "followers", action: "UPDATE" };

describe("whileBusy", () => {
  it("waits for a busy stack's lease to go and tries once more, instead of trying every 500 ms", async () => {
    const { ctx, waits, sleeps } = context(7_000);
    const w = work([busyStack(child, "engine-b")]);
    expect(await whileBusy(ctx, w.run)).toBe("done");
    expect(w.calls()).toBe(2);
    expect(waits).toEqual([["child-1", 30_000]]);
    expect(sleeps).toEqual([]);
  });

  it("pauses 500 ms after a Conflict naming no stack (a remote region's) and tries again", async () => {
    const { ctx, waits, sleeps } = context(0);
    const w = work([conflict("Stack followers is busy (RegionTwo)"), conflict("still")]);
    expect(await whileBusy(ctx, w.run)).toBe("done");
    expect(sleeps).toEqual([500, 500]);
    expect(waits).toEqual([]);
  });

  it("gives the Conflict back once 30 s have passed on the engine's clock", async () => {
    const { ctx, waits, now } = context(12_000);
    const busy = busyStack(child, "engine-b");
    const w = work(Array.from({ length: 100 }, () => busy));
    await expect(whileBusy(ctx, w.run)).rejects.toBe(busy);
    expect(now()).toBe(30_000);
    expect(waits.map(([, until]) => until)).toEqual([30_000, 30_000, 30_000]);
    expect(w.calls()).toBe(4);
  });

  it("bounds the tries too (a stack that reads free but stays busy), and passes other errors at once", async () => {
    const { ctx } = context(0);
    const spinning = work(Array.from({ length: 100 }, () => busyStack(child, "engine-b")));
    await expect(whileBusy(ctx, spinning.run)).rejects.toMatchObject({ code: "Conflict" });
    expect(spinning.calls()).toBe(60);
    const failing = work([new EngineError("BadRequest", "bad template")]);
    await expect(whileBusy(ctx, failing.run)).rejects.toThrow("bad template");
    expect(failing.calls()).toBe(1);
  });
});
