import { describe, expect, it } from "vitest";
import { textDelta } from "./text-delta";

/** Applies a delta the way the editor does. */
const apply = (before: string, after: string) => {
  const d = textDelta(before, after);
  return d ? before.slice(0, d.start) + d.text + before.slice(d.end) : before;
};

describe("text delta", () => {
  it("replaces only the span that differs", () => {
    expect(textDelta("a: 1\nb: 2\nc: 3\n", "a: 1\nb: 20\nc: 3\n")).toEqual({ start: 9, end: 9, text: "0" });
    expect(textDelta("resources:\n  a: x\n", "resources:\n  a: x\n  b: y\n")).toEqual({ start: 18, end: 18, text: "  b: y\n" });
    expect(textDelta("same", "same")).toBeUndefined();
  });

  it("always rebuilds the new text, also when head and tail overlap", () => {
    const pairs: [string, string][] = [["aaa", "aa"], ["aa", "aaa"], ["abcabc", "abc"], ["", "x"], ["x", ""], ["ab\nab\n", "ab\n"], ["net: 1", "subnet: 1"]];
    for (const [before, after] of pairs) expect(apply(before, after)).toBe(after);
  });
});
