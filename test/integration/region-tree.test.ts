import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../lib/engine/diagnostics";
import { PROJECT, rig } from "./helpers";

/** The example provider template: it attaches the volume it is given (vol_id) to its own server. */
const APP = fs.readFileSync(path.resolve(import.meta.dirname, "../../examples/regions/volume-server.yaml"), "utf8");

const withApp = (region: string) => `heat_template_version: 2018-08-31
resources:
  volume: { type: OS::Cinder::Volume, properties: { size: 1 } }
  app:
    type: app.yaml
    region: ${region}
    properties: { vol_id: { get_resource: volume } }
`;

const inStack = `heat_template_version: 2018-08-31
resources:
  volume: { type: OS::Cinder::Volume, properties: { size: 1 } }
  child:
    type: OS::Heat::Stack
    properties:
      context: { region_name: RegionTwo }
      parameters: { vol_id: { get_resource: volume } }
      template: { get_file: app.yaml }
`;

const inGroup = `heat_template_version: 2018-08-31
resources:
  volume: { type: OS::Cinder::Volume, properties: { size: 1 } }
  servers:
    type: OS::Heat::ResourceGroup
    region: RegionThree
    properties:
      count: 1
      resource_def: { type: app.yaml, properties: { vol_id: { get_resource: volume } } }
`;

describe("cross-region connections inside nested templates", () => {
  it.each([
    ["a provider template's parameter", withApp("RegionTwo"), /volume \(RegionOne\) -> app\.yaml:attach \(RegionTwo\) via parameter vol_id of resource app$/],
    ["an OS::Heat::Stack child in another region", inStack, /volume \(RegionOne\) -> child:attach \(RegionTwo\) via parameter vol_id of resource child$/],
    ["a ResourceGroup's provider members", inGroup, /volume \(RegionOne\) -> servers\[\*\]:app\.yaml:attach \(RegionThree\) via property resource_def of resource servers, parameter vol_id of resource servers\[\*\]$/],
  ])("refuses %s at create before anything is allocated", async (_, template, path) => {
    const r = rig();
    const error = await r.engine.create("cross", { template, templateName: "main.yaml", files: { "app.yaml": APP } }, PROJECT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).diagnostics.map((d) => d.code)).toEqual(["region.cross"]);
    expect((error as ValidationError).diagnostics[0].message).toMatch(path);
    expect(await r.store.listStacks({ includeDeleted: true })).toEqual([]);
    const inventory = r.sim.inventory();
    expect([inventory.servers, inventory.volumes]).toEqual([[], []]);
  });

  it("creates the same tree when the provider lives in the volume's region: the analysis does not refuse what works", async () => {
    const r = rig();
    const h = await r.engine.create("same", { template: withApp("RegionOne"), templateName: "main.yaml", files: { "app.yaml": APP } }, PROJECT);
    expect((await r.finish(h)).status).toBe("COMPLETE");
    const [volume] = r.sim.inventory("RegionOne").volumes;
    expect(volume.attachments).toHaveLength(1);
    expect(volume.attachments.map((a) => a.serverId)).toEqual(r.sim.inventory("RegionOne").servers.map((s) => s.id));
  });
});
