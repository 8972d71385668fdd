/**
 * Hearth driven by the real OpenStack clients (Debian's python3-heatclient, which brings `openstack`):
 * they authenticate against Hearth's /identity/v3 and use the orchestration endpoint from its catalog.
 * Skipped only when /usr/bin/openstack is missing (CI installs it).
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAIR, WAITER } from "../api/templates";
import { available, startOpenstackEnv, type OpenstackEnv } from "./openstack-env";

const PYTHON = "/usr/bin/python3";
const PASSWORD = "clients-secret";
const run = promisify(execFile);
let env: OpenstackEnv;
const openstack = (...args: string[]) => env.openstack(...args);
const openstackJson = (...args: string[]) => env.openstackJson(...args);

describe.skipIf(!available)("real OpenStack clients against Hearth", () => {
  beforeAll(async () => {
    env = await startOpenstackEnv(PASSWORD);
    env.write("pair.yaml", PAIR);
    env.write("waiter.yaml", WAITER);
  });
  afterAll(() => env?.close());

  it("openstack stack create / list / show / output show / resource list / event list / delete --wait", { timeout: 240_000 }, async () => {
    const created = await openstackJson("stack", "create", "-t", "pair.yaml", "--parameter", "greeting=hi", "--wait", "cli-pair");
    expect(created).toMatchObject({ stack_name: "cli-pair", stack_status: "CREATE_COMPLETE", description: "A pair of test resources" });

    const list = await openstackJson("stack", "list");
    expect(list.map((s: { "Stack Name": string }) => s["Stack Name"])).toEqual(["cli-pair"]);
    const shown = await openstackJson("stack", "show", "cli-pair");
    expect(shown.id).toBe(created.id);
    expect(shown.parameters.greeting).toBe("hi");
    const output = await openstackJson("stack", "output", "show", "cli-pair", "said");
    expect(output.output_value).toBe("hi");
    const resources = await openstackJson("stack", "resource", "list", "cli-pair");
    expect(resources.map((r: { resource_name: string; resource_status: string }) => [r.resource_name, r.resource_status]).sort()).toEqual([
      ["first", "CREATE_COMPLETE"],
      ["second", "CREATE_COMPLETE"],
    ]);
    const events = await openstack("stack", "event", "list", "cli-pair");
    expect(events).toContain("[cli-pair]: CREATE_COMPLETE  Stack CREATE completed successfully");
    expect(events).toContain("[cli-pair.second]: CREATE_COMPLETE");

    const deleted = await openstack("stack", "delete", "--wait", "-y", "cli-pair");
    expect(deleted).toContain("DELETE_IN_PROGRESS");
    await expect(openstack("stack", "show", "cli-pair")).rejects.toMatchObject({ stderr: expect.stringContaining("not found") });
  });

  it("openstack stack resource signal completes a wait condition", { timeout: 120_000 }, async () => {
    const created = await openstackJson("stack", "create", "-t", "waiter.yaml", "waiter");
    expect(created.stack_status).toBe("CREATE_IN_PROGRESS");
    for (;;) {
      const handle = await openstackJson("stack", "resource", "show", "waiter", "handle");
      if (handle.resource_status === "CREATE_COMPLETE") break;
    }
    await openstack("stack", "resource", "signal", "waiter", "handle", "--data", '{"status": "SUCCESS", "data": "up", "id": "a"}');
    let status = "";
    while (!status || status.endsWith("IN_PROGRESS")) status = (await openstackJson("stack", "show", "waiter")).stack_status;
    expect(status).toBe("CREATE_COMPLETE");
    expect(JSON.parse((await openstackJson("stack", "output", "show", "waiter", "data")).output_value)).toEqual({ a: "up" });
  });

  it("openstack stack create --dry-run shows the preview and creates nothing", { timeout: 120_000 }, async () => {
    const preview = await openstackJson("stack", "create", "--dry-run", "-t", "pair.yaml", "dry");
    expect(preview).toMatchObject({ stack_name: "dry", id: "None", description: "A pair of test resources" });
    const names = (await openstackJson("stack", "list")).map((s: { "Stack Name": string }) => s["Stack Name"]);
    expect(names).not.toContain("dry");
  });

  it("heatclient's Python API creates, reads, validates and deletes a stack", { timeout: 120_000 }, async () => {
    const script = path.join(import.meta.dirname, "heatclient-api.py");
    const { stdout } = await run(PYTHON, [script, `${env.server.origin}/identity/v3`, PASSWORD, path.join(env.dir, "pair.yaml")], { timeout: 120_000 });
    const seen = JSON.parse(stdout);
    expect(seen).toMatchObject({ status: "CREATE_COMPLETE", output: "from-python", resources: ["first", "second"], types: true, versions: true, validate: "A pair of test resources" });
    expect(seen.names).toContain("py-stack");
    expect(seen.events).toBeGreaterThanOrEqual(6);
  });
});
