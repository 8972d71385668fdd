import { describe, expect, it } from "vitest";
import { compileStack } from ".";
import { testOptions } from "./test-registry";

const compile = (template: unknown, mode: "validate" | "strict" = "validate") =>
  compileStack({ template: typeof template === "string" ? template : JSON.stringify(template), templateName: "t.template" }, testOptions(mode));
const errors = (template: unknown, mode: "validate" | "strict" = "validate") =>
  compile(template, mode).diagnostics.filter((d) => d.severity === "error").map((d) => [d.message, d.path.join(".")]);
const cfn = (body: Record<string, unknown>) => ({ AWSTemplateFormatVersion: "2010-09-09", ...body });
const value = (v: unknown, extra: Record<string, unknown> = {}) => ({ Type: "OS::Heat::Value", Properties: { value: v }, ...extra });

// Each expected message is Heat 19's answer to the same template (heat-oracle, template validate).
describe("CFN templates: versions and sections", () => {
  it("names the versions Heat knows, and refuses two version keys", () => {
    expect(errors({ AWSTemplateFormatVersion: "2011-01-01", Resources: {} })).toEqual([
      ['The template version is invalid: "AWSTemplateFormatVersion: 2011-01-01". "AWSTemplateFormatVersion" should be: 2010-09-09', "AWSTemplateFormatVersion"],
    ]);
    expect(errors({ HeatTemplateFormatVersion: "2011-01-01", Resources: {} })[0][0]).toBe(
      'The template version is invalid: "HeatTemplateFormatVersion: 2011-01-01". "HeatTemplateFormatVersion" should be: 2012-12-12',
    );
    expect(errors(cfn({ heat_template_version: "2018-08-31", Resources: {} }))[0][0]).toBe(
      "The template version is invalid: Ambiguous versions (heat_template_version, AWSTemplateFormatVersion)",
    );
  });

  it("reports unknown sections, and Conditions only exist in 2010-09-09", () => {
    expect(errors(cfn({ Foo: {}, Resources: {} }))).toEqual([["The template section is invalid: Foo", "Foo"]]);
    expect(errors({ HeatTemplateFormatVersion: "2012-12-12", Conditions: { c: true }, Resources: {} })).toEqual([
      ["The template section is invalid: Conditions", "Conditions"],
    ]);
  });

  it("words resource and output problems with CFN's keys and paths", () => {
    expect(errors(cfn({ Resources: { R: { Properties: {} } } }))).toEqual([["Each Resource must contain a Type key.", "Resources.R"]]);
    // Heat ignores unknown keys of a CFN resource (a lowercase `type` is one)
    expect(errors(cfn({ Resources: { R: { type: "OS::Heat::None" } } }))).toEqual([["Each Resource must contain a Type key.", "Resources.R"]]);
    expect(errors(cfn({ Resources: { R: { Type: "OS::Heat::None", Foo: 1 } } }))).toEqual([]);
    expect(errors(cfn({ Resources: { R: { Type: "OS::Heat::None", DependsOn: "Q" } } }))).toEqual([['The specified reference "Q" (in R) is incorrect.', "Resources.R.DependsOn"]]);
    expect(errors(cfn({ Resources: { V: { Type: "OS::Heat::Value", Properties: { value: 1, bogus: 1 } } } }))).toEqual([
      ["Property error: Resources.V.Properties: Unknown Property bogus", "Resources.V.Properties"],
    ]);
    expect(errors(cfn({ Resources: {}, Outputs: { o: { Description: "d" } } }))).toEqual([["Each output definition must contain a Value key.", "Outputs.o"]]);
  });

  it("places diagnostics at the CFN source", () => {
    const text = '{"AWSTemplateFormatVersion": "2010-09-09",\n "Resources": {\n  "R": {"Type": "OS::Heat::Nope"}}}';
    const [d] = compile(text).diagnostics;
    expect(d.message).toBe("The Resource Type (OS::Heat::Nope) could not be found.");
    expect(d.path).toEqual(["Resources", "R", "Type"]);
    expect(d.range?.start.line).toBe(3);
  });
});

describe("CFN templates: parameters", () => {
  it("reads CFN parameter schemas as Heat does", () => {
    expect(errors(cfn({ Parameters: { P: { Type: "Str" } }, Resources: {} }))).toEqual([["Invalid type (Str)", "Parameters.P"]]);
    expect(errors(cfn({ Parameters: { P: { Type: "String", Foo: 1 } }, Resources: {} }))).toEqual([["Invalid key 'Foo' for parameter (P)", "Parameters.P"]]);
    expect(errors(cfn({ Parameters: { P: { Type: "String", Default: "abc", MaxLength: "2" } }, Resources: {} }))).toEqual([
      ["Parameter 'P' is invalid: Invalid default abc (length (3) is out of range (min: None, max: 2))", "Parameters.P"],
    ]);
  });

  it("gives typed values, hidden NoEcho parameters and the AWS pseudo parameters", () => {
    const r = compile(cfn({
      Parameters: {
        N: { Type: "Number", Default: "3", MinValue: 1, MaxValue: 5 },
        L: { Type: "CommaDelimitedList", Default: "a,b" },
        S: { Type: "String", Default: "x", NoEcho: "true", AllowedValues: ["x", "y"], ConstraintDescription: "x or y" },
      },
      Resources: {},
      Outputs: { name: { Value: { Ref: "AWS::StackName" } } },
    }), "strict");
    expect(r.diagnostics).toEqual([]);
    const { N, L, S } = r.stack!.parameters;
    expect([N.value, L.value, S.value]).toEqual([3, ["a", "b"], "x"]);
    expect(S.definition.hidden).toBe(true);
    expect(S.definition.constraints).toEqual([{ allowedValues: ["x", "y"], description: "x or y" }]);
    expect(N.definition.constraints).toEqual([{ range: { min: 1, max: 5 } }]);
  });
});

describe("CFN templates: functions", () => {
  it("checks arguments and references as Heat does", () => {
    const base = { R: value("x") };
    expect(errors(cfn({ Resources: { ...base, S: value({ "Fn::GetAtt": ["R", "nope"] }) } }))).toEqual([
      ["The Referenced Attribute (R nope) is incorrect.", "Resources.S.Properties.value.Fn::GetAtt"],
    ]);
    expect(errors(cfn({ Resources: { ...base, S: value({ "Fn::GetAtt": ["R", "value", "x"] }) } }))[0][0]).toBe(
      'Arguments to "Fn::GetAtt" must be of the form [resource_name, attribute]',
    );
    expect(errors(cfn({ Conditions: { c: { "Fn::Not": true } }, Resources: {} }))).toEqual([
      ['Arguments to "Fn::Not" must be of the form: [condition]', "Conditions.c.Fn::Not"],
    ]);
    expect(errors(cfn({ Conditions: { c: { "Fn::Join": ["", ["a"]] } }, Resources: {} }))).toEqual([
      ['The function "Fn::Join" is invalid in this context', "Conditions.c.Fn::Join"],
    ]);
    // a HOT function name is plain data in a CFN template; an unknown Ref fails only once values are checked
    expect(errors(cfn({ Resources: { R: value({ get_param: "x" }) } }))).toEqual([]);
    expect(errors(cfn({ Resources: { R: value({ Ref: "Nope" }) } }))).toEqual([]);
  });
});
