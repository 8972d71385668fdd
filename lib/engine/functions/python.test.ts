import { describe, expect, it } from "vitest";
import { pyContains, pyEquals, pyJson, pyRepr, pyStr } from "./python";

describe("Python value semantics", () => {
  it("str() of scalars", () => {
    expect([pyStr(true), pyStr(false), pyStr(null), pyStr(3), pyStr(2.5), pyStr("x")]).toEqual(["True", "False", "None", "3", "2.5", "x"]);
  });

  it("json.dumps with sorted keys, Python separators and ASCII escapes", () => {
    expect(pyJson({ b: [1, null], a: "é\n" })).toBe('{"a": "\\u00e9\\n", "b": [1, null]}');
  });

  it("repr() for messages", () => {
    expect(pyRepr({ a: [1, "b"] })).toBe("{'a': [1, 'b']}");
  });

  it("== treats booleans as numbers and compares deeply", () => {
    expect(pyEquals(true, 1)).toBe(true);
    expect(pyEquals("1", 1)).toBe(false);
    expect(pyEquals({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(pyEquals([1], [1, 2])).toBe(false);
  });

  it("`in` is membership for lists and substring for strings", () => {
    expect(pyContains(["a", 1], 1)).toBe(true);
    expect(pyContains("hello", "ell")).toBe(true);
    expect(pyContains(["a"], "b")).toBe(false);
  });
});
