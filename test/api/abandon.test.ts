import { describe, expect, it } from "vitest";
import { adminSession, settled } from "./harness";
import { KEEPER } from "./templates";

const session = adminSession();
const base = "/heat-api/v1/admin";

/** Counts of what the simulated cloud holds. */
async function cloudCounts(): Promise<{ servers: number; volumes: number; networks: number }> {
  const inv = await session.api.hearth.cloudInventory();
  return { servers: inv.servers.length, volumes: inv.volumes.length, networks: inv.networks.length };
}

/** Physical ids by resource name (nested ones as "<parent>/<name>"). */
async function physicalIds(path: string): Promise<Record<string, string>> {
  const { body } = await session.api.call("GET", `${path}/resources?nested_depth=1`, { token: session.token });
  return Object.fromEntries(body.resources.filter((r: { parent_resource?: string }) => !r.parent_resource).map((r: { resource_name: string; physical_resource_id: string }) => [r.resource_name, r.physical_resource_id]));
}

async function createKeeper(name: string): Promise<string> {
  const created = await session.api.call("POST", `${base}/stacks`, { token: session.token, body: { stack_name: name, template: KEEPER } });
  expect(created.status).toBe(201);
  expect(await settled(session.api, "admin", session.token, name)).toBe("CREATE_COMPLETE");
  return `${base}/stacks/${name}/${created.body.stack.id}`;
}

describe("resource metadata", () => {
  it("shows the template's resolved metadata and what a wait condition handle keeps of its signals", async () => {
    const path = await createKeeper("meta");
    const server = await session.api.call("GET", `${path}/resources/server/metadata`, { token: session.token });
    expect(server).toMatchObject({ status: 200, body: { metadata: { role: "db", stack: "meta" } } });
    expect((await session.api.call("GET", `${path}/resources/handle/metadata`, { token: session.token })).body).toEqual({ metadata: {} });

    expect((await session.api.call("POST", `${path}/resources/handle/signal`, { token: session.token, body: { status: "SUCCESS", reason: "ready", data: "x", id: "a1" } })).status).toBe(200);
    expect((await session.api.call("POST", `${path}/resources/handle/signal`, { token: session.token, body: {} })).status).toBe(200);
    const handle = await session.api.call("GET", `${path}/resources/handle/metadata`, { token: session.token });
    expect(handle.body.metadata).toEqual({ a1: { data: "x", reason: "ready", status: "SUCCESS" }, "2": { data: null, reason: "Signal 2 received", status: "SUCCESS" } });
    const shown = await session.api.call("GET", `${path}/resources/handle`, { token: session.token });
    expect(shown.body.resource.metadata).toEqual(handle.body.metadata);
    const exported = await session.api.call("GET", `${path}/export`, { token: session.token });
    expect(exported.body.resources.handle.metadata).toEqual(handle.body.metadata);
    expect(exported.body.resources.server.metadata).toEqual({ role: "db", stack: "meta" });
    expect((await session.api.call("GET", `${path}/resources/nope/metadata`, { token: session.token })).status).toBe(404);
  });
});

describe("stack abandon and adopt", () => {
  it("abandon forgets the stack but keeps its cloud resources; adopt takes the same physical resources over", async () => {
    const path = await createKeeper("keeper");
    const ids = await physicalIds(path);
    const before = await cloudCounts();
    expect(before.servers).toBeGreaterThan(0);

    const abandoned = await session.api.call("DELETE", `${path}/abandon`, { token: session.token });
    expect(abandoned.status).toBe(200);
    expect(abandoned.body).toMatchObject({ name: "keeper", action: "CREATE", status: "COMPLETE", project_id: "admin", template: { heat_template_version: "2018-08-31" } });
    expect(abandoned.body.resources.server).toMatchObject({ name: "server", type: "OS::Nova::Server", resource_id: ids.server, metadata: { role: "db" } });
    expect(Object.keys(abandoned.body.resources.group.resources).sort()).toEqual(["0", "1"]);
    expect((await session.api.call("GET", path, { token: session.token })).status).toBe(404);
    expect((await session.api.call("GET", `${base}/stacks`, { token: session.token })).body.stacks).toEqual([]);
    expect(await cloudCounts()).toEqual(before);

    // as the openstack client sends it: the abandon file's text, no template
    const adopted = await session.api.call("POST", `${base}/stacks`, { token: session.token, body: { stack_name: "adopted", adopt_stack_data: JSON.stringify(abandoned.body), disable_rollback: true } });
    expect(adopted.status).toBe(201);
    expect(await settled(session.api, "admin", session.token, "adopted")).toBe("ADOPT_COMPLETE");
    const adoptedPath = `${base}/stacks/adopted/${adopted.body.stack.id}`;
    const adoptedIds = await physicalIds(adoptedPath);
    expect({ ...adoptedIds, group: "" }).toEqual({ ...ids, group: "" });
    expect(await cloudCounts()).toEqual(before);
    const resources = (await session.api.call("GET", `${adoptedPath}/resources?nested_depth=1`, { token: session.token })).body.resources;
    expect(new Set(resources.map((r: { resource_status: string }) => r.resource_status))).toEqual(new Set(["ADOPT_COMPLETE"]));
    expect(resources.filter((r: { parent_resource?: string }) => r.parent_resource === "group")).toHaveLength(2);
    const output = await session.api.call("GET", `${adoptedPath}/outputs/server_id`, { token: session.token });
    expect(output.body.output.output_value).toBe(ids.server);

    // the adopted stack owns them now: deleting it deletes them
    expect((await session.api.call("DELETE", adoptedPath, { token: session.token })).status).toBe(204);
    expect(await settled(session.api, "admin", session.token, "adopted")).toBe("GONE");
    await expect.poll(cloudCounts, { timeout: 10_000, interval: 20 }).toMatchObject({ servers: before.servers - 1, volumes: before.volumes - 1 });
  });

  it("fails the adopt of a resource the data does not name, as Heat does, and refuses malformed data", async () => {
    const path = await createKeeper("partial");
    const data = (await session.api.call("DELETE", `${path}/abandon`, { token: session.token })).body;
    delete data.resources.volume;
    const adopted = await session.api.call("POST", `${base}/stacks`, { token: session.token, body: { stack_name: "partial2", adopt_stack_data: data } });
    expect(adopted.status).toBe(201);
    expect(await settled(session.api, "admin", session.token, "partial2")).toBe("ADOPT_FAILED");
    const stack = (await session.api.call("GET", `${base}/stacks/partial2/${adopted.body.stack.id}`, { token: session.token })).body.stack;
    expect(stack.stack_status_reason).toBe("Resource ADOPT failed: Exception: resources.volume: Resource ID was not provided.");

    const notJson = await session.api.call("POST", `${base}/stacks`, { token: session.token, body: { stack_name: "bad", adopt_stack_data: "{nope" } });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.message).toContain("Invalid adopt data");
    const noResources = await session.api.call("POST", `${base}/stacks`, { token: session.token, body: { stack_name: "bad", adopt_stack_data: { template: {} } } });
    expect(noResources.body.error.message).toBe('Invalid adopt data: "resources" must be an object of resources by name.');
  });
});
