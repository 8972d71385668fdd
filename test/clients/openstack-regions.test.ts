/**
 * `openstack --os-region-name RegionTwo stack ...` against Hearth with the real client: it picks
 * RegionTwo's orchestration endpoint from the catalog, and the stack it creates lives in RegionTwo.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { available, startOpenstackEnv, type OpenstackEnv } from "./openstack-env";

let env: OpenstackEnv;

const LOCAL = `heat_template_version: 2018-08-31
resources:
  thing: { type: OS::Heat::TestResource, properties: { value: here } }
`;

describe.skipIf(!available)("openstack --os-region-name picks the region's orchestration endpoint", () => {
  beforeAll(async () => {
    env = await startOpenstackEnv("regions-secret");
    env.write("local.yaml", LOCAL);
  });
  afterAll(() => env?.close());

  it("creates a stack in RegionTwo; RegionOne's endpoint does not list it", { timeout: 180_000 }, async () => {
    const created = await env.openstackJson("--os-region-name", "RegionTwo", "stack", "create", "-t", "local.yaml", "--wait", "east");
    expect(created).toMatchObject({ stack_name: "east", stack_status: "CREATE_COMPLETE" });
    expect((await env.server.hearth.getStack("east")).stack.region).toBe("RegionTwo");
    const resources = await env.openstackJson("--os-region-name", "RegionTwo", "stack", "resource", "list", "east", "--long");
    expect(resources).toHaveLength(1);
    expect((await env.server.hearth.getStack("east")).resources[0].region).toBe("RegionTwo");

    const listedTwo = await env.openstackJson("--os-region-name", "RegionTwo", "stack", "list");
    expect(listedTwo.map((s: { "Stack Name": string }) => s["Stack Name"])).toEqual(["east"]);
    expect(await env.openstackJson("stack", "list")).toEqual([]);
    await expect(env.openstack("stack", "show", "east")).rejects.toMatchObject({ stderr: expect.stringContaining("not found") });
  });
});
