import { describe, expect, it } from "vitest";
import { createSimCloud } from "./index";

describe("sim networking", () => {
  it("starts each region with DevStack's public and private networks and the default group", async () => {
    const sim = createSimCloud({ seed: 21 });
    for (const [index, name] of sim.regionNames().entries()) {
      const net = sim.region(name).network;
      const networks = await net.listNetworks();
      expect(networks.map((n) => n.name)).toEqual(["public", "private"]);
      const subnets = await net.listSubnets();
      expect(subnets.map((s) => [s.name, s.cidr, s.gatewayIp])).toEqual([
        ["public-subnet", `172.24.${4 + index}.0/24`, `172.24.${4 + index}.1`],
        ["private-subnet", `10.${index}.0.0/26`, `10.${index}.0.1`],
      ]);
      expect(subnets[1].allocationPools).toEqual([{ start: `10.${index}.0.2`, end: `10.${index}.0.62` }]);
      const groups = await net.listSecurityGroups();
      expect(groups.map((g) => g.name)).toEqual(["default"]);
      expect(groups[0].rules.map((r) => [r.direction, r.ethertype])).toEqual([["egress", "IPv4"], ["egress", "IPv6"]]);
    }
  });

  it("validates subnets like Neutron: CIDR, version, overlap, gateway, pools", async () => {
    const net = createSimCloud({ seed: 22 }).region("RegionOne").network;
    const { id } = await net.createNetwork({ name: "n" });
    await expect(net.createSubnet({ networkId: id, cidr: "10.5.0.1/24" })).rejects.toMatchObject({
      code: "BadRequest",
      message: "Invalid input for cidr. Reason: '10.5.0.1/24' isn't a recognized IP subnet cidr, '10.5.0.0/24' is recommended.",
    });
    await expect(net.createSubnet({ networkId: id, cidr: "fd00::/64" })).rejects.toMatchObject({ message: expect.stringContaining("ip_version 4") });
    await expect(net.createSubnet({ networkId: "nope", cidr: "10.5.0.0/24" })).rejects.toMatchObject({ code: "NotFound" });
    const custom = await net.createSubnet({
      networkId: id,
      cidr: "10.5.0.0/24",
      gatewayIp: "10.5.0.254",
      allocationPools: [{ start: "10.5.0.10", end: "10.5.0.20" }],
    });
    expect(custom).toMatchObject({ gatewayIp: "10.5.0.254", allocationPools: [{ start: "10.5.0.10", end: "10.5.0.20" }], enableDhcp: true });
    await expect(net.createSubnet({ networkId: id, cidr: "10.5.0.128/25" })).rejects.toMatchObject({ message: expect.stringContaining("overlaps with another subnet") });
    await expect(net.createSubnet({ networkId: id, cidr: "10.6.0.0/24", gatewayIp: "10.7.0.1" })).rejects.toMatchObject({ code: "BadRequest" });
    await expect(
      net.createSubnet({ networkId: id, cidr: "10.6.0.0/24", allocationPools: [{ start: "10.6.0.2", end: "10.6.1.9" }] }),
    ).rejects.toMatchObject({ message: "The allocation pool 10.6.0.2-10.6.1.9 spans beyond the subnet cidr 10.6.0.0/24." });
    await expect(
      net.createSubnet({ networkId: id, cidr: "10.6.0.0/24", allocationPools: [{ start: "10.6.0.1", end: "10.6.0.9" }] }),
    ).rejects.toMatchObject({ message: "Gateway ip 10.6.0.1 conflicts with allocation pool 10.6.0.1-10.6.0.9." });
    await expect(
      net.createSubnet({
        networkId: id,
        cidr: "10.6.0.0/24",
        allocationPools: [{ start: "10.6.0.2", end: "10.6.0.9" }, { start: "10.6.0.9", end: "10.6.0.20" }],
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining("overlapping allocation pools") });
    const v6 = await net.createSubnet({ networkId: id, cidr: "FD00:1::/64", ipVersion: 6, gatewayIp: null });
    expect(v6).toMatchObject({ cidr: "fd00:1::/64", gatewayIp: null, allocationPools: [{ start: "fd00:1::1", end: "fd00:1::ffff:ffff:ffff:ffff" }] });
    const updated = await net.updateSubnet(custom.id, { name: "renamed", gatewayIp: "10.5.0.1" });
    expect(updated).toMatchObject({ name: "renamed", gatewayIp: "10.5.0.1" });
    await expect(net.updateSubnet(custom.id, { gatewayIp: "10.5.0.15" })).rejects.toMatchObject({ code: "BadRequest" });
    expect((await net.getNetwork(id)).subnets).toEqual([custom.id, v6.id]);
  });

  it("allocates fixed IPs from the pools, honours requests and reports exhaustion", async () => {
    const net = createSimCloud({ seed: 23 }).region("RegionOne").network;
    const { id } = await net.createNetwork({ name: "tiny" });
    const subnet = await net.createSubnet({ networkId: id, cidr: "192.168.0.0/29" });
    const ports = [];
    for (let i = 0; i < 5; i++) ports.push(await net.createPort({ networkId: id }));
    expect(ports.map((p) => p.fixedIps[0].ipAddress)).toEqual(["192.168.0.2", "192.168.0.3", "192.168.0.4", "192.168.0.5", "192.168.0.6"]);
    expect(ports[0].macAddress).toMatch(/^fa:16:3e(:[0-9a-f]{2}){3}$/);
    expect(ports[0].status).toBe("DOWN");
    await expect(net.createPort({ networkId: id })).rejects.toMatchObject({ code: "Conflict", message: `No more IP addresses available on network ${id}.` });
    await net.deletePort(ports[2].id);
    await expect(net.createPort({ networkId: id, fixedIps: [{ ipAddress: "192.168.0.3" }] })).rejects.toMatchObject({
      code: "Conflict",
      message: `IP address 192.168.0.3 already allocated in subnet ${subnet.id}`,
    });
    await expect(net.createPort({ networkId: id, fixedIps: [{ ipAddress: "10.9.9.9" }] })).rejects.toMatchObject({ code: "BadRequest" });
    const again = await net.createPort({ networkId: id, fixedIps: [{ subnetId: subnet.id, ipAddress: "192.168.0.4" }] });
    expect(again.fixedIps).toEqual([{ subnetId: subnet.id, ipAddress: "192.168.0.4" }]);
    const updated = await net.updatePort(again.id, { name: "p", deviceId: "router-1" });
    expect(updated).toMatchObject({ name: "p", status: "ACTIVE" });
    await expect(net.getPort("nope")).rejects.toMatchObject({ code: "NotFound", message: "Port nope could not be found." });
  });

  it("refuses to delete networks and subnets in use, as Neutron", async () => {
    const net = createSimCloud({ seed: 24 }).region("RegionOne").network;
    const { id } = await net.createNetwork({ name: "n" });
    const subnet = await net.createSubnet({ networkId: id, cidr: "10.8.0.0/24" });
    const port = await net.createPort({ networkId: id });
    await expect(net.deleteNetwork(id)).rejects.toMatchObject({
      code: "Conflict",
      message: `Unable to complete operation on network ${id}. There are one or more ports still in use on the network.`,
    });
    await expect(net.deleteSubnet(subnet.id)).rejects.toMatchObject({ code: "Conflict" });
    await net.deletePort(port.id);
    await net.deleteNetwork(id);
    await expect(net.getSubnet(subnet.id)).rejects.toMatchObject({ code: "NotFound" });
    await expect(net.getNetwork(id)).rejects.toMatchObject({ code: "NotFound", message: `Network ${id} could not be found.` });
  });

  it("allocates floating IPs from public, associates them and lists them on the server", async () => {
    const region = createSimCloud({ seed: 25 }).region("RegionOne");
    const server = await region.compute.createServer({ name: "web", flavor: "m1.tiny", image: "cirros" });
    const portId = server.addresses[0].portId ?? "";
    await expect(region.network.createFloatingIp({ floatingNetwork: "private" })).rejects.toMatchObject({
      code: "BadRequest",
      message: expect.stringContaining("is not a valid external network"),
    });
    const fip = await region.network.createFloatingIp({ floatingNetwork: "public" });
    expect(fip).toMatchObject({ address: "172.24.4.2", portId: null, fixedIp: null });
    const associated = await region.network.associateFloatingIp(fip.id, portId);
    expect(associated).toMatchObject({ portId, fixedIp: "10.0.0.2" });
    const addresses = (await region.compute.getServer(server.id)).addresses;
    expect(addresses.map((a) => [a.type, a.address])).toEqual([["fixed", "10.0.0.2"], ["floating", "172.24.4.2"]]);
    const second = await region.network.createFloatingIp({ floatingNetwork: "public" });
    await expect(region.network.associateFloatingIp(second.id, portId)).rejects.toMatchObject({ code: "Conflict" });
    await expect(region.network.associateFloatingIp(second.id, portId, "10.0.0.99")).rejects.toMatchObject({ code: "BadRequest" });
    await region.network.disassociateFloatingIp(fip.id);
    expect((await region.compute.getServer(server.id)).addresses).toHaveLength(1);
    const direct = await region.network.createFloatingIp({ floatingNetwork: "public", portId });
    expect(direct.fixedIp).toBe("10.0.0.2");
    await region.compute.deleteServer(server.id);
    expect((await region.network.getFloatingIp(direct.id)).portId).toBeNull();
    await region.network.deleteFloatingIp(fip.id);
    const reused = await region.network.createFloatingIp({ floatingNetwork: "public" });
    expect(reused.address).toBe("172.24.4.2");
  });

  it("manages security groups, validates rules and refuses deleting a group in use", async () => {
    const net = createSimCloud({ seed: 26 }).region("RegionOne").network;
    const web = await net.createSecurityGroup({
      name: "web",
      rules: [
        { direction: "ingress", protocol: "tcp", portRangeMin: 80, portRangeMax: 80, remoteIpPrefix: "0.0.0.0/0", ethertype: "IPv4" },
        { direction: "ingress", protocol: "icmp", portRangeMin: null, portRangeMax: null, remoteIpPrefix: null, ethertype: "IPv4" },
      ],
    });
    expect(web.rules).toHaveLength(2);
    expect(web.rules[0].id).not.toBe(web.rules[1].id);
    const bad = { direction: "ingress" as const, protocol: "tcp", portRangeMin: 90, portRangeMax: 80, remoteIpPrefix: null, ethertype: "IPv4" as const };
    await expect(net.createSecurityGroup({ name: "x", rules: [bad] })).rejects.toMatchObject({ code: "BadRequest" });
    await expect(net.createSecurityGroup({ name: "x", rules: [{ ...bad, portRangeMin: 70000, portRangeMax: 70000 }] })).rejects.toMatchObject({
      message: "Invalid value for port 70000.",
    });
    await expect(net.createSecurityGroup({ name: "x", rules: [{ ...bad, portRangeMin: 1, remoteIpPrefix: "fd00::/8" }] })).rejects.toMatchObject({
      message: "Conflicting value ethertype IPv4 for CIDR fd00::/8",
    });
    await expect(net.createSecurityGroup({ name: "x", rules: [{ ...bad, portRangeMin: 1 }, { ...bad, portRangeMin: 1 }] })).rejects.toMatchObject({
      code: "Conflict",
    });
    const renamed = await net.updateSecurityGroup(web.id, { name: "www", rules: [] });
    expect(renamed).toMatchObject({ name: "www", rules: [] });
    const { id: networkId } = (await net.listNetworks())[1];
    const port = await net.createPort({ networkId, securityGroups: ["www"] });
    expect(port.securityGroups).toEqual([web.id]);
    await expect(net.createPort({ networkId, securityGroups: ["ghost"] })).rejects.toMatchObject({ message: "Security group ghost not found." });
    await expect(net.deleteSecurityGroup(web.id)).rejects.toMatchObject({ code: "Conflict", message: `Security Group ${web.id} in use.` });
    const fallback = (await net.listSecurityGroups())[0];
    await expect(net.deleteSecurityGroup(fallback.id)).rejects.toMatchObject({ code: "Conflict" });
    await net.deletePort(port.id);
    await net.deleteSecurityGroup(web.id);
    await expect(net.getSecurityGroup(web.id)).rejects.toMatchObject({ code: "NotFound" });
  });
});
