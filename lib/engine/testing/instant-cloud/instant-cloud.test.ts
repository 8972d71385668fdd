import { describe, expect, it } from "vitest";
import { describeCloudPortContract } from "../../ports/cloud-port.contract";
import { createInstantCloud } from ".";

describeCloudPortContract("InstantCloud", () => {
  const cloud = createInstantCloud();
  return { cloud, setRegionAvailable: (region, available) => cloud.setRegionAvailable(region, available), floatingNetwork: "public", peer: async () => cloud };
});

describe("InstantCloud", () => {
  it("settles every change when the call returns", async () => {
    const client = createInstantCloud().region("RegionOne");
    const server = await client.compute.createServer({ name: "a", flavor: "m1.tiny", image: "cirros" });
    expect(server.status).toBe("ACTIVE");
    const volume = await client.volume.createVolume({ sizeGb: 1 });
    expect(volume.status).toBe("available");
    await client.volume.attachVolume(volume.id, server.id);
    expect((await client.volume.getVolume(volume.id)).status).toBe("in-use");
    await client.compute.suspendServer(server.id);
    expect((await client.compute.getServer(server.id)).status).toBe("SUSPENDED");
    await client.compute.deleteServer(server.id);
    await expect(client.compute.getServer(server.id)).rejects.toMatchObject({ code: "NotFound" });
    expect((await client.volume.getVolume(volume.id)).attachments).toEqual([]);
  });

  it("gives deterministic ids, and a server without networks a port on the region's private network", async () => {
    const make = async () => {
      const cloud = createInstantCloud({ now: () => Date.UTC(2030, 5, 1) });
      return cloud.region("RegionTwo").compute.createServer({ name: "a", flavor: "m1.small", image: "ubuntu-22.04" });
    };
    const [a, b] = [await make(), await make()];
    expect(a).toEqual(b);
    expect(a).toMatchObject({ id: "server-1", region: "RegionTwo", createdAt: "2030-06-01T00:00:00.000Z" });
    expect(a.addresses).toEqual([{ network: "private", address: "10.1.0.2", type: "fixed", portId: "port-1" }]);
  });

  it("allocates floating IPs on the external network only, and drops them from a deleted port", async () => {
    const net = createInstantCloud().region("RegionOne").network;
    const port = await net.createPort({ networkId: "private" });
    await expect(net.createFloatingIp({ floatingNetwork: "private" })).rejects.toMatchObject({ code: "BadRequest" });
    const fip = await net.createFloatingIp({ floatingNetwork: "public", portId: port.id });
    expect(fip).toMatchObject({ address: "172.24.4.2", portId: port.id, fixedIp: port.fixedIps[0].ipAddress });
    await net.deletePort(port.id);
    expect(await net.getFloatingIp(fip.id)).toMatchObject({ portId: null, fixedIp: null });
  });

  it("hands out copies, so a caller cannot change what the cloud holds", async () => {
    const client = createInstantCloud().region("RegionOne");
    const metadata = { role: "web" };
    const server = await client.compute.createServer({ name: "a", flavor: "m1.tiny", image: "cirros", metadata });
    metadata.role = "changed";
    server.metadata.role = "changed too";
    expect((await client.compute.getServer(server.id)).metadata).toEqual({ role: "web" });
  });

  it("counts a project's quota usage from its own objects", async () => {
    const cloud = createInstantCloud();
    await cloud.region("RegionOne", "a").compute.createServer({ name: "a", flavor: "m1.medium", image: "cirros" });
    expect((await cloud.region("RegionOne", "a").quota()).used).toMatchObject({ instances: 1, cores: 2, ports: 1 });
    expect((await cloud.region("RegionOne", "b").quota()).used).toMatchObject({ instances: 0, cores: 0, ports: 0 });
  });

  it("has the regions it is given, and unlimited quotas", async () => {
    const cloud = createInstantCloud({ regions: ["East", "West"] });
    expect(cloud.regionNames()).toEqual(["East", "West"]);
    expect((await cloud.region("West").quota()).limits.instances).toBe(-1);
  });
});
