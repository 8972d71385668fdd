import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { templateDescription } from "./views";

const lines = (...text: string[]) => text.join("\n") + "\n";

describe("templateDescription", () => {
  it.each([
    ["before the resources", lines("heat_template_version: 2018-08-31", "description: web tier", "resources:", "  a: { type: OS::Heat::None }"), "web tier"],
    ["after the resources", lines("heat_template_version: 2018-08-31", "resources:", "  a: { type: OS::Heat::None }", "description: at the end"), "at the end"],
    ["as a quoted key after them", lines("resources: {}", '"description": quoted'), "quoted"],
    ["as a block scalar holding a resources: line", lines("description: |", "  resources: not a key", "resources: {}"), "resources: not a key\n"],
    ["in JSON", JSON.stringify({ heat_template_version: "2018-08-31", resources: {}, description: "json" }), "json"],
    ["absent", lines("heat_template_version: 2018-08-31", "resources: {}"), "No description"],
    ["not a string", lines("description: [a, b]", "resources: {}"), "No description"],
    ["in a template whose head does not parse", lines("description: [broken", "resources: {}"), "No description"],
  ])("reads the description %s as a whole parse does", (_, template, expected) => {
    expect(templateDescription(template)).toBe(expected);
    expect(templateDescription(template)).toBe(expected);
  });

  it("gives a template whose head parses but whose tail does not its head's description (no stored stack has one: the engine refuses it)", () => {
    expect(templateDescription(lines("description: fine", "resources: [", "outputs: {}"))).toBe("fine");
  });

  it("does not take the first of two description keys (the whole parse refuses duplicates)", () => {
    const template = lines("description: first", "resources: {}", "description: second");
    expect(() => parse(template)).toThrow();
    expect(templateDescription(template)).toBe("No description");
  });
});
