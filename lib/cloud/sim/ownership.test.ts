import { describe, expect, it } from "vitest";
import { createSimCloud } from "./index";

/** The message a call fails with (undefined when it succeeds). */
async function failure(call: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await call();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const MISSING = "00000000-0000-4000-8000-000000000000";

describe("project-scoped clients", () => {
  it("find another project's objects nowhere, in the words of a missing one", async () => {
    const sim = createSimCloud({ seed: 5 });
    const a = sim.region("RegionOne", "project-a");
    const b = sim.region("RegionOne", "project-b");
    const server = await a.compute.createServer({ name: "a-server", flavor: "m1.tiny", image: "cirros" });
    const volume = await a.volume.createVolume({ sizeGb: 1 });
    const network = await a.network.createNetwork({ name: "a-net" });
    const own = await b.compute.createServer({ name: "b-server", flavor: "m1.tiny", image: "cirros" });

    const same = async (call: (id: string) => Promise<unknown>, id: string) =>
      expect((await failure(() => call(id)))?.replace(id, "<id>")).toBe((await failure(() => call(MISSING)))?.replace(MISSING, "<id>"));
    await same((id) => b.compute.getServer(id), server.id);
    await same((id) => b.compute.deleteServer(id), server.id);
    await same((id) => b.volume.getVolume(id), volume.id);
    await same((id) => b.volume.attachVolume(id, own.id), volume.id);
    await same((id) => b.network.createPort({ networkId: id }), network.id);
    await same((id) => b.compute.createServer({ name: "x", flavor: "m1.tiny", image: "cirros", networks: [{ networkId: id }] }), network.id);
    expect(await failure(() => b.compute.getServer(server.id))).toBeDefined();

    expect((await b.compute.listServers()).map((s) => s.name)).toEqual(["b-server"]);
    expect(await b.volume.listVolumes()).toEqual([]);
    // what the region shares (bootstrap networks) every project sees; the operator sees everything
    expect((await b.network.listNetworks()).map((n) => n.name).sort()).toEqual(["private", "public"]);
    expect((await sim.region("RegionOne").compute.listServers()).map((s) => s.name).sort()).toEqual(["a-server", "b-server"]);
    expect(sim.inventory("RegionOne", "project-b").servers.map((s) => s.name)).toEqual(["b-server"]);
    expect((await a.compute.getServer(server.id)).name).toBe("a-server");
  });
});
