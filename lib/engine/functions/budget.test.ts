import { describe, expect, it } from "vitest";
import { HEAT_LIMITS } from "../limits";
import { FunctionBudget } from "./budget";
import { parseSnippet, resolveSnippet } from "./evaluate";
import { FUNCTION_TABLES } from "./table";
import { FunctionError, type ResolveContext } from "./types";

/** Resolves a raw snippet of 2018-08-31 with parameter l (a list of `n` strings) under `limits`. */
function resolve(raw: unknown, n: number, limits = HEAT_LIMITS): unknown {
  const list = Array.from({ length: n }, (_, i) => `v${i}`);
  const ctx: ResolveContext = {
    param: (name) => (name === "l" ? { found: true, value: list } : { found: false }),
    files: {},
    condition: () => true,
    hasResource: () => false,
    resolve: (s) => resolveSnippet(s, ctx),
    budget: new FunctionBudget(limits),
  };
  const table = FUNCTION_TABLES["2018-08-31"];
  return ctx.resolve(parseSnippet(raw, ["outputs", "o", "value"], table.functions, { functions: table.functions, conditionFunctions: table.conditionFunctions, ctx }));
}

const refusal = (fn: () => unknown): FunctionError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof FunctionError) return e;
    throw e;
  }
  throw new Error("not refused");
};

describe("the function budget", () => {
  const repeat = (keys: string[]) => ({ repeat: { template: keys.join(""), for_each: Object.fromEntries(keys.map((k) => [k, { get_param: "l" }])) } });

  it("sizes a repeat from its inputs and refuses it before building anything", () => {
    const error = refusal(() => resolve(repeat(["%a%", "%b%", "%c%"]), 1000));
    expect(error.code).toBe("limit.exceeded");
    expect(error.message).toBe("Request limit exceeded: repeat would build a list of 1000000000 items; the limit is 100000 (max_function_list_length)");
    expect(error.path).toEqual(["outputs", "o", "value", "repeat"]);
  });

  it("lets what fits through unchanged", () => {
    expect(resolve(repeat(["%a%", "%b%"]), 3)).toHaveLength(9);
    expect(resolve({ str_replace: { template: "AA", params: { A: "xy" } } }, 0)).toBe("xyxy");
  });

  it("refuses a string over max_function_string_length, and total work over max_function_work", () => {
    const limits = { ...HEAT_LIMITS, maxFunctionStringLength: 10, maxFunctionWork: 100 };
    expect(refusal(() => resolve({ list_join: ["", [{ str_replace: { template: "AAAAAA", params: { A: "xy" } } }]] }, 0, limits)).message).toMatch(
      /str_replace would build a string of 12 characters; the limit is 10 \(max_function_string_length\)/,
    );
    expect(refusal(() => resolve({ list_concat: [{ get_param: "l" }, { get_param: "l" }] }, 10, limits)).message).toMatch(/more than 100 units of work \(max_function_work\)/);
  });
});
