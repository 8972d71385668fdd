import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createTestEngine } from "../../lib/engine/testing";

const FIXTURES = join(__dirname, "fixtures");
const read = (name: string) => readFileSync(join(FIXTURES, name), "utf8");
const P = { projectId: "p1" };

describe("fixture servers-in-new-neutron-net (heat-templates' servers_in_new_neutron_net)", () => {
  it("runs: a router with a gateway to public and an interface on the new subnet lets both servers have floating IPs", async () => {
    const heat = JSON.parse(read("servers-in-new-neutron-net.heat.json"));
    expect(heat.strict.ok).toBe(true);
    const t = createTestEngine();
    const input = { template: read(heat.fixture), templateName: heat.fixture, environments: [{ name: heat.environment, text: read(heat.environment) }] };
    const stack = await t.finish(await t.engine.create("netted", input, P));
    expect(`${stack.action}_${stack.status}`).toBe("CREATE_COMPLETE");
    const outputs = Object.fromEntries((await t.engine.outputs(stack.id)).map((o) => [o.key, o.error ?? o.value]));
    expect(outputs.server1_private_ip).toMatch(/^10\.10\.0\.\d+$/);
    expect(outputs.server2_private_ip).toMatch(/^10\.10\.0\.\d+$/);
    expect(outputs.server1_public_ip).toMatch(/^172\.24\.4\.\d+$/);
    expect(outputs.server2_public_ip).not.toBe(outputs.server1_public_ip);

    const neutron = t.cloud.region("RegionOne").network;
    const ids = Object.fromEntries((await t.engine.resources(stack.id)).map((r) => [r.name, r.physicalId!]));
    const router = await neutron.getRouter(ids.router);
    expect(router.externalGateway?.networkId).toBe((await neutron.listNetworks()).find((n) => n.name === "public")!.id);
    expect(router.interfaces).toEqual([{ portId: expect.any(String), subnetId: ids.private_subnet, ipAddress: "10.10.0.1" }]);
    expect(ids.router_interface).toBe(`${ids.router}:subnet_id=${ids.private_subnet}`);
    // the interface cannot go while floating IPs use it, as in Neutron
    await expect(neutron.removeRouterInterface(ids.router, { subnetId: ids.private_subnet })).rejects.toMatchObject({ code: "Conflict" });

    const deleted = await t.finish(await t.engine.delete(stack.id));
    expect(`${deleted.action}_${deleted.status}`).toBe("DELETE_COMPLETE");
    await expect(neutron.getRouter(ids.router)).rejects.toMatchObject({ code: "NotFound" });
  });

  it("refuses a floating IP on a subnet no router reaches, in Neutron's words", async () => {
    const t = createTestEngine();
    const template = `heat_template_version: 2018-08-31
resources:
  net: {type: OS::Neutron::Net}
  subnet: {type: OS::Neutron::Subnet, properties: {network: {get_resource: net}, cidr: 10.20.0.0/24}}
  port: {type: OS::Neutron::Port, properties: {network: {get_resource: net}, fixed_ips: [{subnet: {get_resource: subnet}}]}}
  fip: {type: OS::Neutron::FloatingIP, properties: {floating_network: public, port_id: {get_resource: port}}}
`;
    const stack = await t.finish(await t.engine.create("unrouted", { template }, P));
    expect(stack.status).toBe("FAILED");
    expect(stack.statusReason).toMatch(/External network \S+ is not reachable from subnet \S+\.  Therefore, cannot associate Port \S+ with a Floating IP\./);
  });
});

describe("OS::Neutron::SecurityGroupRule", () => {
  it("adds its rule to the group beside the group's own, and takes it out on delete", async () => {
    const t = createTestEngine();
    const template = `heat_template_version: 2018-08-31
resources:
  group: {type: OS::Neutron::SecurityGroup, properties: {rules: [{protocol: icmp}]}}
  ssh: {type: OS::Neutron::SecurityGroupRule, properties: {security_group: {get_resource: group}, port_range_min: 22, port_range_max: 22, remote_ip_prefix: 10.0.0.0/8}}
`;
    const stack = await t.finish(await t.engine.create("rules", { template }, P));
    expect(`${stack.action}_${stack.status}`).toBe("CREATE_COMPLETE");
    const ids = Object.fromEntries((await t.engine.resources(stack.id)).map((r) => [r.name, r.physicalId!]));
    const neutron = t.cloud.region("RegionOne").network;
    const rules = async () => (await neutron.getSecurityGroup(ids.group)).rules.map((r) => [r.protocol, r.portRangeMin, r.remoteIpPrefix]);
    expect(await rules()).toEqual([["icmp", null, null], ["tcp", 22, "10.0.0.0/8"]]);
    const without = await t.finish(await t.engine.update(stack.id, { template: template.split("\n").filter((l) => !l.includes("ssh:")).join("\n") }));
    expect(`${without.action}_${without.status}`).toBe("UPDATE_COMPLETE");
    expect(await rules()).toEqual([["icmp", null, null]]);
  });
});
