import { describe, expect, it } from "vitest";
import { GroupCommit, type Outcome } from "./group-commit";

/** A group commit over numbers whose batches are recorded; `bad` units fail their batch. */
function recorder() {
  const batches: number[][] = [];
  const commit = new GroupCommit<number, number>(async (units) => {
    batches.push(units);
    if (units.some((u) => u < 0) && units.length > 1) throw new Error("batch refused");
    return units.map((u): Outcome<number> => (u < 0 ? { ok: false, error: new Error(`unit ${u}`) } : { ok: true, value: u * 10 }));
  });
  return { batches, commit };
}

describe("GroupCommit", () => {
  it("applies the units submitted in one turn of the event loop as one batch, answering each", async () => {
    const { batches, commit } = recorder();
    expect(await Promise.all([1, 2, 3].map((u) => commit.submit(u)))).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it("gives the units of a later turn their own batch", async () => {
    const { batches, commit } = recorder();
    const first = commit.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [commit.submit(2), commit.submit(3)];
    await Promise.all([first, ...later]);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it("retries a failed batch unit by unit, so only the bad unit fails", async () => {
    const { batches, commit } = recorder();
    const results = await Promise.allSettled([commit.submit(1), commit.submit(-1), commit.submit(2)]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(batches).toEqual([[1, -1, 2], [1], [-1], [2]]);
  });

  it("runs a unit submitted with `now` at once when nothing waits, and tells when all is answered", async () => {
    const { batches, commit } = recorder();
    const now = commit.submit(4, true);
    expect(batches).toEqual([[4]]);
    await now;
    const queued = commit.submit(5);
    let idle = false;
    const watching = commit.idle().then(() => (idle = true));
    expect(idle).toBe(false);
    await queued;
    await watching;
    expect(idle).toBe(true);
  });
});
