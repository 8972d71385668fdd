import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ValidationError } from "../engine/diagnostics";
import type { StackInput } from "../engine/template/types";
import { createHearth } from "./index";
import type { Hearth } from "./types";
import { createValidator } from "./validator";

// This file's process serves RegionTwo of a two-region federation (nothing listens on RegionOne's
// endpoints: no template here runs anything remotely).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-validator-fed-"));
const federationFile = path.join(dir, "federation.yaml");
fs.writeFileSync(
  federationFile,
  `tokenKey: ${"k".repeat(40)}
regions:
  - { name: RegionOne, heat: http://127.0.0.1:4801/heat-api, identity: http://127.0.0.1:4801/identity }
  - { name: RegionTwo, heat: http://127.0.0.1:4802/heat-api, identity: http://127.0.0.1:4802/identity }
`,
);

/** A template whose server sits in `serverRegion` (none: the stack's) with a volume in RegionTwo attached to it. */
function template(serverRegion?: string): StackInput {
  const region = serverRegion ? `\n    region: ${serverRegion}` : "";
  return {
    template: `heat_template_version: 2018-08-31
resources:
  server:
    type: OS::Nova::Server${region}
    properties: { image: cirros, flavor: m1.tiny }
  data:
    type: OS::Cinder::Volume
    region: RegionTwo
    properties: { size: 1 }
  attach:
    type: OS::Cinder::VolumeAttachment
    region: RegionTwo
    properties: { instance_uuid: { get_resource: server }, volume_id: { get_resource: data } }
`,
  };
}

/** What a launch says of `input`: accepted (the stack is created), or refused with these diagnostics' messages. */
async function launchVerdict(hearth: Hearth, name: string, input: StackInput): Promise<{ valid: boolean; errors: string[] }> {
  try {
    const handle = await hearth.create(name, input);
    expect((await handle.done).status).toBe("COMPLETE");
    return { valid: true, errors: [] };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { valid: false, errors: error.diagnostics.filter((d) => d.severity === "error").map((d) => d.message) };
  }
}

let hearth: Hearth;

beforeAll(async () => {
  process.env.HEARTH_FEDERATION = federationFile;
  process.env.HEARTH_REGION = "RegionTwo";
  hearth = await createHearth({ databaseUrl: `file:${path.join(dir, "h.db")}`, root: path.resolve(import.meta.dirname, "../.."), recover: false, haMonitor: false, simSpeed: 0 });
});

afterAll(async () => {
  await hearth?.close();
  delete process.env.HEARTH_FEDERATION;
  delete process.env.HEARTH_REGION;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("createValidator in a region of a federation", () => {
  it("gives a launch's verdict for templates naming the region served here, another federation region and an unknown region", async () => {
    const validator = createValidator();
    const cases: [string, string | undefined, boolean][] = [
      // the stack's default region is the one served here: the server defaults to RegionTwo, beside its volume
      ["default", undefined, true],
      ["served", "RegionTwo", true],
      // RegionOne is another region's service: a resource of this stack cannot live there
      ["federated", "RegionOne", false],
      ["unknown", "RegionNine", false],
    ];
    for (const [name, serverRegion, expected] of cases) {
      const input = template(serverRegion);
      const validated = await validator.validate(input);
      const launched = await launchVerdict(hearth, name, input);
      expect({ name, valid: validated.valid }).toEqual({ name, valid: expected });
      expect(launched.valid).toBe(validated.valid);
      expect(launched.errors).toEqual(validated.diagnostics.filter((d) => d.severity === "error").map((d) => d.message));
    }
    const federated = await validator.validate(template("RegionOne"));
    expect(federated.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/unknown region "RegionOne"; regions are: RegionTwo$/));
    // nothing half-created: only the accepted launches made stacks
    expect((await hearth.listStacks()).map((s) => s.name).sort()).toEqual(["default", "served"]);
  });
});
