/**
 * Parity with real OpenStack Heat: every fixture under test/fixtures/heat/ was run through Heat
 * (scripts/heat-goldens.mjs writes <fixture>.golden.json); Hearth must give the same verdict,
 * an error message carrying the same key facts (names of the bad things), and the same output
 * values where Heat resolved them. Runs against the built-in registry (lib/engine/resources), so the
 * real plugin schemas are held to Heat's too. Needs no Python: the goldens are committed.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileStack } from "../lib/engine/template";
import { defaultRegistry } from "../lib/engine/resources";
import { testOptions } from "../lib/engine/template/test-registry";
import type { CompiledStack, RuntimeView } from "../lib/engine/template/types";

const dir = path.join(import.meta.dirname, "fixtures/heat");

interface Golden {
  mode: "validate" | "strict" | "resolve";
  ok: boolean;
  stage: string | null;
  error: string | null;
  outputs: Record<string, { value?: unknown; error?: string }> | null;
  resource_refs: Record<string, string> | null;
}

interface Meta {
  mode: Golden["mode"];
  params?: Record<string, string>;
  env?: string[];
}

const files = Object.fromEntries(
  readdirSync(path.join(dir, "files")).map((f) => [`files/${f}`, readFileSync(path.join(dir, "files", f), "utf8")]),
);
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith(".yaml"))
  .sort();

function load(fixture: string) {
  const template = readFileSync(path.join(dir, fixture), "utf8");
  const meta = JSON.parse(/^# fixture: (.*)$/m.exec(template)![1]) as Meta;
  const golden = JSON.parse(readFileSync(path.join(dir, fixture.replace(/\.yaml$/, ".golden.json")), "utf8")) as Golden;
  const result = compileStack(
    {
      template,
      templateName: fixture,
      files,
      environments: (meta.env ?? []).map((e) => ({ name: e, text: readFileSync(path.join(dir, e), "utf8") })),
      parameters: meta.params,
    },
    { ...testOptions(meta.mode === "validate" ? "validate" : "strict"), registry: defaultRegistry },
  );
  return { meta, golden, result };
}

/**
 * The names Heat's message mentions: quoted or parenthesised tokens, and file names. Enumerations
 * of what would have been valid ({'md5', 'sha1', ...}) list alternatives, not the bad thing: skipped.
 */
function keyFacts(message: string): string[] {
  const facts = new Set<string>();
  const text = message.replace(/\{'[^}]*\}/g, "");
  for (const m of text.matchAll(/"([^"\s\\]{1,40})"|'([^'\s\\]{1,40})'|\(([A-Za-z0-9_:.-]{1,40})\)/g)) {
    facts.add(m[1] ?? m[2] ?? m[3]);
  }
  for (const m of text.matchAll(/([A-Za-z0-9_-]+\.(?:txt|yaml|sh))\b/g)) facts.add(m[1]);
  return [...facts].filter((f) => !["heat_template_version", "<unicode"].includes(f));
}

/** Heat's select_from_attribute: walk keys and indexes; missing parts give null. */
function select(value: unknown, p: (string | number)[]): unknown {
  let cur = value;
  for (const k of p) {
    if (Array.isArray(cur)) cur = cur[Number(k)];
    else if (cur && typeof cur === "object") cur = (cur as Record<string, unknown>)[String(k)];
    else return null;
  }
  return cur ?? null;
}

/** Live state as Heat created it: reference ids from the golden, attributes computed from properties. */
function runtimeFor(stack: CompiledStack, refs: Record<string, string>): RuntimeView {
  const view: RuntimeView = {
    referenceId: (r) => refs[r],
    attribute(r, attr, p) {
      const type = stack.resources[r]?.type;
      const props = stack.resolveProperties(r, view);
      if ((type === "OS::Heat::Value" && attr === "value") || (type === "OS::Heat::TestResource" && attr === "output")) {
        return select(props.value, p);
      }
      throw new Error(`attribute ${r}.${attr} is not modelled by the parity test`);
    },
    allAttributes(r) {
      if (stack.resources[r]?.type !== "OS::Heat::Value") throw new Error(`all attributes of ${r} are not modelled by the parity test`);
      return { value: stack.resolveProperties(r, view).value };
    },
  };
  return view;
}

const stats = { verdicts: 0, facts: 0, factFixtures: 0, outputs: 0 };

describe("parity with OpenStack Heat", () => {
  it("has a corpus of 80+ fixtures, each with a golden answer", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(80);
  });

  for (const fixture of fixtures) {
    it(fixture, () => {
      const { golden, result } = load(fixture);
      const errors = result.diagnostics.filter((d) => d.severity === "error");
      // A stack that Heat created but that failed while creating compiled fine: creation is not compilation.
      const heatCompiles = golden.ok || golden.stage === "create";
      expect(errors.length === 0, errors.map((e) => e.message).join("\n") || "Hearth accepted it").toBe(heatCompiles);
      stats.verdicts++;
      if (!heatCompiles && golden.error) {
        const messages = errors.map((e) => e.message).join("\n");
        const facts = keyFacts(golden.error);
        for (const fact of facts) expect(messages, `Heat said: ${golden.error}`).toContain(fact);
        stats.factFixtures++;
        stats.facts += facts.length;
      }
      if (!golden.outputs || !result.stack) return;
      const rt = runtimeFor(result.stack, golden.resource_refs ?? {});
      for (const [key, expected] of Object.entries(golden.outputs)) {
        const got = result.stack.resolveOutput(key, rt);
        if (expected.error !== undefined) {
          expect(got.error, `output ${key}: Heat said ${expected.error}`).toBeDefined();
          for (const fact of keyFacts(expected.error)) expect(got.error, `output ${key}: Heat said ${expected.error}`).toContain(fact);
        } else {
          expect(got, `output ${key}`).toEqual({ value: expected.value });
        }
        stats.outputs++;
      }
    });
  }

  it("reports the agreement", () => {
    console.log(
      `heat parity: ${stats.verdicts}/${fixtures.length} verdicts, ${stats.facts} key facts in ${stats.factFixtures} error messages, ${stats.outputs} output values`,
    );
    expect(stats.verdicts).toBe(fixtures.length);
  });
});
