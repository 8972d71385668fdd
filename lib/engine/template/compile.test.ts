import { describe, expect, it } from "vitest";
import { ValidationError } from "../diagnostics";
import { compileStack, listTemplateVersions, TEMPLATE_VERSIONS } from ".";
import { testOptions } from "./test-registry";
import type { RuntimeView, StackInput } from "./types";

const compile = (template: string, extra: Partial<StackInput> = {}, mode: "validate" | "strict" = "validate") =>
  compileStack({ template, templateName: "main.yaml", ...extra }, testOptions(mode));
const errors = (r: ReturnType<typeof compile>) => r.diagnostics.filter((d) => d.severity === "error");

const REGIONS = `heat_template_version: 2018-08-31
parameters:
  far: {type: string, default: RegionTwo}
resources:
  server:
    type: OS::Nova::Server
    region: {get_param: far}
    properties: {flavor: m1.small}
  volume:
    type: OS::Cinder::Volume
    properties: {size: 1}
  attach:
    type: OS::Cinder::VolumeAttachment
    properties:
      instance_uuid: {get_resource: server}
      volume_id: {get_resource: volume}
`;

describe("compileStack: regions", () => {
  it("rejects a volume in RegionOne attached to a server in RegionTwo, naming both", () => {
    const errs = errors(compile(REGIONS));
    expect(errs).toHaveLength(1);
    expect(errs[0].code).toBe("region.cross");
    expect(errs[0].message).toContain('"attach"');
    expect(errs[0].message).toContain('"server"');
    expect(errs[0].message).toMatch(/it would connect "server" to "vol\w*" \(OS::Cinder::Volume\) in region RegionOne$/);
    expect(errs[0].message).toContain("RegionOne");
    expect(errs[0].message).toContain("RegionTwo");
    expect(errs[0].path).toEqual(["resources", "attach", "properties", "instance_uuid"]);
    expect(errs[0].range?.start.line).toBe(15);
  });

  it("accepts the same template when everything is in one region", () => {
    const r = compile(REGIONS, { parameters: { far: "RegionOne" } });
    expect(errors(r)).toEqual([]);
    expect(r.stack!.resources.server.region).toBe("RegionOne");
    expect(r.stack!.resources.attach.dependsOn.sort()).toEqual(["server", "volume"]);
  });

  it("follows same-region rules nested in lists of maps (a server's networks)", () => {
    const r = compileStack(
      {
        template: `heat_template_version: 2018-08-31
resources:
  port: {type: OS::Heat::None, region: RegionThree}
  server:
    type: OS::Nova::Server
    properties:
      flavor: m1.small
      image: cirros
      networks: [{network: private}, {port: {get_resource: port}}]
`,
      },
      testOptions(),
    );
    const errs = errors(r);
    expect(errs.map((e) => e.code)).toEqual(["region.cross"]);
    expect(errs[0].path).toEqual(["resources", "server", "properties", "networks", 1, "port"]);
    expect(errs[0].message).toContain("RegionThree");
  });

  it("rejects an unknown region with its line and column", () => {
    const errs = errors(compile(REGIONS, { parameters: { far: "Mars" } }));
    expect(errs.map((e) => e.code)).toEqual(["region.unknown"]);
    expect(errs[0].message).toContain('"Mars"');
    expect(errs[0].range?.start).toEqual({ line: 7, column: 5 });
  });
});

describe("compileStack: diagnostics", () => {
  it("names line and column of YAML syntax errors", () => {
    const d = errors(compile("heat_template_version: 2018-08-31\nresources:\n  a: {type: x\n"));
    expect(d[0].code).toBe("yaml.syntax");
    expect(d[0].range?.start.line).toBeGreaterThanOrEqual(3);
    expect(d[0].message).toMatch(/line \d+, column \d+/);
  });

  it("names the members of a dependency cycle", () => {
    const d = errors(compile(`heat_template_version: 2018-08-31
resources:
  a: {type: OS::Heat::None, depends_on: c}
  b: {type: OS::Heat::None, depends_on: a}
  c: {type: OS::Heat::None, depends_on: b}
`));
    expect(d[0].code).toBe("dependency.cycle");
    expect(d[0].message).toMatch(/a -> c -> b -> a/);
  });

  it("lists the valid versions for an unknown one", () => {
    const d = errors(compile("heat_template_version: 2020-01-01\nresources: {}\n"));
    expect(d[0].code).toBe("template.version");
    expect(d[0].message).toContain("2021-04-16");
    expect(d[0].message).toContain("wallaby");
  });

  it("warns when a later version's function is kept as plain data", () => {
    const r = compile("heat_template_version: 2015-10-15\nresources: {}\noutputs:\n  o: {value: {map_merge: [{a: 1}]}}\n");
    expect(errors(r)).toEqual([]);
    const w = r.stack!.warnings.find((x) => x.code === "function.version")!;
    expect(w.message).toContain("2016-04-08");
    expect(r.stack!.resolveOutput("o", emptyRuntime)).toEqual({ value: { map_merge: [{ a: 1 }] } });
  });

  it("refuses yaql with a clear not-supported error", () => {
    const d = errors(compile("heat_template_version: 2017-09-01\nresources: {}\noutputs:\n  o: {value: {yaql: {expression: $.data, data: {}}}}\n"));
    expect(d.map((x) => x.code)).toEqual(["function.unsupported"]);
    expect(d[0].message).toMatch(/not supported/);
  });

  it("reports unknown environment sections naming the file", () => {
    const r = compile("heat_template_version: 2018-08-31\nresources: {}\n", { environments: [{ name: "env.yaml", text: "paramters: {}\n" }] });
    expect(errors(r)[0].message).toBe('environment has wrong section "paramters"');
    expect(errors(r)[0].range?.file).toBe("env.yaml");
  });
});

