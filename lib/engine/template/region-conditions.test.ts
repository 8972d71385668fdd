import { describe, expect, it } from "vitest";
import { defaultRegistry } from "../resources";
import { compileStack } from ".";
import { ConditionReader } from "./region-conditions";
import { testOptions } from "./test-registry";
import type { StackInput } from "./types";

const compile = (input: Omit<StackInput, "templateName">, mode: "validate" | "strict" = "validate") =>
  compileStack({ templateName: "main.yaml", ...input }, { ...testOptions(mode), registry: defaultRegistry });
const crossRegion = (r: ReturnType<typeof compile>) => r.diagnostics.filter((d) => d.code === "region.cross").map((d) => d.message.replace(/.*; /, ""));

/** A provider that attaches the volume it is given to its server, unless `attach` is off; `pick` chooses the volume by `if`. */
const APP = `heat_template_version: 2018-08-31
parameters:
  vol_id: {type: string}
  spare_id: {type: string, default: none}
  attach: {type: boolean, default: true}
  use_spare: {type: boolean, default: false}
conditions:
  attaching: {get_param: attach}
  spare: {equals: [{get_param: use_spare}, true]}
resources:
  server:
    type: OS::Nova::Server
    properties: {flavor: m1.small, image: cirros}
  attach:
    type: OS::Cinder::VolumeAttachment
    condition: attaching
    properties:
      instance_uuid: {get_resource: server}
      volume_id: {if: [spare, {get_param: spare_id}, {get_param: vol_id}]}
`;

/** A RegionOne volume and a RegionTwo one, handed to a RegionTwo provider; `props` adds the provider's other parameters. */
const main = (props: string, parameters = "") => `heat_template_version: 2018-08-31
parameters:
  mode: {type: string${parameters}}
conditions:
  wanted: {equals: [{get_param: mode}, far]}
resources:
  near:
    type: OS::Cinder::Volume
    region: RegionTwo
    properties: {size: 1}
  far:
    type: OS::Cinder::Volume
    properties: {size: 1}
  app:
    type: app.yaml
    region: RegionTwo
    properties: {${props}}
`;
const files = { "app.yaml": APP };
const FAR = "far (RegionOne) -> app.yaml:attach (RegionTwo) via parameter vol_id of resource app";

describe("region provenance with conditions", () => {
  it("a resource whose condition is false inside a provider makes no connection", () => {
    expect(crossRegion(compile({ template: main("vol_id: {get_resource: far}"), files }))).toEqual([FAR]);
    expect(crossRegion(compile({ template: main("vol_id: {get_resource: far}, attach: false"), files }))).toEqual([]);
  });

  it("follows the `if` branch a known condition chooses, in the provider and in the root template", () => {
    const spare = "far (RegionOne) -> app.yaml:attach (RegionTwo) via parameter spare_id of resource app";
    const both = "vol_id: {get_resource: near}, spare_id: {get_resource: far}";
    expect(crossRegion(compile({ template: main(both), files }))).toEqual([]);
    expect(crossRegion(compile({ template: main(`${both}, use_spare: true`), files }))).toEqual([spare]);
    // the root's own `if`, decided by a parameter given at create
    const rooted = main("vol_id: {if: [wanted, {get_resource: far}, {get_resource: near}]}");
    expect(crossRegion(compile({ template: rooted, files, parameters: { mode: "near" } }, "strict"))).toEqual([]);
    expect(crossRegion(compile({ template: rooted, files, parameters: { mode: "far" } }, "strict"))).toEqual([FAR]);
  });

  it("follows both branches while the parameters known before anything runs do not decide the condition", () => {
    // a parameter the parent cannot know yet (a resource's attribute) leaves the provider's condition open
    const open = main("vol_id: {get_resource: near}, spare_id: {get_resource: far}, use_spare: {get_attr: [near, bootable]}");
    expect(crossRegion(compile({ template: open, files }))).toEqual(["far (RegionOne) -> app.yaml:attach (RegionTwo) via parameter spare_id of resource app"]);
    // ... and so does one that is not passed and has no default (the provider's own `attach` has one)
    const unset = APP.replace("use_spare: {type: boolean, default: false}", "use_spare: {type: boolean}");
    expect(crossRegion(compile({ template: main("vol_id: {get_resource: near}, spare_id: {get_resource: far}"), files: { "app.yaml": unset } }))).toHaveLength(1);
    // at the root, a condition's parameters must be known at validate (as in Heat), and a default decides it
    const defaulted = main("vol_id: {if: [wanted, {get_resource: far}, {get_resource: near}]}", ", default: near");
    expect(crossRegion(compile({ template: defaulted, files }))).toEqual([]);
    expect(crossRegion(compile({ template: defaulted, files, parameters: { mode: "far" } }))).toEqual([FAR]);
  });
});

describe("ConditionReader", () => {
  const reader = (conditions: Record<string, unknown>, literals: Record<string, unknown> = {}) => new ConditionReader({ conditions, literals: new Map(Object.entries(literals)) });

  it("decides HOT and CFN condition functions over known parameters, and leaves unknown ones open", () => {
    const r = reader(
      {
        prod: { equals: [{ get_param: "env" }, "prod"] },
        big: { "Fn::Equals": [{ Ref: "size" }, "large"] },
        either: { or: ["prod", "big"] },
        both: { "Fn::And": [{ Condition: "prod" }, "big"] },
        notProd: { "Fn::Not": ["prod"] },
        listed: { contains: [{ get_param: "env" }, ["dev", "prod"]] },
        loop: { not: "loop" },
      },
      { env: "prod" },
    );
    expect(["prod", "notProd", "listed", "either"].map((c) => r.holds(c))).toEqual([true, false, true, true]);
    expect([r.holds("big"), r.holds("both"), r.holds("loop"), r.holds("missing")]).toEqual([undefined, undefined, undefined, undefined]);
    expect([r.holds(true), r.holds(false), r.holds(undefined), r.holds({ not: false })]).toEqual([true, false, true, true]);
    expect(reader({ off: { and: [{ equals: [{ get_param: "x" }, 1] }, false] } }).holds("off")).toBe(false);
  });
});
