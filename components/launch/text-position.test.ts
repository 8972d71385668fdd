import { describe, expect, it } from "vitest";
import { offsetAt } from "./text-position";

describe("offsetAt", () => {
  const text = "heat_template_version: 2018-08-31\nresources:\n  server: {}\n";

  it("finds a 1-based line and column", () => {
    expect(offsetAt(text, 1, 1)).toBe(0);
    expect(text.slice(offsetAt(text, 2, 1))).toMatch(/^resources:/);
    expect(text.slice(offsetAt(text, 3, 3))).toMatch(/^server:/);
  });

  it("clamps a column past the line end and a line past the text end", () => {
    expect(offsetAt(text, 2, 99)).toBe(text.indexOf("\n  server"));
    expect(offsetAt(text, 40, 1)).toBe(text.length);
    expect(offsetAt("abc", 1, 0)).toBe(0);
  });
});
