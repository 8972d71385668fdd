import { describe, expect, it } from "vitest";
import { defaultRegistry } from "../resources";
import { createTestEngine } from "../testing";
import { compileStack } from ".";
import { CFN_VOLUME_CHILD as CHILD } from "./region-fixtures";
import { testOptions } from "./test-registry";
import type { StackInput } from "./types";

const compile = (input: Omit<StackInput, "templateName">, mode: "validate" | "strict" = "validate") =>
  compileStack({ templateName: "main.yaml", ...input }, { ...testOptions(mode), registry: defaultRegistry });
const crossRegion = (r: ReturnType<typeof compile>) => r.diagnostics.filter((d) => d.code === "region.cross");

/** A HOT root handing a RegionOne volume to a RegionTwo child of `type` with `props`. */
const root = (type: string, props: string) => `heat_template_version: 2018-08-31
resources:
  volume:
    type: OS::Cinder::Volume
    properties: {size: 1}
  child:
    type: ${type}
    region: RegionTwo
    properties: ${props}
`;

describe("region provenance through CFN-format nested templates", () => {
  it("follows AWS::CloudFormation::Stack's TemplateURL into the request's files and its Parameters", () => {
    const errs = crossRegion(compile({ template: root("AWS::CloudFormation::Stack", "{TemplateURL: child.template, Parameters: {VolId: {get_resource: volume}}}"), files: { "child.template": CHILD } }));
    expect(errs.map((e) => e.message)).toEqual([
      'Resource "child:attach" (OS::Cinder::VolumeAttachment) in region RegionTwo cannot use "volume" (OS::Cinder::Volume) in region RegionOne for property volume_id: ' +
        'they must be in the same region; it would connect "volume" to "child:server" (OS::Nova::Server) in region RegionTwo; ' +
        "volume (RegionOne) -> child:attach (RegionTwo) via parameter VolId of resource child",
    ]);
    expect(errs[0].path).toEqual(["resources", "child", "properties", "Parameters", "VolId"]);
  });

  it("follows a CFN template used as a provider template, and leaves out what its conditions leave out", () => {
    const files = { "child.template": CHILD };
    const errs = crossRegion(compile({ template: root("child.template", "{VolId: {get_resource: volume}}"), files }, "strict"));
    expect(errs.map((e) => e.message.replace(/.*; /, ""))).toEqual(["volume (RegionOne) -> child.template:attach (RegionTwo) via parameter VolId of resource child"]);
    // the CFN provider compiles whole at create (strict), and with its attachment switched off nothing is wrong
    const off = compile({ template: root("child.template", '{VolId: {get_resource: volume}, Attach: "no"}'), files }, "strict");
    expect(off.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("follows Fn::GetAtt [stack, Outputs.<name>] out of a child into a CFN root", () => {
    const template = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  volume: {Type: OS::Cinder::Volume, Properties: {size: 1}}
  child: {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: server.yaml}}
  attach:
    Type: OS::Cinder::VolumeAttachment
    Properties: {instance_uuid: {"Fn::GetAtt": [child, Outputs.Server]}, volume_id: {Ref: volume}}
`;
    // CFN resources have no region key: the HOT child's server names its own region
    const server = (region: string) => `heat_template_version: 2018-08-31
resources:
  server: {type: OS::Nova::Server, region: ${region}, properties: {flavor: m1.small, image: cirros}}
outputs:
  Server: {value: {get_resource: server}}
`;
    const errs = crossRegion(compile({ template, files: { "server.yaml": server("RegionTwo") } }));
    expect(errs.map((e) => e.message.replace(/.*; /, ""))).toEqual(["child:server (RegionTwo) -> attach (RegionOne) via output Server of resource child"]);
    expect(errs[0].path).toEqual(["Resources", "attach", "Properties", "instance_uuid"]);
    expect(crossRegion(compile({ template, files: { "server.yaml": server("RegionOne") } }))).toEqual([]);
  });
});

describe("a CFN provider template", () => {
  it("runs as a nested stack: its Parameters are the resource's properties, its Outputs its attributes", async () => {
    const child = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Greeting: {Type: String, Default: hi}
Resources:
  said: {Type: OS::Heat::Value, Properties: {value: {Ref: Greeting}}}
Outputs:
  Said: {Value: {"Fn::GetAtt": [said, value]}}
`;
    const template = `heat_template_version: 2018-08-31
resources:
  greeter: {type: greeter.template, properties: {Greeting: hello}}
outputs:
  said: {value: {get_attr: [greeter, Said]}}
`;
    const t = createTestEngine();
    const stack = await t.finish(await t.engine.create("cfn-provider", { template, files: { "greeter.template": child } }, { projectId: "p1" }));
    expect(`${stack.action}_${stack.status}`).toBe("CREATE_COMPLETE");
    expect((await t.engine.outputs(stack.id)).map((o) => [o.key, o.value])).toEqual([["said", "hello"]]);
  });
});
