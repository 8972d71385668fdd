import { describe, expect, it } from "vitest";
import { createTestEngine } from "../testing";

const P = { projectId: "p1" };

// The same template through Heat 19 (heat-oracle --resolve) gives the outputs asserted below.
const TEMPLATE = `AWSTemplateFormatVersion: 2010-09-09
Description: CFN functions
Parameters:
  Size: {Type: String, Default: small, AllowedValues: [small, large]}
  Count: {Type: Number, Default: "3", MinValue: 1, MaxValue: 5}
  Names: {Type: CommaDelimitedList, Default: "a,b,c"}
Mappings:
  Flavors:
    small: {Name: m1.small, Ram: "2048"}
    large: {Name: m1.large, Ram: "8192"}
Conditions:
  IsSmall: {"Fn::Equals": [{Ref: Size}, small]}
  IsLarge: {"Fn::Not": [IsSmall]}
  Both: {"Fn::And": [IsSmall, {"Fn::Or": [IsLarge, true]}]}
Resources:
  Base:
    Type: OS::Heat::Value
    Properties:
      value: {"Fn::FindInMap": [Flavors, {Ref: Size}, Name]}
  Big:
    Type: OS::Heat::Value
    Condition: IsLarge
    Properties: {value: big}
  Joined:
    Type: OS::Heat::Value
    DependsOn: Base
    Properties:
      value: {"Fn::Join": ["-", [{"Fn::GetAtt": [Base, value]}, {"Fn::Select": ["1", {Ref: Names}]}]]}
Outputs:
  flavor: {Value: {"Fn::GetAtt": [Base, value]}}
  joined: {Value: {"Fn::GetAtt": [Joined, value]}, Description: a join}
  ram: {Value: {"Fn::FindInMap": [Flavors, {Ref: Size}, Ram]}}
  split: {Value: {"Fn::Split": [",", "x,y,z"]}}
  replaced: {Value: {"Fn::Replace": [{"%who%": {Ref: Size}}, "hello %who%"]}}
  chosen: {Value: {"Fn::If": [IsSmall, yes, no]}}
  both: {Value: {"Fn::If": [Both, both, neither]}}
  members: {Value: {"Fn::MemberListToMap": [Name, Value, [".member.0.Name=k1", ".member.0.Value=v1", ".member.1.Name=k2", ".member.1.Value=v2"]]}}
  b64: {Value: {"Fn::Base64": plain}}
  count: {Value: {Ref: Count}}
  name: {Value: {Ref: "AWS::StackName"}}
  big: {Value: {"Fn::GetAtt": [Big, value]}, Condition: IsLarge}
  ref: {Value: {Ref: Base}}
`;

describe("a CFN template through the engine", () => {
  it("creates, gives Heat's outputs, updates with a condition turning on, and deletes", async () => {
    const t = createTestEngine();
    const stack = await t.finish(await t.engine.create("oracle1", { template: TEMPLATE }, P));
    expect(`${stack.action}_${stack.status}`).toBe("CREATE_COMPLETE");
    const outputs = async () => Object.fromEntries((await t.engine.outputs(stack.id)).map((o) => [o.key, o.error ?? o.value]));
    const refs = Object.fromEntries((await t.engine.resources(stack.id)).map((r) => [r.name, r.physicalId]));
    expect(Object.keys(refs).sort()).toEqual(["Base", "Joined"]);
    expect(await outputs()).toEqual({
      b64: "plain", big: null, both: "both", chosen: true, count: 3, flavor: "m1.small", joined: "m1.small-b",
      members: { k1: "v1", k2: "v2" }, name: "oracle1", ram: "2048", ref: refs.Base, replaced: "hello small",
      split: ["x", "y", "z"],
    });
    const updated = await t.finish(await t.engine.update(stack.id, { template: TEMPLATE, parameters: { Size: "large" } }));
    expect(`${updated.action}_${updated.status}`).toBe("UPDATE_COMPLETE");
    expect((await t.engine.resources(stack.id)).map((r) => r.name).sort()).toEqual(["Base", "Big", "Joined"]);
    expect(await outputs()).toMatchObject({ flavor: "m1.large", joined: "m1.large-b", ram: "8192", chosen: false, both: "neither", big: "big" });
    const deleted = await t.finish(await t.engine.delete(stack.id));
    expect(`${deleted.action}_${deleted.status}`).toBe("DELETE_COMPLETE");
  });

  it("fails a Ref to nothing when the stack is created, in Heat's words", async () => {
    const t = createTestEngine();
    const template = JSON.stringify({ AWSTemplateFormatVersion: "2010-09-09", Resources: { R: { Type: "OS::Heat::Value", Properties: { value: { Ref: "Nope" } } } } });
    const stack = await t.finish(await t.engine.create("s", { template }, P));
    expect(stack.status).toBe("FAILED");
    expect(stack.statusReason).toContain('The specified reference "Nope" (in unknown) is incorrect.');
  });
});
