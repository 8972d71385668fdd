import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CFN_VOLUME_CHILD } from "../../lib/engine/template/region-fixtures";
import { adminSession } from "./harness";

const session = adminSession();
const base = "/heat-api/v1/admin";

/** The example provider template: it attaches the volume it is given (vol_id) to its own server. */
const APP = fs.readFileSync(path.resolve(import.meta.dirname, "../../examples/regions/volume-server.yaml"), "utf8");

const MAIN = `heat_template_version: 2018-08-31
resources:
  volume: { type: OS::Cinder::Volume, properties: { size: 1 } }
  app:
    type: app.yaml
    region: RegionTwo
    properties: { vol_id: { get_resource: volume } }
`;

const PATH = "volume (RegionOne) -> app.yaml:attach (RegionTwo) via parameter vol_id of resource app";

describe("the Heat API refuses cross-region connections inside nested templates", () => {
  it("POST /validate answers 400 naming both resources and the path", async () => {
    const answer = await session.api.call("POST", `${base}/validate`, { token: session.token, body: { template: MAIN, files: { "app.yaml": APP } } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain(PATH);
    expect(answer.body.error.message).toContain('"app.yaml:server" (OS::Nova::Server) in region RegionTwo');
  });

  it("POST /stacks answers 400 and allocates nothing", async () => {
    const answer = await session.api.call("POST", `${base}/stacks`, { token: session.token, body: { stack_name: "nested", template: MAIN, files: { "app.yaml": APP } } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain(PATH);
    expect((await session.api.call("GET", `${base}/stacks`, { token: session.token })).body.stacks).toEqual([]);
    const inventory = await session.api.hearth.cloudInventory();
    expect([inventory.servers, inventory.volumes]).toEqual([[], []]);
  });
});

/** A RegionOne volume handed to a RegionTwo AWS::CloudFormation::Stack whose child attaches it unless Attach is "no". */
const CFN_MAIN = (attach: string) => `heat_template_version: 2018-08-31
resources:
  volume: { type: OS::Cinder::Volume, properties: { size: 1 } }
  child:
    type: AWS::CloudFormation::Stack
    region: RegionTwo
    properties:
      TemplateURL: child.template
      Parameters: { VolId: { get_resource: volume }, Attach: "${attach}" }
`;

describe("the Heat API's region check follows CFN children and their conditions", () => {
  it("POST /validate names both resources and the path into an AWS::CloudFormation::Stack, and accepts it once the condition leaves the attachment out", async () => {
    const files = { "child.template": CFN_VOLUME_CHILD };
    const refused = await session.api.call("POST", `${base}/validate`, { token: session.token, body: { template: CFN_MAIN("yes"), files } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('Resource "child:attach" (OS::Cinder::VolumeAttachment) in region RegionTwo cannot use "volume" (OS::Cinder::Volume) in region RegionOne');
    expect(refused.body.error.message).toContain("volume (RegionOne) -> child:attach (RegionTwo) via parameter VolId of resource child");
    const accepted = await session.api.call("POST", `${base}/validate`, { token: session.token, body: { template: CFN_MAIN("no"), files } });
    expect(accepted.status).toBe(200);
  });
});
