/**
 * Behaviour every CloudProvider must have, written once and run against each implementation: the
 * engine's instant fake (lib/engine/testing/instant-cloud) and the simulator (lib/cloud/sim).
 * Call `describeCloudPortContract(name, factory)` from a *.test.ts file. Only what the port promises
 * is checked: a create may return a transitional status, so every change is polled until it settles.
 */
import { describe, expect, it } from "vitest";
import { clientTokenTests } from "./client-token.contract";
import { CloudError, type CloudProvider, type RegionClient } from "./cloud";

/** A cloud under test and the controls the contract needs. */
export interface CloudFixture {
  cloud: CloudProvider;
  /** Takes a region offline or back online. */
  setRegionAvailable(region: string, available: boolean): void;
  /** Name of an external network of every region (floating IPs come from it). */
  floatingNetwork: string;
  /** The same cloud as another client sees it: another process on its store, or the cloud itself. */
  peer(): Promise<CloudProvider>;
}

/** Builds a fresh cloud with at least one region, each with a flavor and an image that boot together. */
export type CloudFactory = () => CloudFixture | Promise<CloudFixture>;

const MAX_READS = 20;

/** Reads until `done` holds (a cloud may settle a change only some calls later). */
async function settled<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < MAX_READS; i++) {
    const value = await read();
    if (done(value)) return value;
  }
  throw new Error(`not settled after ${MAX_READS} reads`);
}

/** Reads until the object is gone; returns the NotFound error. */
async function gone(read: () => Promise<unknown>): Promise<CloudError> {
  for (let i = 0; i < MAX_READS; i++) {
    const error = await read().then(() => undefined, (e: unknown) => e);
    if (error !== undefined) {
      expect(error).toBeInstanceOf(CloudError);
      expect(error).toMatchObject({ code: "NotFound" });
      return error as CloudError;
    }
  }
  throw new Error(`still there after ${MAX_READS} reads`);
}

/** A network with one subnet, and an ACTIVE server on it. */
async function serverOnNetwork(client: RegionClient) {
  const network = await client.network.createNetwork({ name: "contract-net" });
  const subnet = await client.network.createSubnet({ networkId: network.id, cidr: "192.168.77.0/24", name: "contract-subnet" });
  const flavors = await client.compute.flavors();
  const images = await client.compute.images();
  const flavor = flavors.reduce((a, b) => (b.diskGb > a.diskGb ? b : a));
  const image = images.reduce((a, b) => (b.minDiskGb < a.minDiskGb ? b : a));
  const created = await client.compute.createServer({ name: "contract-vm", flavor: flavor.name, image: image.id, networks: [{ networkId: network.id }], metadata: { role: "web" } });
  const server = await settled(() => client.compute.getServer(created.id), (s) => s.status === "ACTIVE");
  return { network, subnet, server, flavor };
}

