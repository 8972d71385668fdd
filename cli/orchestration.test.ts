import { describe, expect, it } from "vitest";
import { runCli, type CliIo } from "./index";

/** Runs the CLI with captured output; these commands must never open Hearth (no database). */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIo = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    cwd: process.cwd(),
    openHearth: () => Promise.reject(new Error("orchestration commands must not open the database")),
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

describe("hearth orchestration ...", () => {
  it("lists every registered resource type, filtered by name", async () => {
    const all = await run("orchestration", "resource", "type", "list", "-f", "json");
    const types = JSON.parse(all.out).map((r: Record<string, string>) => r["Resource Type"]);
    expect(types).toContain("OS::Heat::FailoverPolicy");
    expect(types).toContain("OS::Cinder::VolumeAttachment");
    expect(types).toContain("OS::Keystone::Project");
    expect(types).not.toContain("OS::Heat::HARestarter");
    const neutron = await run("orchestration", "resource", "type", "list", "--filter", "name=neutron", "-f", "value");
    expect(neutron.out.trim().split("\n").every((t) => t.startsWith("OS::Neutron::"))).toBe(true);
  });

  it("shows a type's schema as Heat's resource type show does, and names an unknown type", async () => {
    const shown = await run("orchestration", "resource", "type", "show", "OS::Cinder::VolumeAttachment", "-f", "json");
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.out).properties.instance_uuid).toMatchObject({ required: true, update_allowed: true });
    const missing = await run("orchestration", "resource", "type", "show", "OS::Nova::Nope");
    expect(missing).toMatchObject({ code: 1, err: "ERROR: The Resource Type (OS::Nova::Nope) could not be found.\n" });
    // a hidden type is refused as Heat refuses it (NotSupported); it is not listed either
    const hidden = await run("orchestration", "resource", "type", "show", "OS::Heat::HARestarter");
    expect(hidden).toMatchObject({ code: 1, err: "ERROR: OS::Heat::HARestarter is not supported.\n" });
  });

  it("lists template versions with aliases and the functions of one version", async () => {
    const versions = await run("orchestration", "template", "version", "list", "-f", "json");
    expect(JSON.parse(versions.out)).toContainEqual({ Version: "heat_template_version.2016-10-14", Type: "hot", Aliases: "newton" });
    const fns = await run("orchestration", "template", "function", "list", "2013-05-23", "-f", "value");
    expect(fns.out).toContain("get_resource");
    expect(fns.out).not.toMatch(/^repeat$/m); // repeat came with 2016-04-08
    const conditions = await run("orchestration", "template", "function", "list", "newton", "--condition", "-f", "value");
    expect(conditions.out.split("\n")).toContain("equals");
  });
});
