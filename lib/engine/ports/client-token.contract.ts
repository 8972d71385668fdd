/**
 * The client-token part of the cloud port contract (CloudProvider.region's clientToken, client-token.ts),
 * registered by describeCloudPortContract for every implementation.
 */
import { expect, it } from "vitest";
import type { CloudProvider } from "./cloud";

/** What the token tests need of a fixture. */
export interface TokenFixture {
  cloud: CloudProvider;
  region: string;
  /** The same cloud as another client sees it (another process, for a cloud kept in a store). */
  peer(): Promise<CloudProvider>;
}

/** Registers the client-token tests (inside the contract's describe). */
export function clientTokenTests(setup: () => Promise<TokenFixture>): void {
  const names = async (cloud: CloudProvider, region: string) => (await cloud.region(region).network.listNetworks()).map((n) => n.name);

  it("carries out a stamped create once: the same token twice gives one object and the same answer", async () => {
    const { cloud, region } = await setup();
    const first = await cloud.region(region, undefined, "token-a").network.createNetwork({ name: "once" });
    const again = await cloud.region(region, undefined, "token-a").network.createNetwork({ name: "once" });
    expect(again).toEqual(first);
    expect((await names(cloud, region)).filter((n) => n === "once")).toHaveLength(1);
    const server = await cloud.region(region, undefined, "token-a").compute.createServer({ name: "vm-once", flavor: "m1.tiny", image: "cirros" });
    const repeat = await cloud.region(region, undefined, "token-a").compute.createServer({ name: "vm-once", flavor: "m1.tiny", image: "cirros" });
    expect(repeat).toMatchObject({ id: server.id, name: "vm-once" });
    expect((await cloud.region(region).compute.listServers()).filter((s) => s.name === "vm-once")).toHaveLength(1);
  });

  it("counts each operation's calls per client instance: different tokens or later calls make new objects", async () => {
    const { cloud, region } = await setup();
    const client = cloud.region(region, undefined, "token-b");
    const one = await client.network.createNetwork({ name: "counted" });
    await client.network.listNetworks();
    const two = await client.network.createNetwork({ name: "counted" });
    const other = await cloud.region(region, undefined, "token-c").network.createNetwork({ name: "counted" });
    expect(new Set([one.id, two.id, other.id]).size).toBe(3);
    const rerun = cloud.region(region, undefined, "token-b");
    expect([(await rerun.network.createNetwork({ name: "counted" })).id, (await rerun.network.createNetwork({ name: "counted" })).id]).toEqual([one.id, two.id]);
    expect((await names(cloud, region)).filter((n) => n === "counted")).toHaveLength(3);
  });

  it("answers a repeated delete with success, shows a create as it is now, and runs a call that failed again", async () => {
    const { cloud, region } = await setup();
    const network = await cloud.region(region, undefined, "token-d").network.createNetwork({ name: "doomed" });
    await cloud.region(region).network.updateNetwork(network.id, { name: "renamed" });
    expect(await cloud.region(region, undefined, "token-d").network.createNetwork({ name: "doomed" })).toMatchObject({ id: network.id, name: "renamed" });
    await cloud.region(region, undefined, "token-e").network.deleteNetwork(network.id);
    await expect(cloud.region(region, undefined, "token-e").network.deleteNetwork(network.id)).resolves.toBeUndefined();
    await expect(cloud.region(region).network.deleteNetwork(network.id)).rejects.toMatchObject({ code: "NotFound" });
    await expect(cloud.region(region, undefined, "token-f").compute.createServer({ name: "bad", flavor: "no-such-flavor", image: "cirros" })).rejects.toMatchObject({ code: "BadRequest" });
    const made = await cloud.region(region, undefined, "token-f").compute.createServer({ name: "good", flavor: "m1.tiny", image: "cirros" });
    expect(made).toMatchObject({ name: "good" });
  });

  it("deduplicates a token's create made by another client of the same cloud (another process)", async () => {
    const { cloud, region, peer } = await setup();
    const first = await cloud.region(region, "project-p", "token-g").volume.createVolume({ name: "shared-once", sizeGb: 1 });
    const other = await peer();
    const again = await other.region(region, "project-p", "token-g").volume.createVolume({ name: "shared-once", sizeGb: 1 });
    expect(again.id).toBe(first.id);
    const fresh = await other.region(region, "project-p", "token-h").volume.createVolume({ name: "shared-once", sizeGb: 1 });
    expect(fresh.id).not.toBe(first.id);
    expect((await other.region(region, "project-p").volume.listVolumes()).filter((v) => v.name === "shared-once")).toHaveLength(2);
  });

  it("changes nothing without a token: the same create twice makes two objects", async () => {
    const { cloud, region } = await setup();
    const client = cloud.region(region);
    const [a, b] = [await client.network.createNetwork({ name: "plain" }), await client.network.createNetwork({ name: "plain" })];
    expect(a.id).not.toBe(b.id);
    expect(cloud.region(region)).toBe(client);
  });
}
