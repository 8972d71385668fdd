import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultRegistry as registry } from "../../lib/engine/resources";
import { compileStack } from "../../lib/engine/template";

const FIXTURES = join(__dirname, "fixtures");
const read = (name: string) => readFileSync(join(FIXTURES, name), "utf8");

describe("fixture cfn-wordpress-eip (heat-templates' WordPress_Single_Instance_With_EIP)", () => {
  const heat = JSON.parse(read("cfn-wordpress-eip.heat.json"));
  const compile = (mode: "validate" | "strict") => compileStack(
    { template: read(heat.fixture), templateName: heat.fixture, environments: [{ name: heat.environment, text: read(heat.environment) }] },
    { registry, mode, stackName: "wp", stackId: "1", projectId: "p", region: "RegionOne", regions: ["RegionOne"] },
  );

  it("validates and passes the pre-create checks, as in Heat", () => {
    expect(heat.template.ok && heat.strict.ok).toBe(true);
    for (const mode of ["validate", "strict"] as const) {
      const r = compile(mode);
      expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(Object.fromEntries(Object.values(r.stack!.resources).map((x) => [x.name, x.type]))).toEqual(heat.strict.resources);
    }
  });

  it("reads its parameters as Heat shows them", () => {
    const params = compile("validate").stack!.parameters;
    const shown = heat.template.result.Parameters as Record<string, { Default?: unknown; NoEcho: string; Description: string }>;
    expect(Object.keys(params).sort()).toEqual(Object.keys(shown).sort());
    for (const [name, p] of Object.entries(shown)) {
      expect(String(params[name].definition.hidden)).toBe(p.NoEcho);
      expect(params[name].definition.description).toBe(p.Description);
      expect(params[name].definition.default).toBe(p.Default);
    }
    expect(params.KeyName.value).toBe("demo-key");
    expect(params.DBName.definition.constraints).toEqual([
      { length: { min: 1, max: 64 }, description: "must begin with a letter and contain only alphanumeric characters." },
      { allowedPattern: "[a-zA-Z][a-zA-Z0-9]*", description: "must begin with a letter and contain only alphanumeric characters." },
    ]);
  });
});
