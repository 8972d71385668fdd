/**
 * A server on a pre-created port (networks: [{port: {get_resource: port}}]) replaced by an update:
 * the old server frees the port before the new one is created (make-before-break), and takes it back
 * when a rollback swaps it in; also when an engine dies along the way and a peer takes over.
 */
import { describe, expect, it } from "vitest";
import type { RegionClient } from "../ports";
import { createTestEngine, type TestEngine } from "../testing";
import type { TakeoverRig } from "../testing/takeover";
import { portServerTemplate } from "../testing/port-server";
import { atEveryCrashPoint, P } from "./takeover.fixture";

const template = (image: string, failing = false) => portServerTemplate({ image, failing });

type Engine = Pick<TestEngine, "engine" | "finish">;

async function createdStack(t: Engine): Promise<string> {
  const stack = await t.finish(await t.engine.create("web", { template: template("cirros") }, P));
  expect(`${stack.action}_${stack.status}`).toBe("CREATE_COMPLETE");
  return stack.id;
}

/** The port's and the server's physical ids as the stack records them, and the server the cloud shows the port on. */
async function portAndServer(t: Engine, cloud: RegionClient, stackId: string) {
  const byName = Object.fromEntries((await t.engine.resources(stackId)).map((r) => [r.name, r.physicalId!]));
  const port = await cloud.network.getPort(byName.port);
  return { port: byName.port, server: byName.server, portOn: port.deviceId };
}

const servers = async (cloud: RegionClient) => (await cloud.compute.listServers()).map((s) => s.id);

describe("replacing a server that uses a pre-created port", () => {
  it("moves the port to the new server and deletes the old one, with an event saying the port was detached", async () => {
    const t = createTestEngine();
    const cloud = t.cloud.region("RegionOne", P.projectId);
    const id = await createdStack(t);
    const before = await portAndServer(t, cloud, id);
    expect(before.portOn).toBe(before.server);
    const done = await t.finish(await t.engine.update(id, { template: template("ubuntu-22.04") }));
    expect(`${done.action}_${done.status}`).toBe("UPDATE_COMPLETE");
    const after = await portAndServer(t, cloud, id);
    expect(after.server).not.toBe(before.server);
    expect(after.portOn).toBe(after.server);
    expect(await servers(cloud)).toEqual([after.server]);
    const server = await cloud.compute.getServer(after.server);
    expect(server.addresses.map((a) => a.portId)).toEqual([before.port]);
    const reasons = (await t.store.listEvents(id)).filter((e) => e.resourceName === "server").map((e) => e.reason);
    expect(reasons).toContain(`Port ${before.port} detached from server ${before.server} for its replacement`);
  });

  it("puts the port back on the old server when a rollback swaps it in, taking it from the new server", async () => {
    const t = createTestEngine();
    const cloud = t.cloud.region("RegionOne", P.projectId);
    const id = await createdStack(t);
    const before = await portAndServer(t, cloud, id);
    const done = await t.finish(await t.engine.update(id, { template: template("ubuntu-22.04", true) }, { enableRollback: true }));
    expect(`${done.action}_${done.status}`).toBe("ROLLBACK_COMPLETE");
    expect(await portAndServer(t, cloud, id)).toEqual(before);
    expect(await servers(cloud)).toEqual([before.server]);
    const reasons = (await t.store.listEvents(id)).filter((e) => e.resourceName === "server").map((e) => e.reason);
    expect(reasons).toContain(`Port ${before.port} attached to server ${before.server} again after its replacement failed`);
  });

  it("puts the port back on the old server when the new server could not be created", async () => {
    const t = createTestEngine();
    const cloud = t.cloud.region("RegionOne", P.projectId);
    const id = await createdStack(t);
    const before = await portAndServer(t, cloud, id);
    const done = await t.finish(await t.engine.update(id, { template: template("no-such-image") }, { enableRollback: true }));
    expect(`${done.action}_${done.status}`).toBe("ROLLBACK_COMPLETE");
    expect(await portAndServer(t, cloud, id)).toEqual(before);
    expect(await servers(cloud)).toEqual([before.server]);
  });

  it("does the same when an engine dies at any point of the update or its rollback and a peer takes over", async () => {
    const check = (rolledBack: boolean) => async ({ rig, final }: { rig: TakeoverRig; final: { id: string; action: string; status: string } }) => {
      const cloud = rig.cloud.region("RegionOne", P.projectId);
      expect(`${final.action}_${final.status}`).toBe(rolledBack ? "ROLLBACK_COMPLETE" : "UPDATE_COMPLETE");
      const now = await portAndServer(rig.b, cloud, final.id);
      expect(now.portOn).toBe(now.server);
      expect(await servers(cloud)).toEqual([now.server]);
    };
    const taken = await atEveryCrashPoint((rig, id) => rig.a.engine.update(id!, { template: template("ubuntu-22.04") }), (rig) => createdStack(rig.a), check(false));
    const rolled = await atEveryCrashPoint(
      (rig, id) => rig.a.engine.update(id!, { template: template("ubuntu-22.04", true) }, { enableRollback: true }),
      (rig) => createdStack(rig.a),
      check(true),
    );
    expect(taken).toBeGreaterThan(0);
    expect(rolled).toBeGreaterThan(0);
  }, 120_000);
});