/** Registers the contract's tests for the cloud `factory` builds. */
export function describeCloudPortContract(name: string, factory: CloudFactory): void {
  const setup = async () => {
    const fixture = await factory();
    const region = fixture.cloud.regionNames()[0];
    return { ...fixture, region, client: fixture.cloud.region(region) };
  };

  describe(`${name}: the cloud port contract`, () => {
    it("lists its regions, available, and refuses an unknown one with NotFound", async () => {
      const { cloud, region, client } = await setup();
      expect(client.region).toBe(region);
      expect(await cloud.regions()).toEqual(cloud.regionNames().map((n) => ({ name: n, available: true })));
      let refused: unknown;
      try {
        cloud.region("NoSuchRegion");
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(CloudError);
      expect(refused).toMatchObject({ code: "NotFound" });
    });

    it("boots a server with an address on its network, updates, powers and deletes it", async () => {
      const { client } = await setup();
      const { network, subnet, server } = await serverOnNetwork(client);
      expect(server.addresses).toEqual([expect.objectContaining({ network: network.name, type: "fixed", address: expect.stringMatching(/^192\.168\.77\.\d+$/) })]);
      expect(subnet.gatewayIp).toMatch(/^192\.168\.77\.\d+$/);
      expect((await client.compute.listServers()).map((s) => s.id)).toContain(server.id);
      expect(await client.compute.updateServer(server.id, { name: "renamed", metadata: { role: "db" } })).toMatchObject({ name: "renamed", metadata: { role: "db" } });
      expect(await client.compute.metrics(server.id)).toMatchObject({ serverId: server.id, healthy: true });
      const status = () => client.compute.getServer(server.id);
      for (const [act, to] of [["suspendServer", "SUSPENDED"], ["resumeServer", "ACTIVE"], ["stopServer", "SHUTOFF"], ["startServer", "ACTIVE"]] as const) {
        await client.compute[act](server.id);
        await settled(status, (s) => s.status === to);
      }
      await client.compute.deleteServer(server.id);
      await gone(status);
      await gone(() => client.network.getPort(server.addresses[0].portId!));
    });

    it("refuses an unknown flavor with BadRequest and an unknown id with NotFound", async () => {
      const { client } = await setup();
      await expect(client.compute.createServer({ name: "x", flavor: "no-such-flavor", image: "no-such-image" })).rejects.toMatchObject({ code: "BadRequest" });
      for (const read of [client.compute.getServer, client.volume.getVolume, client.network.getNetwork, client.network.getFloatingIp]) {
        await expect(read("no-such-id")).rejects.toMatchObject({ code: "NotFound" });
      }
    });

    it("creates, extends, attaches (with data through the server), detaches and deletes a volume", async () => {
      const { client } = await setup();
      const { server } = await serverOnNetwork(client);
      const created = await client.volume.createVolume({ name: "data", sizeGb: 1, metadata: { tier: "gold" } });
      const read = () => client.volume.getVolume(created.id);
      await settled(read, (v) => v.status === "available");
      await client.volume.extendVolume(created.id, 2);
      expect(await settled(read, (v) => v.sizeGb === 2 && v.status === "available")).toMatchObject({ name: "data", metadata: { tier: "gold" } });
      const attachment = await client.volume.attachVolume(created.id, server.id);
      expect(attachment).toMatchObject({ serverId: server.id, device: expect.stringMatching(/^\/dev\//) });
      expect((await settled(read, (v) => v.status === "in-use")).attachments).toEqual([attachment]);
      expect((await client.compute.getServer(server.id)).volumes).toEqual([created.id]);
      await client.volume.writeData(created.id, server.id, "file", "content");
      expect(await client.volume.readData(created.id, server.id, "file")).toBe("content");
      await client.volume.detachVolume(created.id, attachment.id);
      expect((await settled(read, (v) => v.status === "available")).attachments).toEqual([]);
      await client.volume.deleteVolume(created.id);
      await gone(read);
    });

    it("manages networks, subnets, ports, security groups and floating IPs", async () => {
      const { client, floatingNetwork } = await setup();
      const net = client.network;
      const network = await net.createNetwork({ name: "n1" });
      expect(await net.updateNetwork(network.id, { name: "n2", adminStateUp: false })).toMatchObject({ name: "n2", adminStateUp: false });
      const subnet = await net.createSubnet({ networkId: network.id, cidr: "10.77.0.0/24", allocationPools: [{ start: "10.77.0.10", end: "10.77.0.20" }] });
      expect(subnet).toMatchObject({ networkId: network.id, cidr: "10.77.0.0/24", ipVersion: 4, allocationPools: [{ start: "10.77.0.10", end: "10.77.0.20" }] });
      expect((await net.getNetwork(network.id)).subnets).toEqual([subnet.id]);
      expect(await net.updateSubnet(subnet.id, { enableDhcp: false })).toMatchObject({ enableDhcp: false });
      const rule = { direction: "ingress" as const, protocol: "tcp", portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: "0.0.0.0/0", ethertype: "IPv4" as const };
      const group = await net.createSecurityGroup({ name: "ssh", rules: [rule] });
      expect(group.rules).toEqual([{ ...rule, id: expect.any(String) }]);
      const port = await net.createPort({ networkId: network.id, fixedIps: [{ subnetId: subnet.id, ipAddress: "10.77.0.15" }], securityGroups: [group.id] });
      expect(port).toMatchObject({ networkId: network.id, fixedIps: [{ subnetId: subnet.id, ipAddress: "10.77.0.15" }], securityGroups: [group.id], deviceId: null });
      expect(port.macAddress).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
      expect(await net.updatePort(port.id, { securityGroups: [] })).toMatchObject({ securityGroups: [] });
      const fip = await net.createFloatingIp({ floatingNetwork });
      expect(fip).toMatchObject({ portId: null, fixedIp: null, address: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/) });
      // as in Neutron, a floating IP reaches a port only through a router between the two networks
      await expect(net.associateFloatingIp(fip.id, port.id)).rejects.toMatchObject({
        code: "NotFound",
        message: `External network ${fip.floatingNetworkId} is not reachable from subnet ${subnet.id}.  Therefore, cannot associate Port ${port.id} with a Floating IP.`,
      });
      const router = await net.createRouter({ name: "r1", externalGateway: { networkId: fip.floatingNetworkId } });
      expect(router).toMatchObject({ name: "r1", externalGateway: { networkId: fip.floatingNetworkId, enableSnat: true, externalFixedIps: [{ ipAddress: expect.any(String) }] }, interfaces: [] });
      await expect(net.createRouter({ externalGateway: { networkId: network.id } })).rejects.toMatchObject({ code: "BadRequest" });
      expect(await net.addRouterInterface(router.id, { subnetId: subnet.id })).toMatchObject({ subnetId: subnet.id });
      expect((await net.getRouter(router.id)).interfaces).toEqual([{ portId: expect.any(String), subnetId: subnet.id, ipAddress: "10.77.0.1" }]);
      expect(await net.associateFloatingIp(fip.id, port.id)).toMatchObject({ portId: port.id, fixedIp: "10.77.0.15" });
      await expect(net.removeRouterInterface(router.id, { subnetId: subnet.id })).rejects.toMatchObject({ code: "Conflict" });
      await expect(net.updateRouter(router.id, { externalGateway: null })).rejects.toMatchObject({ code: "Conflict" });
      await expect(net.deleteRouter(router.id)).rejects.toMatchObject({ code: "Conflict", message: `Router ${router.id} still has ports` });
      expect(await net.disassociateFloatingIp(fip.id)).toMatchObject({ portId: null, fixedIp: null });
      await net.removeRouterInterface(router.id, { subnetId: subnet.id });
      expect(await net.updateRouter(router.id, { name: "r2", externalGateway: null })).toMatchObject({ name: "r2", externalGateway: null });
      expect((await net.listRouters()).map((r) => r.id)).toContain(router.id);
      await net.deleteRouter(router.id);
      await gone(() => net.getRouter(router.id));
      await net.deleteFloatingIp(fip.id);
      await gone(() => net.getFloatingIp(fip.id));
      await net.deletePort(port.id);
      await gone(() => net.getPort(port.id));
      expect(await net.updateSecurityGroup(group.id, { rules: [] })).toMatchObject({ rules: [] });
      await net.deleteSecurityGroup(group.id);
      await gone(() => net.getSecurityGroup(group.id));
      await net.deleteSubnet(subnet.id);
      await net.deleteNetwork(network.id);
      await gone(() => net.getNetwork(network.id));
    });

    it("keeps trunks as Neutron does: one trunk per parent, subports in one trunk, segmentation ids unique, used ports kept", async () => {
      const net = (await setup()).client.network;
      const network = await net.createNetwork({ name: "trunked" });
      await net.createSubnet({ networkId: network.id, cidr: "10.78.0.0/24" });
      const [parent, a, b, c] = await Promise.all([1, 2, 3, 4].map(() => net.createPort({ networkId: network.id })));
      const vlan = (port: { id: string }, segmentationId: number) => ({ portId: port.id, segmentationType: "vlan" as const, segmentationId });
      const trunk = await net.createTrunk({ portId: parent.id, name: "t1", subPorts: [vlan(a, 101), vlan(b, 102)] });
      expect(trunk).toMatchObject({ name: "t1", portId: parent.id, adminStateUp: true, status: "DOWN", subPorts: [vlan(a, 101), vlan(b, 102)] });
      const conflict = (message: string) => ({ code: "Conflict", message });
      await expect(net.createTrunk({ portId: parent.id })).rejects.toMatchObject(conflict(`Port ${parent.id} is in use by another trunk.`));
      await expect(net.createTrunk({ portId: a.id })).rejects.toMatchObject(conflict(`Port ${a.id} is currently in use and is not eligible for use as a parent port.`));
      await expect(net.createTrunk({ portId: c.id, subPorts: [vlan(b, 7)] })).rejects.toMatchObject(conflict(`Port ${b.id} is currently a subport for trunk ${trunk.id}.`));
      await expect(net.addTrunkSubPorts(trunk.id, [vlan(parent, 103)])).rejects.toMatchObject(conflict(`Port ${parent.id} is currently a parent port for trunk ${trunk.id}.`));
      await expect(net.addTrunkSubPorts(trunk.id, [vlan(c, 101)])).rejects.toMatchObject(conflict(`segmentation_type vlan and segmentation_id 101 already in use on trunk ${trunk.id}.`));
      await expect(net.deletePort(parent.id)).rejects.toMatchObject(conflict(`Port ${parent.id} is currently a parent port for trunk ${trunk.id}.`));
      await expect(net.deletePort(a.id)).rejects.toMatchObject(conflict(`Port ${a.id} is currently a subport for trunk ${trunk.id}.`));
      expect((await net.removeTrunkSubPorts(trunk.id, [a.id])).subPorts).toEqual([vlan(b, 102)]);
      await expect(net.removeTrunkSubPorts(trunk.id, [a.id])).rejects.toMatchObject({ code: "NotFound" });
      expect((await net.addTrunkSubPorts(trunk.id, [vlan(c, 101)])).subPorts).toEqual([vlan(b, 102), vlan(c, 101)]);
      expect(await net.updatePort(parent.id, { deviceId: "some-server" })).toMatchObject({ status: "ACTIVE" });
      expect(await net.getTrunk(trunk.id)).toMatchObject({ status: "ACTIVE" });
      expect(await net.updateTrunk(trunk.id, { name: "t2", description: "d", adminStateUp: false })).toMatchObject({ name: "t2", description: "d", adminStateUp: false });
      await expect(net.deleteTrunk(trunk.id)).rejects.toMatchObject(conflict(`Trunk ${trunk.id} is currently disabled.`));
      await expect(net.addTrunkSubPorts(trunk.id, [vlan(a, 104)])).rejects.toMatchObject(conflict(`Trunk ${trunk.id} is currently disabled.`));
      await net.updateTrunk(trunk.id, { adminStateUp: true });
      expect((await net.listTrunks()).map((t) => t.id)).toEqual([trunk.id]);
      await net.deleteTrunk(trunk.id);
      await gone(() => net.getTrunk(trunk.id));
      await net.deletePort(a.id);
      await gone(() => net.getPort(a.id));
    });

    it("scopes a project's client to its own objects and the shared ones; the operator's sees all", async () => {
      const { cloud, region, floatingNetwork } = await setup();
      const [a, b] = [cloud.region(region, "project-a"), cloud.region(region, "project-b")];
      const { network, server } = await serverOnNetwork(a);
      const volume = await a.volume.createVolume({ sizeGb: 1 });
      const missing = async (call: () => Promise<unknown>) => expect(call()).rejects.toMatchObject({ code: "NotFound" });
      await missing(() => b.compute.getServer(server.id));
      await missing(() => b.volume.getVolume(volume.id));
      await missing(() => b.network.getNetwork(network.id));
      expect(await b.compute.listServers()).toEqual([]);
      expect(await b.volume.listVolumes()).toEqual([]);
      expect((await b.network.listNetworks()).map((n) => n.name)).toContain(floatingNetwork);
      expect((await b.network.listNetworks()).map((n) => n.id)).not.toContain(network.id);
      expect((await a.compute.getServer(server.id)).id).toBe(server.id);
      expect((await cloud.region(region).compute.listServers()).map((s) => s.id)).toContain(server.id);
    });

    it("keeps placeholder objects: create, read, list by kind, update, suspend and resume, delete, per project", async () => {
      const { cloud, region, client } = await setup();
      const a = cloud.region(region, "project-a");
      const object = await a.objects.createObject({ kind: "OS::Keystone::Role", name: "reader", properties: { name: "reader", domain: "default" } });
      expect(object).toMatchObject({ kind: "OS::Keystone::Role", name: "reader", region, status: "ACTIVE", properties: { domain: "default" } });
      expect(await a.objects.getObject(object.id)).toEqual(object);
      expect((await a.objects.listObjects("OS::Keystone::Role")).map((o) => o.id)).toEqual([object.id]);
      expect(await a.objects.listObjects("OS::Swift::Container")).toEqual([]);
      expect((await a.objects.updateObject(object.id, { name: "reader", domain: "other" })).properties).toEqual({ name: "reader", domain: "other" });
      expect((await a.objects.setObjectStatus(object.id, "SUSPENDED")).status).toBe("SUSPENDED");
      await expect(a.objects.setObjectStatus(object.id, "SUSPENDED")).rejects.toMatchObject({ code: "Conflict" });
      expect((await a.objects.setObjectStatus(object.id, "ACTIVE")).status).toBe("ACTIVE");
      await expect(cloud.region(region, "project-b").objects.getObject(object.id)).rejects.toMatchObject({ code: "NotFound" });
      expect((await client.objects.listObjects()).map((o) => o.id)).toContain(object.id);
      await a.objects.deleteObject(object.id);
      await expect(a.objects.getObject(object.id)).rejects.toMatchObject({ code: "NotFound" });
      await expect(a.objects.deleteObject(object.id)).rejects.toMatchObject({ code: "NotFound" });
    });

    it("counts what a region holds in its quota usage", async () => {
      const { client } = await setup();
      const before = await client.quota();
      const { flavor } = await serverOnNetwork(client);
      const after = await client.quota();
      expect(Object.keys(after.limits).sort()).toEqual(Object.keys(before.used).sort());
      expect(after.used).toMatchObject({ instances: before.used.instances + 1, cores: before.used.cores + flavor.vcpus, networks: before.used.networks + 1 });
    });

    it("answers RegionUnavailable while a region is offline, and again once it is back", async () => {
      const { cloud, region, client, setRegionAvailable } = await setup();
      setRegionAvailable(region, false);
      expect(await cloud.regions()).toContainEqual({ name: region, available: false });
      await expect(client.compute.listServers()).rejects.toMatchObject({ code: "RegionUnavailable", retryable: false });
      await expect(client.network.listNetworks()).rejects.toBeInstanceOf(CloudError);
      setRegionAvailable(region, true);
      expect(await client.compute.listServers()).toEqual(expect.any(Array));
    });

    clientTokenTests(setup);
  });
}
