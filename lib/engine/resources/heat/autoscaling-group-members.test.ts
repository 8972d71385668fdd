import { describe, expect, it } from "vitest";
import { batchMembers, needsUpdate, newCapacity, nextBatch, removalOrder, type GroupMember } from "./autoscaling-group-members";

const def = { type: "OS::Nova::Server" };
const member = (name: string, type = "old"): GroupMember => ({ name, definition: { type } });

describe("rolling update arithmetic (Heat's rolling_update)", () => {
  it.each([
    // target, current, upToDate, batch, minInService -> capacity, batch (cases from Heat's unit tests)
    [10, 0, 0, 2, 0, 2, 2],
    [10, 10, 0, 2, 0, 10, 2],
    [10, 10, 0, 2, 10, 12, 2],
    [10, 12, 10, 2, 10, 10, 0],
    [3, 3, 0, 2, 3, 5, 2],
    [3, 5, 2, 2, 3, 4, 1],
    [3, 4, 3, 2, 3, 3, 0],
    [4, 4, 0, 2, 3, 5, 2],
    [2, 3, 1, 5, 2, 3, 1],
  ])("next_batch(%i, %i, %i, %i, %i) = (%i, %i)", (t, c, u, b, m, capacity, batch) => {
    expect(nextBatch(t, c, u, b, m)).toEqual({ capacity, batch });
  });

  it("needs_update stops only when every member is current at the target size", () => {
    expect(needsUpdate(3, 3, 3)).toBe(false);
    expect(needsUpdate(3, 4, 3)).toBe(true);
    expect(needsUpdate(3, 3, 2)).toBe(true);
    expect(() => nextBatch(3, 2, 3, 1, 0)).toThrow(/3 members up to date out of 2/);
  });
});

describe("member order and batches", () => {
  it("removes failed members first, then the oldest, then by name", () => {
    const members = [member("c"), member("a"), member("b")];
    expect(removalOrder(members, new Set()).map((m) => m.name)).toEqual(["c", "a", "b"]);
    expect(removalOrder(members, new Set(["b"])).map((m) => m.name)).toEqual(["b", "c", "a"]);
  });

  it("keeps the last members of the removal order and gives the batch the new definition", () => {
    let n = 0;
    const next = batchMembers([member("x"), member("y"), member("z")], 4, 2, (m) => m.definition.type === "old", def, () => `n${n++}`);
    // one member is created, one existing stale member replaced (the first in removal order)
    expect(next.map((m) => m.name)).toEqual(["n0", "y", "z", "n1"]);
    expect(batchMembers([member("x"), member("y")], 1, 0, () => true, def, () => "new").map((m) => m.name)).toEqual(["y"]);
  });
});

describe("capacity adjustments (Heat's calculate_new_capacity)", () => {
  it.each([
    [4, 2, "change_in_capacity", undefined, 6],
    [4, -9, "change_in_capacity", undefined, 1],
    [4, 7, "exact_capacity", undefined, 7],
    [4, 20, "exact_capacity", undefined, 8],
    [5, 33, "percent_change_in_capacity", undefined, 6], // 1.65 rounds down
    [5, -33, "percent_change_in_capacity", undefined, 4], // -1.65 rounds up
    [2, 10, "percent_change_in_capacity", undefined, 3], // 0.2 rounds away from zero
    [2, -10, "percent_change_in_capacity", undefined, 1],
    [4, 25, "percent_change_in_capacity", 3, 7], // min_adjustment_step lifts 1 to 3
  ])("%i %s %s (step %s) -> %i", (current, adjustment, type, step, expected) => {
    expect(newCapacity(current, adjustment, type, step, 1, 8)).toBe(expected);
  });

  it("names the bad adjustment type", () => {
    expect(() => newCapacity(1, 1, "double", undefined, 0, 4)).toThrow(/Unknown adjustment_type double/);
  });
});
