import { describe, expect, it } from "vitest";
import { createInstantCloud } from "../../testing/instant-cloud";
import { type CloudBench, createCloudBench } from "../testing-context";
import { floatingIpAssociationResource, floatingIpResource } from "./floating-ip";
import { netResource } from "./net";
import { portResource } from "./port";
import { securityGroupResource } from "./security-group";
import { subnetResource } from "./subnet";

async function network(bench: CloudBench) {
  const net = bench.harness(netResource, { properties: { name: "n1" } });
  await net.create();
  const subnet = bench.harness(subnetResource, {
    properties: { network: "n1", cidr: "10.9.0.0/24", name: "s1", allocation_pools: [{ start: "10.9.0.10", end: "10.9.0.20" }] },
  });
  await subnet.create();
  return { net, subnet };
}

describe("OS::Neutron::Net and Subnet", () => {
  it("creates a network (found by name later) and a subnet with pools, and exposes attributes", async () => {
    const bench = createCloudBench(createInstantCloud());
    const { net, subnet } = await network(bench);
    expect(await net.attribute("subnets")).toEqual([subnet.ctx.physicalId]);
    expect(await net.attribute("name")).toBe("n1");
    expect(await subnet.attribute("cidr")).toBe("10.9.0.0/24");
    expect(await subnet.attribute("gateway_ip")).toBe("10.9.0.1");
    expect(await subnet.attribute("network_id")).toBe(net.ctx.physicalId);
    expect(await subnet.attribute("allocation_pools")).toEqual([{ start: "10.9.0.10", end: "10.9.0.20" }]);
  });

  it("updates names and DHCP in place; a cidr change replaces", async () => {
    const bench = createCloudBench(createInstantCloud());
    const { net, subnet } = await network(bench);
    expect(await net.update({ name: "n2", admin_state_up: false })).toBe("in-place");
    expect(await net.attribute("admin_state_up")).toBe(false);
    const props = { network: "n1", cidr: "10.9.0.0/24", name: "s1" };
    expect(await subnet.update({ ...props, enable_dhcp: false, name: "s2" })).toBe("in-place");
    expect(await subnet.attribute("enable_dhcp")).toBe(false);
    expect(await subnet.update({ ...props, cidr: "10.8.0.0/24" })).toBe("replace");
  });

  it("names an unknown network clearly and deletes in reverse order", async () => {
    const bench = createCloudBench(createInstantCloud());
    const bad = bench.harness(subnetResource, { properties: { network: "nope", cidr: "10.1.0.0/24" } });
    await expect(bad.create()).rejects.toThrow("Unable to find network with name or id 'nope'");
    const { net, subnet } = await network(bench);
    await subnet.delete();
    await net.delete();
    await net.delete();
    expect(await net.attribute("name")).toBeNull();
  });
});

describe("OS::Neutron::Port and SecurityGroup", () => {
  it("creates a port with a fixed IP and a security group, and updates groups in place", async () => {
    const bench = createCloudBench(createInstantCloud());
    const { subnet } = await network(bench);
    const sg = bench.harness(securityGroupResource, {
      properties: { name: "web", rules: [{ protocol: "tcp", port_range_min: 80, port_range_max: 80, remote_ip_prefix: "0.0.0.0/0" }] },
    });
    await sg.create();
    const group = await bench.cloud.region("RegionOne").network.getSecurityGroup(sg.ctx.physicalId!);
    expect(group.rules).toContainEqual(expect.objectContaining({ direction: "ingress", protocol: "tcp", portRangeMin: 80 }));
    const props = { network: "n1", fixed_ips: [{ subnet: "s1", ip_address: "10.9.0.15" }] };
    const port = bench.harness(portResource, { properties: { ...props, security_groups: ["web"] } });
    await port.create();
    expect(await port.attribute("fixed_ips")).toEqual([{ subnet_id: subnet.ctx.physicalId, ip_address: "10.9.0.15" }]);
    expect(await port.attribute("security_groups")).toEqual([sg.ctx.physicalId]);
    expect(await port.attribute("mac_address")).toMatch(/^fa:16:3e(:[0-9a-f]{2}){3}$/);
    expect(await port.update({ ...props, security_groups: [] })).toBe("in-place");
    expect(await port.attribute("security_groups")).toEqual([]);
    expect(await port.update({ ...props, fixed_ips: [{ subnet: "s1" }] })).toBe("replace");
  });

  it("updates rules in place and refuses the name default", async () => {
    const bench = createCloudBench(createInstantCloud());
    const sg = bench.harness(securityGroupResource, { properties: { name: "g" } });
    await sg.create();
    expect(await sg.update({ name: "g", rules: [{ direction: "egress", protocol: "udp" }] })).toBe("in-place");
    const group = await bench.cloud.region("RegionOne").network.getSecurityGroup(sg.ctx.physicalId!);
    expect(group.rules).toContainEqual(expect.objectContaining({ direction: "egress", protocol: "udp" }));
    const bad = bench.harness(securityGroupResource, { properties: { name: "default" } });
    await expect(bad.create()).rejects.toThrow('Security groups cannot be assigned the name "default".');
  });
});

describe("OS::Neutron::FloatingIP and FloatingIPAssociation", () => {
  it("allocates on public, associates with a port and moves to another port in place", async () => {
    const bench = createCloudBench(createInstantCloud());
    await network(bench);
    const p1 = bench.harness(portResource, { properties: { network: "private" } });
    const p2 = bench.harness(portResource, { properties: { network: "private" } });
    await p1.create();
    await p2.create();
    const fip = bench.harness(floatingIpResource, { properties: { floating_network: "public", port_id: p1.ctx.physicalId } });
    await fip.create();
    expect(await fip.attribute("floating_ip_address")).toMatch(/^172\.24\.4\.\d+$/);
    expect(await fip.attribute("port_id")).toBe(p1.ctx.physicalId);
    expect(await fip.update({ floating_network: "public", port_id: p2.ctx.physicalId })).toBe("in-place");
    expect(await fip.attribute("port_id")).toBe(p2.ctx.physicalId);
    expect(await fip.update({ floating_network: "public" })).toBe("in-place");
    expect(await fip.attribute("port_id")).toBeNull();
    expect(await fip.update({ floating_network: "private" })).toBe("replace");
  });

  it("associates an existing floating IP, re-associates on update and disassociates on delete", async () => {
    const bench = createCloudBench(createInstantCloud());
    const p1 = bench.harness(portResource, { properties: { network: "private" } });
    const p2 = bench.harness(portResource, { properties: { network: "private" } });
    await p1.create();
    await p2.create();
    const fip = bench.harness(floatingIpResource, { properties: { floating_network: "public" } });
    await fip.create();
    const props = { floatingip_id: fip.ctx.physicalId, port_id: p1.ctx.physicalId };
    const assoc = bench.harness(floatingIpAssociationResource, { properties: props });
    await assoc.create();
    await assoc.check();
    expect(await fip.attribute("port_id")).toBe(p1.ctx.physicalId);
    expect(await assoc.update({ ...props, port_id: p2.ctx.physicalId })).toBe("in-place");
    expect(await fip.attribute("port_id")).toBe(p2.ctx.physicalId);
    await assoc.delete();
    expect(await fip.attribute("port_id")).toBeNull();
    await expect(assoc.check()).rejects.toThrow("is not associated with any port");
  });
});
