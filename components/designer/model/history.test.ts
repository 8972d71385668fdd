import { describe, expect, it } from "vitest";
import { current, HISTORY_LIMIT, push, redo, startHistory, undo } from "./history";

describe("history", () => {
  it("undoes and redoes, and a new text drops the redo tail", () => {
    let h = push(push(startHistory("a"), "b"), "c");
    h = undo(undo(h));
    expect(current(h)).toBe("a");
    expect(current(undo(h))).toBe("a");
    h = redo(h);
    expect(current(h)).toBe("b");
    h = push(h, "d");
    expect(h.entries).toEqual(["a", "b", "d"]);
    expect(redo(h)).toBe(h);
  });

  it("ignores a repeated text and keeps at most the limit", () => {
    const h = startHistory("x");
    expect(push(h, "x")).toBe(h);
    let long = h;
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) long = push(long, String(i));
    expect(long.entries).toHaveLength(HISTORY_LIMIT);
    expect(current(long)).toBe(String(HISTORY_LIMIT + 4));
  });
});
