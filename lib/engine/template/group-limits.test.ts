import { describe, expect, it } from "vitest";
import { compileStack } from ".";
import { HEAT_LIMITS } from "../limits";
import type { ResourcePlugin } from "../resources/types";
import { testOptions } from "./test-registry";

/** A group type sized by `size` (its memberCount declaration), with the test registry's other types. */
const GROUP: ResourcePlugin = {
  type: "Test::Group",
  description: "a group (template tests)",
  service: "Heat",
  properties: { size: { type: "integer" }, name: { type: "string" } },
  attributes: {},
  handlers: { create: async () => undefined },
  memberCount: (p) => (p.size === undefined ? undefined : { members: Number(p.size), property: "size" }),
};

function compile(resources: string, limit = 10, parameters: Record<string, unknown> = {}) {
  const base = testOptions("validate");
  const registry = { get: (t: string) => (t === GROUP.type ? GROUP : base.registry.get(t)), list: () => [...base.registry.list(), GROUP] };
  const template = `heat_template_version: 2018-08-31\nparameters:\n  n: {type: number, default: 1}\nresources:\n${resources}`;
  const result = compileStack({ template, templateName: "main.yaml", parameters }, { ...base, registry, limits: { ...HEAT_LIMITS, maxResourcesPerStack: limit } });
  return result.diagnostics.filter((d) => d.severity === "error");
}

describe("group sizes at validation", () => {
  it("accepts a stack whose resources and members reach the limit exactly", () => {
    expect(compile("  a: {type: OS::Heat::None}\n  g: {type: Test::Group, properties: {size: 8}}\n")).toEqual([]);
  });

  it("refuses the group that takes the stack over, at its sizing property with line and column", () => {
    const errors = compile("  a: {type: OS::Heat::None}\n  g:\n    type: Test::Group\n    properties:\n      size: 9\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "limit.exceeded", message: "Request limit exceeded: Maximum resources per stack exceeded.", path: ["resources", "g", "properties", "size"] });
    expect(errors[0].range?.start).toEqual({ line: 9, column: 7 });
  });

  it("counts the members of every group together", () => {
    const errors = compile("  g1: {type: Test::Group, properties: {size: 4}}\n  g2: {type: Test::Group, properties: {size: 5}}\n");
    expect(errors.map((e) => e.path)).toEqual([["resources", "g2", "properties", "size"]]);
  });

  it("reads a size from a parameter, given or by default", () => {
    const group = "  g: {type: Test::Group, properties: {size: {get_param: n}}}\n";
    expect(compile(group, 10, { n: "10" })).toHaveLength(1);
    expect(compile(group, 10, { n: "9" })).toEqual([]);
    expect(compile(group, 1)).toHaveLength(1); // the default, 1, and the group itself
  });

  it("leaves a size that reads another resource to create, and a limit of -1 off", () => {
    expect(compile("  v: {type: OS::Heat::Value, properties: {value: 5000}}\n  g: {type: Test::Group, properties: {size: {get_attr: [v, value]}}}\n")).toEqual([]);
    expect(compile("  g: {type: Test::Group, properties: {size: 5000}}\n", -1)).toEqual([]);
  });
});
