import { describe, expect, it } from "vitest";
import { loadEnvironments, mapType } from "./environment";

describe("environments", () => {
  it("merges files in order, later ones winning", () => {
    const { env, diagnostics } = loadEnvironments([
      { name: "a.yaml", text: "parameters: {x: 1, y: 1}\nparameter_defaults: {z: a}\n" },
      { name: "b.yaml", text: "parameters: {y: 2}\nparameter_defaults: {z: b}\n" },
    ]);
    expect(diagnostics).toEqual([]);
    expect(env.parameters).toEqual({ x: 1, y: 2 });
    expect(env.parameterDefaults).toEqual({ z: "b" });
  });

  it("maps types through aliases, wildcards and per-resource entries", () => {
    const { env } = loadEnvironments([
      {
        name: "envs/reg.yaml",
        text: [
          "resource_registry:",
          '  "My::Server": server.yaml',
          '  "Old::Thing": "My::Server"',
          '  "Corp::*": "OS::Heat::*"',
          "  resources:",
          "    special:",
          '      "OS::Heat::None": "OS::Heat::Value"',
        ].join("\n"),
      },
    ]);
    expect(mapType(env, "r", "Old::Thing")).toBe("envs/server.yaml");
    expect(mapType(env, "r", "Corp::Value")).toBe("OS::Heat::Value");
    expect(mapType(env, "special", "OS::Heat::None")).toBe("OS::Heat::Value");
    expect(mapType(env, "other", "OS::Heat::None")).toBe("OS::Heat::None");
  });

  it("reports wrong and empty sections with the file and line", () => {
    const { diagnostics } = loadEnvironments([{ name: "bad.yaml", text: "parameters:\nresource_registy: {}\n" }]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'environment has empty section "parameters"',
      'environment has wrong section "resource_registy"',
    ]);
    expect(diagnostics[1].range).toMatchObject({ file: "bad.yaml", start: { line: 2, column: 1 } });
  });
});
