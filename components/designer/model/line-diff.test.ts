import { describe, expect, it } from "vitest";
import { lineDiff } from "./line-diff";

describe("lineDiff", () => {
  it("shows an added line with its context", () => {
    expect(lineDiff("a\nb\nc\nd\n", "a\nb\nX\nc\nd\n", 1)).toEqual([
      { kind: "same", text: "b", line: 2 },
      { kind: "added", text: "X", line: 3 },
      { kind: "same", text: "c", line: 4 },
    ]);
  });

  it("pairs changes apart in one middle and returns nothing for equal texts", () => {
    const d = lineDiff("x\n1\n2\n3\ny\n", "X\n1\n2\n3\nY\n", 0);
    expect(d.filter((l) => l.kind !== "same").map((l) => `${l.kind}:${l.text}`)).toEqual(["added:X", "removed:x", "added:Y", "removed:y"]);
    expect(lineDiff("same\n", "same\n")).toEqual([]);
  });
});
