import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { defaultRegistry } from "../resources";
import { compileStack } from ".";
import { testOptions } from "./test-registry";
import type { StackInput } from "./types";

const compile = (input: Omit<StackInput, "templateName">, mode: "validate" | "strict" = "validate") =>
  compileStack({ templateName: "main.yaml", ...input }, { ...testOptions(mode), registry: defaultRegistry });
const crossRegion = (r: ReturnType<typeof compile>) => r.diagnostics.filter((d) => d.code === "region.cross");

/** A provider template whose server and attachment live where the provider resource does. */
const APP = `heat_template_version: 2018-08-31
parameters:
  vol_id: {type: string}
resources:
  server:
    type: OS::Nova::Server
    properties: {flavor: m1.small, image: cirros}
  attach:
    type: OS::Cinder::VolumeAttachment
    properties:
      instance_uuid: {get_resource: server}
      volume_id: {get_param: vol_id}
outputs:
  server: {value: {get_resource: server}}
`;

const mainWith = (app: string, type = "app.yaml") => `heat_template_version: 2018-08-31
resources:
  volume:
    type: OS::Cinder::Volume
    properties: {size: 1}
  app:
    type: ${type}
    region: ${app}
    properties:
      vol_id: {get_resource: volume}
`;

describe("region provenance through provider templates", () => {
  it.each(["validate", "strict"] as const)("rejects a RegionOne volume attached inside a RegionTwo provider (%s), naming both and the path", (mode) => {
    const errs = crossRegion(compile({ template: mainWith("RegionTwo"), files: { "app.yaml": APP } }, mode));
    expect(errs).toHaveLength(1);
    expect(errs[0].message).toBe(
      'Resource "app.yaml:attach" (OS::Cinder::VolumeAttachment) in region RegionTwo cannot use "volume" (OS::Cinder::Volume) in region RegionOne ' +
        'for property volume_id: they must be in the same region; it would connect "volume" to "app.yaml:server" (OS::Nova::Server) in region RegionTwo; ' +
        "volume (RegionOne) -> app.yaml:attach (RegionTwo) via parameter vol_id of resource app",
    );
    // The marker sits where the root template hands the volume over, so the designer and CLI point at it.
    expect(errs[0].path).toEqual(["resources", "app", "properties", "vol_id"]);
    expect(errs[0].range?.start.line).toBe(10);
  });

  it("follows an environment's resource_registry alias to the template file", () => {
    const environments = [{ name: "env.yaml", text: "resource_registry:\n  My::App: app.yaml\n" }];
    const errs = crossRegion(compile({ template: mainWith("RegionTwo", "My::App"), files: { "app.yaml": APP }, environments }));
    expect(errs.map((e) => e.message)).toEqual([expect.stringMatching(/volume \(RegionOne\) -> app\.yaml:attach \(RegionTwo\) via parameter vol_id of resource app$/)]);
  });

  it("accepts the same tree when the provider lives in the volume's region", () => {
    const r = compile({ template: mainWith("RegionOne"), files: { "app.yaml": APP } }, "strict");
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("follows parameters through two levels of provider templates", () => {
    const outer = `heat_template_version: 2018-08-31
parameters:
  v: {type: string}
resources:
  inner:
    type: app.yaml
    region: RegionThree
    properties: {vol_id: {get_param: v}}
`;
    const template = mainWith("RegionOne", "outer.yaml").replace("vol_id:", "v:");
    const errs = crossRegion(compile({ template, files: { "app.yaml": APP, "outer.yaml": outer } }));
    expect(errs.map((e) => e.message)).toEqual([
      expect.stringMatching(
        /"outer\.yaml:app\.yaml:attach" .* in region RegionThree cannot use "volume" .*; volume \(RegionOne\) -> outer\.yaml:app\.yaml:attach \(RegionThree\) via parameter v of resource app, parameter vol_id of resource outer\.yaml:inner$/,
      ),
    ]);
    expect(errs[0].path).toEqual(["resources", "app", "properties", "v"]);
  });

  it("follows a reference out through a provider's output into the parent", () => {
    const template = `heat_template_version: 2018-08-31
resources:
  volume:
    type: OS::Cinder::Volume
    properties: {size: 1}
  app:
    type: app.yaml
    region: RegionTwo
    properties: {vol_id: dummy}
  attach:
    type: OS::Cinder::VolumeAttachment
    properties:
      instance_uuid: {get_attr: [app, server]}
      volume_id: {get_resource: volume}
`;
    const errs = crossRegion(compile({ template, files: { "app.yaml": APP } }));
    expect(errs.map((e) => e.message)).toEqual([
      expect.stringMatching(/^Resource "attach" .* cannot use "app\.yaml:server" \(OS::Nova::Server\) in region RegionTwo .*; app\.yaml:server \(RegionTwo\) -> attach \(RegionOne\) via output server of resource app$/),
    ]);
    expect(errs[0].path).toEqual(["resources", "attach", "properties", "instance_uuid"]);
  });

  it("checks a provider's own resources against each other (a region key inside the provider)", () => {
    const app = APP.replace("type: OS::Nova::Server", "type: OS::Nova::Server\n    region: RegionThree");
    const errs = crossRegion(compile({ template: mainWith("RegionOne"), files: { "app.yaml": app } }));
    expect(errs.map((e) => e.message)).toEqual([expect.stringMatching(/"app\.yaml:attach" .* cannot use "app\.yaml:server" .* in region RegionThree .*; app\.yaml:server \(RegionThree\) -> app\.yaml:attach \(RegionOne\)$/)]);
    expect(errs[0].path).toEqual(["resources", "app"]);
  });
});

describe("region provenance through OS::Heat::Stack children", () => {
  const stackTemplate = (context: string, template: string) => `heat_template_version: 2018-08-31
resources:
  volume:
    type: OS::Cinder::Volume
    properties: {size: 1}
  child:
    type: OS::Heat::Stack
    properties:
${context}      parameters: {vol_id: {get_resource: volume}}
      template: ${template}
`;
  const inline = JSON.stringify(parseYaml(APP)); // a map, in YAML's flow style

  it("follows an inline template into context.region_name", () => {
    const errs = crossRegion(compile({ template: stackTemplate("      context: {region_name: RegionTwo}\n", inline) }));
    expect(errs.map((e) => e.message)).toEqual([expect.stringMatching(/; volume \(RegionOne\) -> child:attach \(RegionTwo\) via parameter vol_id of resource child$/)]);
    expect(errs[0].path).toEqual(["resources", "child", "properties", "parameters", "vol_id"]);
  });

  it("follows a template given as text or get_file, in the stack resource's own region without a context", () => {
    const text = JSON.stringify(APP);
    expect(crossRegion(compile({ template: stackTemplate("", text) }))).toEqual([]);
    const moved = stackTemplate("", "{get_file: app.yaml}").replace("type: OS::Heat::Stack", "type: OS::Heat::Stack\n    region: RegionThree");
    const errs = crossRegion(compile({ template: moved, files: { "app.yaml": APP } }));
    expect(errs.map((e) => e.message)).toEqual([expect.stringMatching(/volume \(RegionOne\) -> child:attach \(RegionThree\) via parameter vol_id of resource child$/)]);
  });
});

describe("region provenance through group member definitions", () => {
  it("rejects a ResourceGroup whose members attach a volume of another region", () => {
    const template = `heat_template_version: 2018-08-31
resources:
  volume:
    type: OS::Cinder::Volume
    properties: {size: 1}
  server:
    type: OS::Nova::Server
    region: RegionTwo
    properties: {flavor: m1.small, image: cirros}
  attachments:
    type: OS::Heat::ResourceGroup
    region: RegionTwo
    properties:
      count: 2
      resource_def:
        type: OS::Cinder::VolumeAttachment
        properties:
          instance_uuid: {get_resource: server}
          volume_id: {get_resource: volume}
`;
    const errs = crossRegion(compile({ template }));
    expect(errs.map((e) => e.message)).toEqual([
      expect.stringMatching(/^Resource "attachments\[\*\]" \(OS::Cinder::VolumeAttachment\) in region RegionTwo cannot use "volume" .*; volume \(RegionOne\) -> attachments\[\*\] \(RegionTwo\) via property resource_def of resource attachments$/),
    ]);
    expect(errs[0].path).toEqual(["resources", "attachments", "properties", "resource_def", "properties", "volume_id"]);
  });

  it("rejects an AutoScalingGroup whose provider members attach a volume of another region, and a reference to its members", () => {
    const template = `heat_template_version: 2018-08-31
resources:
  volume:
    type: OS::Cinder::Volume
    properties: {size: 1}
  group:
    type: OS::Heat::AutoScalingGroup
    region: RegionThree
    properties:
      min_size: 1
      max_size: 2
      resource:
        type: app.yaml
        properties: {vol_id: {get_resource: volume}}
  attach:
    type: OS::Cinder::VolumeAttachment
    properties:
      instance_uuid: {get_attr: [group, outputs_list, server]}
      volume_id: {get_resource: volume}
`;
    const errs = crossRegion(compile({ template, files: { "app.yaml": APP } }));
    expect(errs.map((e) => e.message).sort()).toEqual([
      expect.stringMatching(/^Resource "attach" .* cannot use "group\[\*\]:app\.yaml:server" .* in region RegionThree .*via output server of resource group\[\*\]$/),
      expect.stringMatching(/^Resource "group\[\*\]:app\.yaml:attach" .*; volume \(RegionOne\) -> group\[\*\]:app\.yaml:attach \(RegionThree\) via property resource of resource group, parameter vol_id of resource group\[\*\]$/),
    ]);
    expect(errs.map((e) => e.path).sort()).toEqual([
      ["resources", "attach", "properties", "instance_uuid"],
      ["resources", "group", "properties", "resource", "properties", "vol_id"],
    ]);
  });
});

describe("region provenance from a CFN template", () => {
  it("follows Ref and Fn::GetAtt into a provider template's parameters as it follows get_resource and get_attr", () => {
    const template = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  volume: {Type: OS::Cinder::Volume, Properties: {size: 1}}
  app: {Type: app.yaml, Properties: {vol_id: {Ref: volume}}}
  other: {Type: app.yaml, Properties: {vol_id: {"Fn::GetAtt": [volume, show]}}}
`;
    // CFN resources have no region key: the provider's resources name theirs.
    const app = APP.replace(/(type: OS::(Nova::Server|Cinder::VolumeAttachment))/g, "$1\n    region: RegionTwo");
    const errs = crossRegion(compile({ template, files: { "app.yaml": app } }));
    expect(errs.map((e) => e.message.replace(/.*; /, "")).sort()).toEqual([
      "volume (RegionOne) -> app.yaml:attach (RegionTwo) via parameter vol_id of resource app",
      "volume (RegionOne) -> app.yaml:attach (RegionTwo) via parameter vol_id of resource other",
    ]);
  });
});
