import { describe, expect, it } from "vitest";
import { parseSnippet, resolveSnippet, snippetReferences, validateSnippet, type ParseOptions } from "./evaluate";
import { FunctionBudget } from "./budget";
import { HEAT_LIMITS } from "../limits";
import { FUNCTION_TABLES } from "./table";
import { FnCall, FunctionError, type ResolveContext, type ValidateContext } from "./types";

/** A context with parameters p="1" and q=[a, b], conditions yes/no, resources a and b. */
function context(): ValidateContext {
  const params: Record<string, unknown> = { p: "1", q: ["a", "b"] };
  const ctx: ValidateContext = {
    param: (n) => (n in params ? { found: true, value: params[n] } : { found: false }),
    files: { "f.txt": "file body" },
    condition: (n, path) => {
      if (n === "yes" || n === "no") return n === "yes";
      throw new FunctionError(`Invalid condition "${n}"`, path);
    },
    hasResource: (n) => n === "a" || n === "b",
    resolve: (s) => resolveSnippet(s, ctx),
    budget: new FunctionBudget(HEAT_LIMITS),
    attributesOf: () => ["value"],
    runtime: {
      referenceId: (r) => `${r}-id`,
      attribute: (r, a, p) => [r, a, ...p].join("/"),
      allAttributes: () => ({ value: 1 }),
    },
  };
  return ctx;
}

function parse(version: string, raw: unknown, warnings: string[] = []) {
  const t = FUNCTION_TABLES[version];
  const opts: ParseOptions = {
    functions: t.functions,
    conditionFunctions: t.conditionFunctions,
    ctx: context(),
    onPlainFunctionName: (n) => warnings.push(n),
  };
  return parseSnippet(raw, ["outputs", "o", "value"], t.functions, opts);
}

describe("parseSnippet", () => {
  it("turns one-key maps naming functions into calls and leaves other data alone", () => {
    const parsed = parse("2018-08-31", { a: { get_param: "p" }, b: { get_param: "p", extra: 1 } }) as Record<string, unknown>;
    expect(parsed.a).toBeInstanceOf(FnCall);
    expect((parsed.a as FnCall).path).toEqual(["outputs", "o", "value", "a", "get_param"]);
    expect(parsed.b).toEqual({ get_param: "p", extra: 1 });
  });

  it("keeps a later version's function as data and reports its name", () => {
    const warnings: string[] = [];
    expect(parse("2015-10-15", { map_merge: [{ a: 1 }] }, warnings)).toEqual({ map_merge: [{ a: 1 }] });
    expect(warnings).toContain("map_merge");
  });

  it("checks argument shapes while parsing", () => {
    expect(() => parse("2018-08-31", { list_join: "," })).toThrow(/Incorrect arguments to "list_join"/);
    expect(() => parse("2018-08-31", { filter: [[1]] })).toThrow(/expected 2 arguments/);
    // equals is a condition function: in a value it is plain data, as in Heat.
    expect(parse("2018-08-31", { equals: [1] })).toEqual({ equals: [1] });
  });

  it("expands `if` at parse time, so the other branch is never parsed", () => {
    expect(parse("2018-08-31", { if: ["yes", "kept", { list_join: "not parsed" }] })).toBe("kept");
    expect(resolveSnippet(parse("2021-04-16", [1, { if: ["no", 2] }, 3]), context())).toEqual([1, 3]);
    expect(() => parse("2018-08-31", { if: ["maybe", 1, 2] })).toThrow('Invalid condition "maybe"');
  });
});

describe("resolveSnippet, references and validation", () => {
  it("resolves nested calls against parameters, files and live resources", () => {
    const parsed = parse("2018-08-31", {
      joined: { list_join: ["-", [{ get_param: "p" }, "x"]] },
      path: { get_param: ["q", 1] },
      file: { get_file: "f.txt" },
      attr: { get_attr: ["a", "value", "k", 0] },
      ref: { get_resource: "b" },
    });
    expect(resolveSnippet(parsed, context())).toEqual({
      joined: "1-x",
      path: "b",
      file: "file body",
      attr: "a/value/k/0",
      ref: "b-id",
    });
  });

  it("collects the resources a snippet reads", () => {
    const parsed = parse("2018-08-31", [{ get_resource: "a" }, { get_attr: ["b", "value"] }, { get_attr: ["a", "value"] }]);
    expect(snippetReferences(parsed, context()).sort()).toEqual(["a", "b"]);
  });

  it("validates references and attributes against the stack", () => {
    const ctx: ResolveContext = context();
    expect(() => snippetReferences(parse("2018-08-31", { get_resource: "ghost" }), ctx)).toThrow(/"ghost"/);
    expect(() => validateSnippet(parse("2018-08-31", { get_attr: ["a", "nope"] }), context())).toThrow(
      "The Referenced Attribute (a nope) is incorrect.",
    );
    expect(() => validateSnippet(parse("2018-08-31", { Ref: "a" }), context())).toThrow(/Ref is not supported/);
  });
});
