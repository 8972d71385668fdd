import { describe, expect, it } from "vitest";
import { portServerTemplate } from "../../lib/engine/testing/port-server";
import { adminSession } from "./harness";

const session = adminSession();
const base = "/heat-api/v1/admin/stacks";

const template = (flavor: string) => portServerTemplate({ flavor });


/** Polls stack show until the status leaves IN_PROGRESS (at most 30 s). */
async function settle(path: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (let i = 0; i < 3000 && Date.now() < deadline; i++) {
    const status: string = (await session.api.call("GET", path, { token: session.token })).body.stack.stack_status;
    if (!status.endsWith("IN_PROGRESS")) return status;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${path} still in progress`);
}

/** The physical ids of the stack's port and server, and the device the simulated cloud shows the port on. */
async function portAndServer(path: string) {
  const listed = (await session.api.call("GET", `${path}/resources`, { token: session.token })).body.resources as { resource_name: string; physical_resource_id: string }[];
  const id = (name: string) => listed.find((r) => r.resource_name === name)!.physical_resource_id;
  const inventory = await session.api.hearth.cloudInventory("RegionOne");
  return { server: id("server"), portOn: inventory.ports.find((p) => p.id === id("port"))!.deviceId, servers: inventory.servers.map((s) => s.id) };
}

describe("PATCH of a stack whose server uses a pre-created port", () => {
  it("replaces the server (a flavor change) with the port moved to the new server", async () => {
    const created = await session.api.call("POST", base, { token: session.token, body: { stack_name: "onport", template: template("m1.tiny") } });
    expect(created.status).toBe(201);
    const path = `${base}/onport/${created.body.stack.id}`;
    expect(await settle(path)).toBe("CREATE_COMPLETE");
    const before = await portAndServer(path);
    expect(before.portOn).toBe(before.server);

    const patched = await session.api.call("PATCH", path, { token: session.token, body: { template: template("m1.small") } });
    expect(patched.status).toBe(202);
    expect(await settle(path)).toBe("UPDATE_COMPLETE");
    const after = await portAndServer(path);
    expect(after.server).not.toBe(before.server);
    expect(after).toEqual({ server: after.server, portOn: after.server, servers: [after.server] });
  }, 60_000);
});
