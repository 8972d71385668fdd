import { describe, expect, it } from "vitest";
import { parseTemplateDocument } from "./document";

describe("parseTemplateDocument", () => {
  it("reads YAML as Heat does: dates stay strings, y/n stay strings, on/off are booleans", () => {
    const doc = parseTemplateDocument("heat_template_version: 2018-08-31\na: y\nb: n\nc: on\nd: off\n");
    expect(doc.data).toEqual({ heat_template_version: "2018-08-31", a: "y", b: "n", c: true, d: false });
  });

  it("reads numbers as PyYAML does: 1e3 is text, 1.5e+3 a float, 010 octal, -0 zero", () => {
    const doc = parseTemplateDocument("a: 1e3\nb: 1.5e+3\nc: 010\nd: -0\ne: 1:30\n");
    expect(doc.data).toEqual({ a: "1e3", b: 1500, c: 8, d: 0, e: 90 });
    expect(Object.is((doc.data as { d: number }).d, -0)).toBe(false);
  });

  it("reads JSON, and still locates paths in it", () => {
    const doc = parseTemplateDocument('{"heat_template_version": "2016-10-14",\n "resources": {"a": {"type": "x"}}}');
    expect(doc.data).toEqual({ heat_template_version: "2016-10-14", resources: { a: { type: "x" } } });
    expect(doc.locate(["resources", "a", "type"])?.start).toEqual({ line: 2, column: 22 });
  });

  it("locates map keys and list items, falling back to the nearest ancestor", () => {
    const doc = parseTemplateDocument("resources:\n  server:\n    properties:\n      networks:\n        - port: p1\n", "t.yaml");
    expect(doc.locate(["resources", "server", "properties"])?.start).toEqual({ line: 3, column: 5 });
    expect(doc.locate(["resources", "server", "properties", "networks", 0, "port"])?.start).toEqual({ line: 5, column: 11 });
    expect(doc.locate(["resources", "server", "nope"])?.start).toEqual({ line: 2, column: 3 });
    expect(doc.locate(["resources"])?.file).toBe("t.yaml");
  });

  it("reports syntax errors with line and column", () => {
    const doc = parseTemplateDocument("a: [1, 2\nb: 3\n", "bad.yaml");
    expect(doc.data).toBeUndefined();
    expect(doc.diagnostics[0]).toMatchObject({ code: "yaml.syntax", range: { file: "bad.yaml" } });
    expect(doc.diagnostics[0].message).toMatch(/^Error parsing template bad.yaml: .* at line \d+, column \d+$/);
  });
});
