/**
 * Group sizes known at validation: in the root template (a test group type), and inside provider
 * templates and OS::Heat::Stack / AWS::CloudFormation::Stack children (the real registry), where the
 * tree's resources are counted as Heat counts them into the root stack and the refusal names the
 * templates on the way and the sizing property, in validate and in strict (create) mode alike.
 */
import { describe, expect, it } from "vitest";
import { compileStack } from ".";
import { HEAT_LIMITS } from "../limits";
import { defaultRegistry } from "../resources";
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

const HOT = "heat_template_version: 2018-08-31\n";
/** A template holding one ResourceGroup of `count` (a literal or a snippet) of OS::Heat::None, and `extra` resources. */
const groupOf = (count: string, extra = "") => `${HOT}parameters:\n  n: {type: number, default: 2}\nresources:\n${extra}  group:\n    type: OS::Heat::ResourceGroup\n    properties: {count: ${count}, resource_def: {type: OS::Heat::None}}\n`;

/** The errors of compiling `template` (main.yaml) with `files` under a limit of 10 resources. */
function nested(template: string, files: Record<string, string>, mode: "validate" | "strict" = "validate", parameters: Record<string, unknown> = {}) {
  const options = { ...testOptions(mode), registry: defaultRegistry, limits: { ...HEAT_LIMITS, maxResourcesPerStack: 10 } };
  return compileStack({ template, templateName: "main.yaml", files, parameters }, options).diagnostics.filter((d) => d.severity === "error");
}
const REFUSED = "Request limit exceeded: Maximum resources per stack exceeded.";

describe("groups inside nested templates, at the parent's validation", () => {
  it("refuses a provider template's group over the limit, naming the file and the count, at the provider resource", () => {
    for (const mode of ["validate", "strict"] as const) {
      const errors = nested(`${HOT}resources:\n  r: {type: nested.yaml}\n`, { "nested.yaml": groupOf("5000") }, mode);
      expect(errors, mode).toEqual([expect.objectContaining({ code: "limit.exceeded", message: `nested.yaml: resources.group.properties.count: ${REFUSED}`, path: ["resources", "r", "type"] })]);
      expect(errors[0].range?.start.line).toBe(3);
    }
  });

  it("refuses an OS::Heat::Stack child's AutoScalingGroup by file, and an inline child by its resource", () => {
    const asg = `${HOT}resources:\n  asg:\n    type: OS::Heat::AutoScalingGroup\n    properties: {min_size: 1, max_size: 50, resource: {type: OS::Heat::None}}\n`;
    const byFile = nested(`${HOT}resources:\n  s:\n    type: OS::Heat::Stack\n    properties: {template: {get_file: child.yaml}}\n`, { "child.yaml": asg });
    expect(byFile).toEqual([expect.objectContaining({ message: `child.yaml: resources.asg.properties.max_size: ${REFUSED}`, path: ["resources", "s", "properties", "template"] })]);
    const inline = nested(`${HOT}resources:\n  s:\n    type: OS::Heat::Stack\n    properties:\n      template: ${JSON.stringify(groupOf("11"))}\n`, {}, "strict");
    expect(inline.map((e) => e.message)).toEqual([`the template of resource s: resources.group.properties.count: ${REFUSED}`]);
  });

  it("reads a nested count from the parameters the parent passes, or their defaults", () => {
    const provider = { "nested.yaml": groupOf("{get_param: n}") };
    expect(nested(`${HOT}resources:\n  r: {type: nested.yaml, properties: {n: 20}}\n`, provider)).toHaveLength(1);
    expect(nested(`${HOT}parameters:\n  size: {type: number}\nresources:\n  r: {type: nested.yaml, properties: {n: {get_param: size}}}\n`, provider, "validate", { size: "30" })).toHaveLength(1);
    expect(nested(`${HOT}resources:\n  r: {type: nested.yaml, properties: {n: 8}}\n`, provider)).toEqual([]);
    expect(nested(`${HOT}resources:\n  r: {type: nested.yaml}\n`, provider)).toEqual([]); // the default, 2
  });

  it("counts the whole tree: the parent's resources, each level's, and the templates on the way are named", () => {
    const files = { "outer.yaml": `${HOT}resources:\n  inner: {type: inner.yaml}\n`, "inner.yaml": groupOf("7") };
    // r, inner, group and 7 members: 10 resources, exactly the limit; one more resource in main.yaml is over
    expect(nested(`${HOT}resources:\n  r: {type: outer.yaml}\n`, files)).toEqual([]);
    const errors = nested(`${HOT}resources:\n  a: {type: OS::Heat::None}\n  r: {type: outer.yaml}\n`, files, "strict");
    expect(errors).toEqual([expect.objectContaining({ message: `outer.yaml -> inner.yaml: resources.group.properties.count: ${REFUSED}`, path: ["resources", "r", "type"] })]);
  });

  it("multiplies a group's members by the tree of a provider member", () => {
    const member = { "member.yaml": groupOf("2") };
    const group = (count: number) => `${HOT}resources:\n  g:\n    type: OS::Heat::ResourceGroup\n    properties: {count: ${count}, resource_def: {type: member.yaml}}\n`;
    // each member: itself, its group and 2 None = 4; 1 + 2 * 4 = 9 fits, 1 + 3 * 4 = 13 does not
    expect(nested(group(2), member)).toEqual([]);
    expect(nested(group(3), member)).toEqual([expect.objectContaining({ message: REFUSED, path: ["resources", "g", "properties", "count"] })]);
    // a member whose own group is over is refused there, through the member definition
    const big = nested(group(1), { "member.yaml": groupOf("40") });
    expect(big).toEqual([expect.objectContaining({ message: `member.yaml: resources.group.properties.count: ${REFUSED}`, path: ["resources", "g", "properties", "resource_def", "type"] })]);
  });

  it("leaves a nested size that reads a resource to create, and stops below max_nested_stack_depth", () => {
    const reads = `${HOT}resources:\n  v: {type: OS::Heat::Value, properties: {value: 5000}}\n  group:\n    type: OS::Heat::ResourceGroup\n    properties: {count: {get_attr: [v, value]}, resource_def: {type: OS::Heat::None}}\n`;
    expect(nested(`${HOT}resources:\n  r: {type: nested.yaml}\n`, { "nested.yaml": reads }, "strict")).toEqual([]);
    // a self-including stack: five levels of one resource each are counted, the sixth is refused when it is made
    const self = `${HOT}resources:\n  again:\n    type: OS::Heat::Stack\n    properties: {template: {get_file: main.yaml}}\n`;
    expect(nested(self, { "main.yaml": self })).toEqual([]);
  });
});
