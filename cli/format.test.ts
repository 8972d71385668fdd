import { describe, expect, it } from "vitest";
import { UsageError } from "./args";
import { formatList, formatShow, parseFormat } from "./format";

describe("CLI output formats", () => {
  it("draws a boxed, left-aligned list table like the openstack client", () => {
    const out = formatList(["ID", "Stack Name"], [["a1", "web"], ["b22", null]], "table");
    expect(out).toBe(
      ["+-----+------------+", "| ID  | Stack Name |", "+-----+------------+", "| a1  | web        |", "| b22 | None       |", "+-----+------------+"].join("\n"),
    );
  });

  it("shows one object as Field/Value rows, structures as YAML lines", () => {
    const out = formatShow(["id", "outputs"], ["x", [{ output_key: "ip", output_value: 1 }]], "table").split("\n");
    expect(out.slice(1, 6)).toEqual([
      "| Field   | Value             |",
      "+---------+-------------------+",
      "| id      | x                 |",
      "| outputs | - output_key: ip  |",
      "|         |   output_value: 1 |",
    ]);
  });

  it("prints JSON keyed by column, and bare values", () => {
    expect(JSON.parse(formatList(["ID", "Stack Name"], [["a", "web"]], "json"))).toEqual([{ ID: "a", "Stack Name": "web" }]);
    expect(JSON.parse(formatShow(["id", "n"], ["a", undefined], "json"))).toEqual({ id: "a", n: null });
    expect(formatShow(["id", "tags", "ok"], ["a", ["x"], true], "value")).toBe('a\n["x"]\nTrue');
    expect(formatList(["a", "b"], [["1", 2]], "value")).toBe("1 2");
    expect(formatList(["a"], [], "table")).toBe("");
  });

  it("rejects an unsupported format with a usage error", () => {
    expect(parseFormat(undefined, ["table", "json"], "table")).toBe("table");
    expect(() => parseFormat("yaml", ["table", "json"], "table")).toThrow(UsageError);
  });
});
