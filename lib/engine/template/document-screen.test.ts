import { describe, expect, it } from "vitest";
import { HEAT_LIMITS } from "../limits";
import { parseTemplateDocument } from "./document";

const HOT = "heat_template_version: 2018-08-31\n";
const only = (text: string, limits = HEAT_LIMITS) => {
  const doc = parseTemplateDocument(text, "t.yaml", limits);
  expect(doc.data).toBeUndefined();
  expect(doc.diagnostics).toHaveLength(1);
  return doc.diagnostics[0];
};

describe("screening template text and data", () => {
  it("refuses a text over max_template_size before parsing it, in Heat's words", () => {
    const d = only(`${HOT}description: ${"x".repeat(100)}\n`, { ...HEAT_LIMITS, maxTemplateSize: 64 });
    expect(d).toMatchObject({ code: "limit.exceeded", message: "Request limit exceeded: Template size (148 bytes) exceeds maximum allowed size (64 bytes)." });
  });

  it("locates JSON nested deeper than max_template_depth by line and column", () => {
    const d = only(`{"heat_template_version": "2018-08-31",\n "x": ${"[".repeat(200)}${"]".repeat(200)}}`);
    expect(d.code).toBe("limit.exceeded");
    expect(d.message).toBe("Request limit exceeded: the template nests lists and maps more than 100 deep (max_template_depth)");
    expect(d.range?.start).toEqual({ line: 2, column: 106 });
  });

  it("refuses a number too large to keep, naming where it is", () => {
    const d = only(`${HOT}x: ${"9".repeat(400)}\n`);
    expect(d.message).toBe("Template not in valid format: the number at x is too large to be represented at line 2, column 1");
  });

  it("refuses YAML aliases that expand too much (the billion laughs)", () => {
    const lines = ['a: &a ["l","l","l","l","l","l","l","l","l"]'];
    for (let i = 1; i < 8; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(i === 1 ? "*a" : `*a${i - 1}`).join(",")}]`);
    expect(only(`${HOT}${lines.join("\n")}\n`).message).toMatch(/^Request limit exceeded: the template's YAML aliases expand too much/);
  });

  it("keeps ordinary templates as they are", () => {
    const doc = parseTemplateDocument(`${HOT}x: [1, {a: [2.5]}]\n`);
    expect(doc.diagnostics).toEqual([]);
    expect(doc.data).toEqual({ heat_template_version: "2018-08-31", x: [1, { a: [2.5] }] });
  });
});
