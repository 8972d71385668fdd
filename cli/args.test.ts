import { describe, expect, it } from "vitest";
import { parseArgs, UsageError } from "./args";

const spec = {
  usage: "hearth stack create NAME -t FILE",
  options: { template: { type: "string" as const, short: "t" }, parameter: { type: "list" as const }, wait: { type: "boolean" as const } },
  positionals: ["name", "extra?"],
};

describe("parseArgs", () => {
  it("reads long, short, inline, repeated and boolean options around positionals", () => {
    const args = parseArgs(["web", "-t", "a.yaml", "--parameter", "a=1", "--parameter=b=2", "--wait"], spec);
    expect(args.arg("name")).toBe("web");
    expect(args.positionals.extra).toBeUndefined();
    expect(args.string("template")).toBe("a.yaml");
    expect(args.list("parameter")).toEqual(["a=1", "b=2"]);
    expect(args.flag("wait")).toBe(true);
    expect(parseArgs(["--", "-odd"], spec).arg("name")).toBe("-odd");
  });

  it("reports unknown options, missing values and missing or extra arguments as usage errors", () => {
    expect(() => parseArgs(["web", "--nope"], spec)).toThrow(new UsageError("unrecognized option --nope\nusage: hearth stack create NAME -t FILE"));
    expect(() => parseArgs(["web", "-t"], spec)).toThrow(/option -t needs a value/);
    expect(() => parseArgs([], spec)).toThrow(/missing argument <name>/);
    expect(() => parseArgs(["a", "b", "c"], spec)).toThrow(/unexpected argument "c"/);
    expect(() => parseArgs(["a", "--wait=yes"], spec)).toThrow(/takes no value/);
  });
});
