import { describe, expect, it } from "vitest";
import { cursorAt, outlineOf } from "./yaml-cursor";

/** The context where `|` marks the cursor. */
function ctx(text: string) {
  const lines = text.slice(0, text.indexOf("|")).split("\n");
  return cursorAt(text.replace("|", ""), lines.length, lines[lines.length - 1].length + 1);
}

describe("cursorAt", () => {
  it("finds a block key's path and the keys around it", () => {
    expect(ctx("resources:\n  a:\n    type: X\n    pro|\n    metadata: {}\n  b:\n    depends_on: a\n")).toEqual({
      path: ["resources", "a"], slot: "key", word: "pro", siblings: ["type", "metadata"], items: [],
    });
  });

  it("finds a block value, skipping comments and blank lines above", () => {
    expect(ctx("resources:\n  a:\n    # note\n\n    type: OS::No|")).toMatchObject({ path: ["resources", "a"], slot: "value", key: "type", word: "OS::No" });
  });

  it("counts list items as '-' segments and keys inside an item", () => {
    expect(ctx("a:\n  b:\n    - c: 1\n      d|")).toMatchObject({ path: ["a", "b", "-"], slot: "key", word: "d", siblings: ["c"] });
    expect(ctx("a:\n  - type: |")).toMatchObject({ path: ["a", "-"], slot: "value", key: "type" });
    expect(ctx("a:\n  b:\n    - x\n    - 'y'\n    - z|")).toMatchObject({ path: ["a", "b"], slot: "item", word: "z", items: ["x", "y"] });
  });

  it("follows nested flow collections with keys, values and list items", () => {
    expect(ctx("r:\n  w: { type: T, properties: { a: 1, b|")).toMatchObject({ path: ["r", "w", "properties"], slot: "key", word: "b", siblings: ["a"] });
    expect(ctx("r:\n  w: { type: OS::Ci|")).toMatchObject({ path: ["r", "w"], slot: "value", key: "type", word: "OS::Ci" });
    expect(ctx("o: { value: { get_attr: [web, 'x, y', fi|] } }")).toMatchObject({ path: ["o", "value", "get_attr"], slot: "item", word: "fi", items: ["web", "x, y"] });
    expect(ctx("o: [{ a: 1 }, { b|")).toMatchObject({ path: ["o", "-"], slot: "key", word: "b", siblings: [] });
  });

  it("treats a closed collection's keys as done and reads keys right of the cursor", () => {
    expect(ctx("w: { p: { a: 1 }, |, q: 2, r: { s: 3 } }")).toMatchObject({ path: ["w"], slot: "key", siblings: ["p", "q", "r"] });
  });

  it("sees a plain scalar value, even one holding brackets later", () => {
    expect(ctx("d: hello {|")).toMatchObject({ slot: "value", key: "d", word: "hello {" });
  });

  it("knows the type written beside the innermost properties key", () => {
    expect(ctx("r:\n  a:\n    type: 'X'\n    properties:\n      d:\n        type: Y # inner\n        properties:\n          |")?.propertiesType).toBe("Y");
    expect(ctx("r:\n  a: { type: X, properties: { d: { type: Y, properties: { |")?.propertiesType).toBe("Y");
    expect(ctx("r:\n  a:\n    type: X\n    properties: { |")?.propertiesType).toBe("X");
    expect(ctx("r:\n  a:\n    metadata:\n      |")?.propertiesType).toBeUndefined();
  });

  it("gives nothing in a comment", () => {
    expect(ctx("a: 1 # type: |")).toBeUndefined();
    expect(ctx("# |")).toBeUndefined();
  });
});

describe("outlineOf", () => {
  it("reads the version, parameters and resources with block, flow and quoted types", () => {
    const o = outlineOf(
      "heat_template_version: '2016-10-14'\nparameters:\n  p1:\n    type: string\n  p2: { type: number }\nresources:\n" +
        "  a:\n    type: OS::Heat::None\n    properties:\n      type: not-this\n  b: { type: \"OS::Nova::Server\", properties: {} }\n  c:\n    depends_on: a\n",
    );
    expect(o.version).toBe("2016-10-14");
    expect(o.parameters).toEqual(["p1", "p2"]);
    expect(outlineOf("conditions:\n  c1: true\n  c2:\n    not: c1\n").conditions).toEqual(["c1", "c2"]);
    expect([...o.resources]).toEqual([["a", "OS::Heat::None"], ["b", "OS::Nova::Server"], ["c", undefined]]);
  });

  it("answers the same object for the same text and a new one for new text", () => {
    const text = "resources:\n  a:\n    type: X\n";
    expect(outlineOf(text)).toBe(outlineOf(text));
    expect(outlineOf(`${text}  b: {}\n`).resources.has("b")).toBe(true);
  });
});
