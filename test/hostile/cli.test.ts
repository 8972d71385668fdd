/**
 * The hostile cases through the CLI (which acts for its configured project, "admin" here): another
 * project's server cannot be adopted (ADOPT_FAILED, as a missing one) nor listed.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useCliHearth } from "../../cli/testing";

const { cli, hearth } = useCliHearth("hearth-cli-hostile-");

const SERVER = `heat_template_version: 2018-08-31
resources:
  server: { type: OS::Nova::Server, properties: { flavor: m1.tiny, image: cirros, name: victim-server } }
`;

/** A stack of project demo with one server; the server's id. */
async function victimServer(): Promise<string> {
  const demo = (await hearth().identity.listProjects()).find((p) => p.name === "demo")!;
  const other = hearth().forProject(demo.id);
  const handle = await other.create("victim", { template: SERVER }, {});
  expect((await handle.done).status).toBe("COMPLETE");
  return (await other.getStack("victim")).resources.find((r) => r.name === "server")!.physicalId!;
}

describe("hearth CLI against another project's objects", () => {
  it("fails the adopt of another project's server as not found, and lists none of its servers", async () => {
    const id = await victimServer();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hearth-hostile-")), "take.json");
    const data = { template: { heat_template_version: "2018-08-31", resources: { server: { type: "OS::Nova::Server", properties: { flavor: "m1.tiny", image: "cirros" } } } }, resources: { server: { resource_id: id, type: "OS::Nova::Server" } } };
    fs.writeFileSync(file, JSON.stringify(data));
    const adopted = await cli("stack", "adopt", "taken", "--adopt-file", file, "--wait");
    expect(adopted.code).toBe(1);
    expect(`${adopted.out}${adopted.err}`).toContain(`No server with a name or ID of '${id}' exists.`);
    expect((await hearth().getStack("taken")).stack).toMatchObject({ action: "ADOPT", status: "FAILED" });

    const listed = await cli("cloud", "server", "list", "-f", "json");
    expect(listed.code).toBe(0);
    expect(listed.out).not.toContain(id);
    expect(listed.out).not.toContain("victim-server");
  });
});
