import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UsageError } from "./args";
import { buildStackInput, parseParameters } from "./template-files";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-files-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Writes files under the temp root. */
function write(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
}

describe("buildStackInput", () => {
  it("collects provider templates and get_file targets relative to the file naming them, recursively", () => {
    write({
      "t/main.yaml": [
        "heat_template_version: 2018-08-31",
        "resources:",
        "  app: { type: lib/app.yaml }",
        "  group:",
        "    type: OS::Heat::ResourceGroup",
        "    properties: { resource_def: { type: lib/app.yaml } }",
        "  cfg: { type: OS::Heat::SoftwareConfig, properties: { config: { get_file: scripts/boot.sh } } }",
      ].join("\n"),
      "t/lib/app.yaml": "heat_template_version: 2018-08-31\nresources:\n  inner: { type: inner.yaml }\n",
      "t/lib/inner.yaml": "heat_template_version: 2018-08-31\noutputs: { x: { value: { get_file: data.txt } } }\n",
      "t/lib/data.txt": "payload",
      "t/scripts/boot.sh": "#!/bin/sh\n",
      "env/env.yaml": "resource_registry:\n  My::Thing: provider.yaml\n  resources:\n    app: { OS::Nova::Server: srv.yaml }\nparameters: { a: 1 }\n",
      "env/provider.yaml": "heat_template_version: 2018-08-31\n",
      "env/srv.yaml": "heat_template_version: 2018-08-31\n",
    });
    const input = buildStackInput({ template: "t/main.yaml", environments: ["env/env.yaml"], parameters: ["k=v=w"] }, root);
    expect(input.templateName).toBe("main.yaml");
    expect(input.template).toContain("resource_def");
    expect(Object.keys(input.files ?? {}).sort()).toEqual(["data.txt", "inner.yaml", "lib/app.yaml", "provider.yaml", "scripts/boot.sh", "srv.yaml"]);
    expect(input.files?.["data.txt"]).toBe("payload");
    expect(input.environments).toEqual([{ name: "env.yaml", text: fs.readFileSync(path.join(root, "env/env.yaml"), "utf8") }]);
    expect(input.parameters).toEqual({ k: "v=w" });
  });

  it("finds references spelled with escapes (a quoted get_file or provider suffix), which a plain text scan would miss", () => {
    write({
      "esc/main.yaml": 'resources:\n  a: { type: "lib.ya\\x6dl" }\n  b: { type: OS::Heat::Value, properties: { value: { "get_\\x66ile": d.txt } } }\n',
      "esc/lib.yaml": "heat_template_version: 2018-08-31\n",
      "esc/d.txt": "d",
    });
    expect(Object.keys(buildStackInput({ template: "esc/main.yaml", environments: [], parameters: [] }, root).files ?? {}).sort()).toEqual(["d.txt", "lib.yaml"]);
  });

  it("passes a template that does not parse through unchanged, for validation to report", () => {
    write({ "bad.yaml": "resources: [\n" });
    expect(buildStackInput({ template: "bad.yaml", environments: [], parameters: [] }, root).template).toBe("resources: [\n");
  });

  it("names a missing file and refuses remote URLs", () => {
    expect(() => buildStackInput({ template: "nope.yaml", environments: [], parameters: [] }, root)).toThrow(/Could not read template .*nope.yaml: no such file/);
    write({ "remote.yaml": "resources: { a: { type: 'http://example.com/x.yaml' } }\n" });
    expect(() => buildStackInput({ template: "remote.yaml", environments: [], parameters: [] }, root)).toThrow(/only local files/);
  });

  it("rejects a parameter without '='", () => {
    expect(() => parseParameters(["novalue"])).toThrow(UsageError);
  });
});
