/**
 * `openstack stack abandon` / `stack adopt` and `stack resource metadata` against Hearth with the
 * real client: the adopted stack has the abandoned one's physical resources and the simulated cloud
 * holds exactly what it held before.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEEPER } from "../api/templates";
import { available, startOpenstackEnv, type OpenstackEnv } from "./openstack-env";

let env: OpenstackEnv;

/** Physical ids by resource name. */
async function physicalIds(stack: string): Promise<Record<string, string>> {
  const list: { resource_name: string; physical_resource_id: string }[] = await env.openstackJson("stack", "resource", "list", stack);
  return Object.fromEntries(list.map((r) => [r.resource_name, r.physical_resource_id]));
}

async function cloudCounts(): Promise<number[]> {
  const inv = await env.server.hearth.cloudInventory();
  return [inv.servers.length, inv.volumes.length, inv.networks.length, inv.ports.length];
}

describe.skipIf(!available)("openstack stack abandon / adopt and resource metadata", () => {
  beforeAll(async () => {
    env = await startOpenstackEnv("adopt-secret");
    env.write("keeper.yaml", KEEPER);
  });
  afterAll(() => env?.close());

  it("abandons a stack to a file and adopts it back with the same physical resources", { timeout: 240_000 }, async () => {
    await env.openstackJson("stack", "create", "-t", "keeper.yaml", "--wait", "keeper");
    const metadata = await env.openstackJson("stack", "resource", "metadata", "keeper", "server");
    expect(metadata).toEqual({ role: "db", stack: "keeper" });
    const ids = await physicalIds("keeper");
    const before = await cloudCounts();

    await env.openstack("stack", "abandon", "keeper", "--output-file", "keeper.json");
    const data = JSON.parse(fs.readFileSync(path.join(env.dir, "keeper.json"), "utf8"));
    expect(data.resources.server.resource_id).toBe(ids.server);
    expect(await env.openstackJson("stack", "list")).toEqual([]);
    expect(await cloudCounts()).toEqual(before);

    const adopted = await env.openstackJson("stack", "adopt", "--adopt-file", "keeper.json", "--wait", "keeper2");
    expect(adopted).toMatchObject({ stack_name: "keeper2", stack_status: "ADOPT_COMPLETE" });
    const adoptedIds = await physicalIds("keeper2");
    expect({ ...adoptedIds, group: "" }).toEqual({ ...ids, group: "" });
    expect(await cloudCounts()).toEqual(before);
  });
});
