import { describe, expect, it } from "vitest";
import { createSimCloud } from "./index";

describe("sim quotas", () => {
  it("reports DevStack limits and usage", async () => {
    const region = createSimCloud({ seed: 31 }).region("RegionTwo");
    await region.compute.createServer({ name: "a", flavor: "m1.medium", image: "cirros" });
    await region.volume.createVolume({ sizeGb: 3 });
    const { limits, used } = await region.quota();
    expect(limits).toEqual({ instances: 10, cores: 20, ramMb: 51200, volumes: 10, gigabytes: 1000, networks: 100, ports: 500, floatingIps: 50 });
    expect(used).toEqual({ instances: 1, cores: 2, ramMb: 4096, volumes: 1, gigabytes: 3, networks: 1, ports: 1, floatingIps: 0 });
  });

  it("raises Nova's QuotaExceeded for instances, cores and ram", async () => {
    const sim = createSimCloud({ seed: 32, quotas: { instances: 2, cores: 5 } });
    const compute = sim.region("RegionOne").compute;
    await compute.createServer({ name: "a", flavor: "m1.large", image: "cirros" });
    await expect(compute.createServer({ name: "b", flavor: "m1.medium", image: "cirros" })).rejects.toMatchObject({
      code: "QuotaExceeded",
      message: "Quota exceeded for cores: Requested 2, but already used 4 of 5 cores",
    });
    await compute.createServer({ name: "b", flavor: "m1.tiny", image: "cirros" });
    await expect(compute.createServer({ name: "c", flavor: "m1.tiny", image: "cirros" })).rejects.toMatchObject({
      message: "Quota exceeded for instances: Requested 1, but already used 2 of 2 instances",
    });
    sim.setQuota("RegionOne", { instances: -1, cores: -1, ramMb: 9000 });
    await expect(compute.createServer({ name: "c", flavor: "m1.small", image: "cirros" })).rejects.toMatchObject({
      message: "Quota exceeded for ram: Requested 2048, but already used 8704 of 9000 ram",
    });
    expect(() => sim.setQuota("RegionOne", { cores: -5 })).toThrow(/Invalid quota cores=-5/);
  });

  it("raises Cinder's messages for volumes and gigabytes", async () => {
    const sim = createSimCloud({ seed: 33, quotas: { volumes: 1, gigabytes: 10 } });
    const volumes = sim.region("RegionOne").volume;
    await expect(volumes.createVolume({ sizeGb: 11 })).rejects.toMatchObject({
      code: "QuotaExceeded",
      message: "VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested 11G, quota is 10G and 0G has been consumed.",
    });
    const v = await volumes.createVolume({ sizeGb: 4 });
    await expect(volumes.createVolume({ sizeGb: 1 })).rejects.toMatchObject({
      message: "VolumeLimitExceeded: Maximum number of volumes allowed (1) exceeded for quota 'volumes'.",
    });
    await volumes.getVolume(v.id);
    await expect(volumes.extendVolume(v.id, 11)).rejects.toMatchObject({ code: "QuotaExceeded" });
  });

  it("raises Neutron's messages for networks, ports and floating IPs; quotas are per region", async () => {
    const sim = createSimCloud({ seed: 34, quotas: { networks: 1, ports: 1, floatingIps: 1 } });
    const net = sim.region("RegionOne").network;
    await expect(net.createNetwork({ name: "x" })).rejects.toMatchObject({ message: "Quota exceeded for resources: ['network']." });
    const privateId = (await net.listNetworks())[1].id;
    await net.createPort({ networkId: privateId });
    await expect(net.createPort({ networkId: privateId })).rejects.toMatchObject({ message: "Quota exceeded for resources: ['port']." });
    await expect(
      sim.region("RegionOne").compute.createServer({ name: "s", flavor: "m1.tiny", image: "cirros" }),
    ).rejects.toMatchObject({ message: "Quota exceeded for resources: ['port']." });
    expect(await sim.region("RegionOne").compute.listServers()).toEqual([]);
    await net.createFloatingIp({ floatingNetwork: "public" });
    await expect(net.createFloatingIp({ floatingNetwork: "public" })).rejects.toMatchObject({
      message: "Quota exceeded for resources: ['floatingip'].",
    });
    await sim.region("RegionTwo").network.createFloatingIp({ floatingNetwork: "public" });
  });
});
