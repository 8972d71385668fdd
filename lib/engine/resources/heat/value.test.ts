import { describe, expect, it } from "vitest";
import { createHarness } from "../testing-context";
import { checkValueType, valueResource } from "./value";

describe("OS::Heat::Value", () => {
  it("exposes value, converted by type, and updates in place", async () => {
    const h = createHarness(valueResource, { properties: { value: "42", type: "number" } });
    await h.create();
    expect(await h.attribute("value")).toBe(42);
    expect(await h.update({ value: { a: [1] } })).toBe("in-place");
    expect(await h.attribute("value")).toEqual({ a: [1] });
  });

  it("checks the value against its declared type", () => {
    expect(() => checkValueType("abc", "number")).toThrow("is not a number");
    expect(() => checkValueType("a,b", "comma_delimited_list")).toThrow("is not a list");
    expect(() => checkValueType([1], "json")).toThrow("is not a map");
    expect(() => checkValueType("maybe", "boolean")).toThrow("is not a boolean");
    expect(() => checkValueType({ a: 1 }, "string")).toThrow("is not a string");
    expect(() => checkValueType(["a"], "comma_delimited_list")).not.toThrow();
    expect(() => checkValueType({ any: 1 }, undefined)).not.toThrow();
  });
});
