import { describe, expect, it } from "vitest";
import { ValidationError } from "../../lib/engine/diagnostics";
import { eventLines, PROJECT, rig } from "./helpers";

const app = `
heat_template_version: 2018-08-31
parameters:
  server_name: { type: string, default: web }
  drive: { type: boolean, default: false }
resources:
  net: { type: OS::Neutron::Net }
  subnet:
    type: OS::Neutron::Subnet
    properties: { network: { get_resource: net }, cidr: 10.0.0.0/24 }
  server:
    type: OS::Nova::Server
    properties:
      name: { get_param: server_name }
      image: cirros
      flavor: m1.tiny
      config_drive: { get_param: drive }
      networks: [{ network: { get_resource: net } }]
    depends_on: [subnet]
  data:
    type: OS::Cinder::Volume
    properties: { size: 1 }
  attach:
    type: OS::Cinder::VolumeAttachment
    properties: { instance_uuid: { get_resource: server }, volume_id: { get_resource: data } }
  far:
    type: OS::Nova::Server
    region: RegionTwo
    properties: { image: cirros, flavor: m1.tiny }
outputs:
  ip: { value: { get_attr: [server, first_address] } }
`;

describe("a whole stack on the simulated cloud", () => {
  it("creates across regions, updates in place vs replace, deletes in reverse order", async () => {
    const r = rig();
    const baseline = r.sim.inventory();
    const h = await r.engine.create("app", { template: app, templateName: "app.yaml" }, PROJECT);
    const stack = await r.finish(h);
    expect(stack.statusReason).toBe("Stack CREATE completed successfully");
    expect(r.sim.inventory("RegionOne").servers.map((s) => s.name)).toEqual(["web"]);
    expect(r.sim.inventory("RegionTwo").servers).toHaveLength(1);
    const [volume] = r.sim.inventory("RegionOne").volumes;
    expect(volume.status).toBe("in-use");
    expect((await r.engine.outputs(stack.id))[0].value).toMatch(/^10\.0\.0\.\d+$/);

    // name is update_allowed: in place, same server
    const before = r.sim.inventory("RegionOne").servers[0].id;
    await r.finish(await r.engine.update(h.stackId, { parameters: { server_name: "www" } }, { existing: true }));
    const renamed = r.sim.inventory("RegionOne").servers;
    expect(renamed.map((s) => [s.id, s.name])).toEqual([[before, "www"]]);

    // config_drive is not: the server is replaced (new one first), and the attachment follows it
    const done = await r.finish(await r.engine.update(h.stackId, { parameters: { drive: true } }, { existing: true }));
    expect(done.statusReason).toBe("Stack UPDATE completed successfully");
    const replaced = r.sim.inventory("RegionOne").servers;
    expect(replaced).toHaveLength(1);
    expect(replaced[0].id).not.toBe(before);
    expect(r.sim.inventory("RegionOne").volumes[0].attachments.map((a) => a.serverId)).toEqual([replaced[0].id]);

    const deleted = await r.finish(await r.engine.delete(h.stackId));
    expect(deleted.status).toBe("COMPLETE");
    const inv = r.sim.inventory();
    expect([inv.servers, inv.volumes, inv.networks, inv.subnets, inv.ports]).toEqual([[], [], baseline.networks, baseline.subnets, baseline.ports]);
    const lines = await eventLines(r.store, h.stackId);
    const deletes = lines.slice(lines.lastIndexOf("app DELETE_IN_PROGRESS")).filter((l) => l.endsWith("DELETE_COMPLETE"));
    const at = (n: string) => deletes.indexOf(`${n} DELETE_COMPLETE`);
    expect(at("attach")).toBeLessThan(at("server"));
    expect(at("attach")).toBeLessThan(at("data"));
    expect(at("server")).toBeLessThan(at("subnet"));
    expect(at("subnet")).toBeLessThan(at("net"));
  });

  it("refuses a volume in RegionOne attached to a server in RegionTwo before anything is allocated", async () => {
    const r = rig();
    const template = `
heat_template_version: 2018-08-31
resources:
  vol: { type: OS::Cinder::Volume, properties: { size: 1 } }
  srv: { type: OS::Nova::Server, region: RegionTwo, properties: { image: cirros, flavor: m1.tiny } }
  att:
    type: OS::Cinder::VolumeAttachment
    properties: { instance_uuid: { get_resource: srv }, volume_id: { get_resource: vol } }
`;
    const error = await r.engine.create("cross", { template }, PROJECT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(/"att" .* in region RegionOne cannot use "srv" .* in region RegionTwo/);
    expect((error as ValidationError).diagnostics[0].path).toEqual(["resources", "att", "properties", "instance_uuid"]);
    expect(await r.store.listStacks({ includeDeleted: true })).toEqual([]);
    expect(r.sim.inventory().servers).toEqual([]);
  });
});
