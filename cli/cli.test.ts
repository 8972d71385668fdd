import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot as root, useCliHearth } from "./testing";

const { cli } = useCliHearth("hearth-cli-", { simSeed: 3, owner: "engine-cli-test" });

describe("hearth CLI", () => {
  it("validates a good template and prints Heat's answer", async () => {
    const { code, out } = await cli("validate", "-t", "examples/simple-server.yaml", "-f", "json");
    expect(code).toBe(0);
    const answer = JSON.parse(out);
    expect(answer.Parameters.flavor).toMatchObject({ Type: "String", Default: "m1.small", Label: "Flavor" });
  });

  it("rejects a cross-region attachment naming the file, line:column, path and both resources", async () => {
    const { code, out, err } = await cli("validate", "-t", "examples/bad-cross-region.yaml");
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err).toMatch(/^bad-cross-region\.yaml:\d+:\d+: error: .*"attachment".*"server".*\(at resources\.attachment\.properties\.instance_uuid\)$/m);
  });

  it("validates every example (all valid except the deliberate cross-region mistake)", async () => {
    const examples = fs.readdirSync(path.join(root, "examples")).filter((f) => f.endsWith(".yaml"));
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const name of examples) {
      const { code, err } = await cli("validate", "-t", `examples/${name}`);
      expect({ name, code, err: err === "" }).toEqual({ name, code: name.startsWith("bad-") ? 1 : 0, err: !name.startsWith("bad-") });
    }
  });

  it("injects and clears faults in the simulated cloud", async () => {
    expect((await cli("cloud", "fault", "region-offline", "RegionThree")).code).toBe(0);
    const regions = JSON.parse((await cli("cloud", "region", "list", "-f", "json")).out);
    expect(regions).toContainEqual({ Region: "RegionThree", Available: false });
    const bad = await cli("cloud", "fault", "fail-next", "RegionOne", "compute.explode");
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^ERROR: Unknown operation 'compute.explode'/);
    expect((await cli("cloud", "fault", "clear")).code).toBe(0);
    expect((await cli("cloud", "region", "list", "-f", "value")).out).toContain("RegionThree True");
  });

  it("lists the cloud's placeholder objects (`hearth cloud object list`)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-cli-objects-"));
    const template = path.join(dir, "container.yaml");
    fs.writeFileSync(template, 'heat_template_version: "2021-04-16"\nresources:\n  logs:\n    type: OS::Swift::Container\n    properties:\n      name: cli-logs\n');
    try {
      expect((await cli("stack", "create", "objects", "-t", template, "--wait")).code).toBe(0);
      const objects = JSON.parse((await cli("cloud", "object", "list", "-f", "json")).out);
      expect(objects).toContainEqual({ ID: expect.any(String), Kind: "OS::Swift::Container", Name: "cli-logs", Status: "ACTIVE", Region: "RegionOne" });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("exits 2 with a usage line for bad command lines", async () => {
    expect((await cli("stack", "create", "x")).err).toMatch(/required: -t\/--template/);
    expect((await cli("stack", "create", "x")).code).toBe(2);
    expect((await cli("stack", "list", "--bogus")).code).toBe(2);
    expect((await cli("stack", "frobnicate")).code).toBe(2);
    expect((await cli("stack", "list", "-f", "csv")).err).toMatch(/invalid choice: 'csv'/);
  });

  it("creates a stack with --wait, printing event lines, then lists, shows and reads outputs as JSON", async () => {
    const created = await cli("stack", "create", "web", "-t", "examples/simple-server.yaml", "--parameter", "flavor=m1.tiny", "--wait", "-f", "json");
    expect(created.err).toBe("");
    expect(created.code).toBe(0);
    const lines = created.out.split("\n").filter((l) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ /.test(l));
    expect(lines[0]).toMatch(/\[web\]: CREATE_IN_PROGRESS {2}Stack CREATE started$/);
    expect(lines.at(-1)).toMatch(/\[web\]: CREATE_COMPLETE {2}Stack CREATE completed successfully$/);
    expect(lines.some((l) => l.includes("[server]: CREATE_COMPLETE"))).toBe(true);
    const shown = JSON.parse(created.out.slice(created.out.indexOf("{")));
    expect(shown).toMatchObject({ stack_name: "web", stack_status: "CREATE_COMPLETE" });

    const listed = JSON.parse((await cli("stack", "list", "-f", "json")).out);
    expect(listed).toContainEqual(expect.objectContaining({ ID: shown.id, "Stack Name": "web", "Stack Status": "CREATE_COMPLETE" }));

    const output = JSON.parse((await cli("stack", "output", "show", "web", "server_ip", "-f", "json")).out);
    expect(output).toEqual({ description: "The server's fixed address.", output_key: "server_ip", output_value: expect.stringMatching(/^10\.10\.0\.\d+$/) });
    expect((await cli("stack", "output", "show", "web", "server_ip", "-f", "value")).out).toBe(`The server's fixed address.\nserver_ip\n${output.output_value}\n`);

    const resources = JSON.parse((await cli("stack", "resource", "list", "web", "-f", "json")).out);
    expect(resources.map((r: { resource_name: string }) => r.resource_name).sort()).toEqual(["net", "server", "subnet"]);
    const server = JSON.parse((await cli("stack", "resource", "show", "web", "server", "-f", "json")).out);
    expect(server).toMatchObject({ resource_name: "server", resource_type: "OS::Nova::Server", resource_status: "CREATE_COMPLETE", region: "RegionOne", stack_name: "web" });
    expect(server.attributes.first_address).toBe(output.output_value);
    const servers = JSON.parse((await cli("cloud", "server", "list", "--region", "RegionOne", "-f", "json")).out);
    expect(servers).toContainEqual(expect.objectContaining({ Name: "web-1", Status: "ACTIVE", Region: "RegionOne" }));
    const events = (await cli("stack", "event", "list", "web", "--resource", "server")).out.trim().split("\n");
    expect(events.every((l) => l.includes("[server]:"))).toBe(true);
  });

  it("signals a waiting resource so the stack completes", async () => {
    const creating = cli("stack", "create", "waiter", "-t", "examples/wait-condition.yaml");
    let status = "";
    for (let i = 0; i < 200 && status !== "CREATE_IN_PROGRESS"; i++) {
      // Poll as a client would, with a pause: the store lets the event loop turn between writes,
      // and a loop of nothing but (synchronous SQLite) reads would starve the create it waits for.
      await new Promise((resolve) => setTimeout(resolve, 10));
      const resources = await cli("stack", "resource", "list", "waiter", "-f", "json");
      const wait = resources.code === 0 ? JSON.parse(resources.out).find((r: { resource_name: string }) => r.resource_name === "wait") : undefined;
      status = wait?.resource_status ?? "";
    }
    expect(status).toBe("CREATE_IN_PROGRESS");
    const signal = await cli("stack", "resource", "signal", "waiter", "handle", "--data", '{"status": "SUCCESS", "reason": "booted", "data": "ready", "id": "1"}');
    expect(signal).toEqual({ code: 0, out: "", err: "" });
    expect((await creating).code).toBe(0);
    const shown = JSON.parse((await cli("stack", "show", "waiter", "-f", "json")).out);
    expect(shown.stack_status).toBe("CREATE_COMPLETE");
    const data = shown.outputs.find((o: { output_key: string }) => o.output_key === "data");
    expect(JSON.parse(data.output_value)).toEqual({ "1": "ready" });
    expect((await cli("stack", "resource", "signal", "waiter", "handle", "--data", "{oops")).err).toMatch(/^ERROR: Data should be in JSON format/);
  });

  it("exits 1 with heatclient's closing message when --wait sees the stack fail", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-cli-tpl-"));
    fs.writeFileSync(path.join(dir, "fail.yaml"), "heat_template_version: 2018-08-31\nresources:\n  broken: { type: OS::Heat::TestResource, properties: { fail: true } }\n");
    try {
      const failed = await cli("stack", "create", "doomed", "-t", path.join(dir, "fail.yaml"), "--wait");
      expect(failed.code).toBe(1);
      expect(failed.out).toMatch(/\[broken\]: CREATE_FAILED/);
      expect(failed.err).toBe("\n Stack doomed CREATE_FAILED \n");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("deletes with --wait and then reports the stack as not found", async () => {
    const deleted = await cli("stack", "delete", "web", "--wait", "-y");
    expect(deleted.code).toBe(0);
    expect(deleted.out.trim().split("\n").at(-1)).toMatch(/\[web\]: DELETE_COMPLETE {2}Stack DELETE completed successfully$/);
    // the events of the delete only: the cursor is the stack's last event before it started
    expect(deleted.out.trim().split("\n")[0]).toMatch(/\[web\]: DELETE_IN_PROGRESS /);
    expect(deleted.out).not.toMatch(/CREATE_/);
    const show = await cli("stack", "show", "web");
    expect(show).toEqual({ code: 1, out: "", err: "ERROR: Stack web not found\n" });
  });
});
