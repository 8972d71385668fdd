import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exampleTitle, firstSentence, listExamples } from "./examples";

describe("exampleTitle / firstSentence", () => {
  it("turns a file name into a title", () => {
    expect(exampleTitle("simple-server.yaml")).toBe("Simple server");
    expect(exampleTitle("multi-region-demo.yaml")).toBe("Multi-region demo");
    expect(exampleTitle("wait_condition.json")).toBe("Wait condition");
  });

  it("keeps the first sentence on one line", () => {
    expect(firstSentence("One server on its own\nprivate network. Try it with `x`.\n")).toBe("One server on its own private network.");
    expect(firstSentence("Version 1.2 of a thing")).toBe("Version 1.2 of a thing");
    expect(firstSentence(undefined)).toBe("");
  });
});

describe("listExamples", () => {
  it("lists the project's examples with a title and a description each", () => {
    const examples = listExamples(path.resolve(import.meta.dirname, "..", "..", "examples"));
    const simple = examples.find((e) => e.file === "simple-server.yaml");
    expect(simple).toMatchObject({ title: "Simple server", description: "One server on its own private network." });
    expect(simple?.template).toContain("heat_template_version");
    expect(examples.every((e) => e.description.length > 0)).toBe(true);
  });

  it("adds the named sub-folders' examples with the templates they use as types, which are not examples themselves", () => {
    const examples = listExamples(path.resolve(import.meta.dirname, "..", "..", "examples"), ["seed"]);
    const failover = examples.find((e) => e.file === "seed/failover.yaml");
    expect(failover?.title).toBe("Failover");
    expect(Object.keys(failover?.files ?? {})).toEqual(["ha_server.yaml"]);
    expect(failover?.files?.["ha_server.yaml"]).toContain("OS::Nova::Server");
    expect(examples.some((e) => e.file === "seed/ha-restarter.yaml")).toBe(true);
    expect(examples.some((e) => e.file.endsWith("ha_server.yaml"))).toBe(false);
  });

  it("skips other files, survives a broken template, and is empty for a missing folder", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-examples-"));
    try {
      fs.writeFileSync(path.join(dir, "broken.yaml"), "description: [unclosed");
      fs.writeFileSync(path.join(dir, "notes.txt"), "not a template");
      expect(listExamples(dir)).toEqual([{ file: "broken.yaml", title: "Broken", description: "", template: "description: [unclosed" }]);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
    expect(listExamples(path.join(os.tmpdir(), "hearth-no-such-folder"))).toEqual([]);
  });
});
