import { describe, expect, it } from "vitest";
import { defaultRegistry } from "../../../lib/engine/resources";
import { hoverAt, suggestionsAt, typeAround } from "./completions";

const T = `resources:
  srv:
    type: OS::Nova::Server
    properties:
      flavor: m1.small
      im
  vol:
    type: OS::Ci
`;

describe("editor assistance", () => {
  it("knows the type of the resource whose properties hold a line", () => {
    expect(typeAround(T, 6)).toBe("OS::Nova::Server");
    expect(typeAround(T, 3)).toBeUndefined();
  });

  it("suggests types, properties, functions and regions where each fits", () => {
    const types = suggestionsAt(T, 8, 15, defaultRegistry, []);
    expect(types.map((s) => s.label)).toContain("OS::Cinder::Volume");
    const props = suggestionsAt(T, 6, 9, defaultRegistry, []);
    expect(props.find((s) => s.label === "image")).toMatchObject({ kind: "property", insertText: "image: " });
    expect(props.find((s) => s.label === "flavor")?.detail).toBe("string, required");
    expect(suggestionsAt("    x: { get_", 1, 14, defaultRegistry, []).map((s) => s.label)).toContain("get_resource");
    expect(suggestionsAt("    region: R", 1, 14, defaultRegistry, ["RegionOne"])).toEqual([{ label: "RegionOne", kind: "region", insertText: "RegionOne" }]);
  });

  it("documents types, functions and properties on hover", () => {
    expect(hoverAt(T, 3, 16, defaultRegistry)).toMatch(/^\*\*OS::Nova::Server\*\* \(Nova\)/);
    expect(hoverAt(T, 5, 8, defaultRegistry)).toMatch(/^\*\*flavor\*\* — string, required/);
    expect(hoverAt("x: { get_attr: [a, b] }", 1, 8, defaultRegistry)).toMatch(/attribute of a resource/);
    expect(hoverAt(T, 1, 3, defaultRegistry)).toBeUndefined();
  });
});
