import { describe, expect, it } from "vitest";
import { keepUnchanged } from "./stable-elements";

const node = (id: string, x: number) => ({ id, position: { x, y: 0 }, data: { name: id } });

describe("keepUnchanged", () => {
  it("keeps the previous object of every element that did not change, and takes the new one that did", () => {
    const before = [node("a", 0), node("b", 10), node("c", 20)];
    const next = [node("a", 0), node("b", 99), node("c", 20), node("d", 30)];
    const kept = keepUnchanged(before, next);
    expect(kept[0]).toBe(before[0]);
    expect(kept[1]).toBe(next[1]);
    expect(kept[2]).toBe(before[2]);
    expect(kept[3]).toBe(next[3]);
  });

  it("answers the previous array itself when nothing changed, so React sees no update", () => {
    const before = [node("a", 0), node("b", 10)];
    expect(keepUnchanged(before, [node("a", 0), node("b", 10)])).toBe(before);
  });

  it("notices a removed or reordered element", () => {
    const before = [node("a", 0), node("b", 10)];
    expect(keepUnchanged(before, [node("a", 0)])).toEqual([before[0]]);
    const swapped = keepUnchanged(before, [node("b", 10), node("a", 0)]);
    expect(swapped).not.toBe(before);
    expect(swapped).toEqual([before[1], before[0]]);
  });

  it("hands back the caller's live copy of an unchanged element (React Flow's measured node)", () => {
    const basis = [node("a", 0), node("b", 10)];
    const live = [{ ...basis[0], measured: { width: 180 } }, { ...basis[1], measured: { width: 180 } }];
    const kept = keepUnchanged(basis, [node("a", 0), node("b", 50)], live, (id) => live.find((n) => n.id === id));
    expect(kept[0]).toBe(live[0]);
    expect(kept[1]).toEqual(node("b", 50));
  });
});