const emptyRuntime: RuntimeView = {
  referenceId: (r) => `${r}-id`,
  attribute: (r, a, p) => `${r}.${a}${p.length ? "." + p.join(".") : ""}`,
  allAttributes: (r) => ({ name: r }),
};

describe("compileStack: provider templates", () => {
  const provider = "heat_template_version: 2018-08-31\nparameters:\n  size: {type: number}\n  label: {type: string, default: x}\nresources: {}\noutputs:\n  ip: {value: 1.2.3.4}\n";

  it("derives the property schema from the provider's parameters", () => {
    const r = compile("heat_template_version: 2018-08-31\nresources:\n  s: {type: lib/ha.yaml, properties: {size: 2}}\n", {
      templateName: "stacks/main.yaml",
      files: { "stacks/lib/ha.yaml": provider },
    });
    expect(errors(r)).toEqual([]);
    const s = r.stack!.resources.s;
    expect(s.provider?.templateName).toBe("lib/ha.yaml");
    expect(s.propertySchema.size).toMatchObject({ type: "number", required: true });
    expect(s.propertySchema.label).toMatchObject({ type: "string", required: false, default: "x" });
  });

  it("stops a provider template that includes itself", () => {
    const loop = "heat_template_version: 2018-08-31\nresources:\n  again: {type: loop.yaml}\n";
    const r = compileStack({ template: loop, templateName: "loop.yaml", files: { "loop.yaml": loop } }, testOptions("strict"));
    expect(errors(r).some((d) => d.code === "dependency.cycle" && d.message.includes("loop.yaml -> loop.yaml"))).toBe(true);
  });
});

describe("CompiledStack resolution", () => {
  const r = compile(`heat_template_version: 2018-08-31
parameters:
  len: {type: number, default: 8}
resources:
  a: {type: OS::Heat::None}
  rnd:
    type: OS::Heat::RandomString
    properties:
      length: {get_param: len}
      salt: {get_resource: a}
    metadata: {peer: {get_attr: [a, show, id]}}
outputs:
  ref: {value: {get_resource: rnd}}
  bad: {value: {str_split: [",", "a", 3]}}
`);

  it("resolves properties with defaults and converted types", () => {
    expect(r.stack!.resolveProperties("rnd", emptyRuntime)).toEqual({ length: 8, salt: "a-id" });
    expect(r.stack!.resolveMetadata("rnd", emptyRuntime)).toEqual({ peer: "a.show.id" });
  });

  it("turns output failures into errors, as Heat's output_error", () => {
    expect(r.stack!.resolveOutput("ref", emptyRuntime)).toEqual({ value: "rnd-id" });
    expect(r.stack!.resolveOutput("bad", emptyRuntime).error).toMatch(/Incorrect index to "str_split"/);
  });

  it("throws ValidationError with the property path when a value does not fit", () => {
    const bad = compile("heat_template_version: 2018-08-31\nresources:\n  r: {type: OS::Heat::RandomString, properties: {length: {get_attr: [x, value]}}}\n  x: {type: OS::Heat::Value, properties: {value: 1}}\n");
    const rt: RuntimeView = { ...emptyRuntime, attribute: () => 9999 };
    try {
      bad.stack!.resolveProperties("r", rt);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).diagnostics[0].path).toEqual(["resources", "r", "properties", "length"]);
    }
  });

  it("locates paths in the source", () => {
    expect(r.stack!.locate(["resources", "rnd", "properties", "salt"])?.start).toEqual({ line: 10, column: 7 });
  });
});

describe("template versions", () => {
  it("lists every version with aliases and its functions", () => {
    const all = listTemplateVersions();
    expect(all.filter((v) => v.type === "cfn").map((v) => v.version)).toEqual(["AWSTemplateFormatVersion.2010-09-09", "HeatTemplateFormatVersion.2012-12-12"]);
    expect(all[0].conditionFunctions).toEqual(["Fn::And", "Fn::Equals", "Fn::FindInMap", "Fn::Not", "Fn::Or", "Ref"]);
    const list = all.filter((v) => v.type === "hot");
    expect(list.map((v) => v.version.split(".")[1])).toEqual(TEMPLATE_VERSIONS.map((v) => v.date));
    const pike = list.find((v) => v.aliases.includes("pike"))!;
    expect(pike.functions).toContain("make_url");
    expect(pike.conditionFunctions).toContain("contains");
    expect(list[0].functions).toContain("Fn::Join");
    expect(list[1].functions).not.toContain("Fn::Join");
  });

  it("compiles a 1000-resource template", () => {
    const lines = ["heat_template_version: 2018-08-31", "resources:"];
    for (let i = 0; i < 1000; i++) {
      lines.push(`  r${i}: {type: OS::Heat::Value, properties: {value: {get_attr: [r${Math.max(0, i - 1)}, value]}}}`);
    }
    lines[2] = "  r0: {type: OS::Heat::Value, properties: {value: start}}";
    const r = compile(lines.join("\n"));
    expect(errors(r)).toEqual([]);
    expect(r.stack!.resources.r999.dependsOn).toEqual(["r998"]);
  });
});
