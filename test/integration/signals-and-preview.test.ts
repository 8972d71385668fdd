import { describe, expect, it } from "vitest";
import { PROJECT, rig } from "./helpers";

describe("signals during a create, preview and validate (real compiler and plugins)", () => {
  const waiting = `
heat_template_version: 2018-08-31
resources:
  handle: { type: OS::Heat::WaitConditionHandle }
  wait:
    type: OS::Heat::WaitCondition
    properties: { handle: { get_resource: handle }, timeout: 600, count: 1 }
  after:
    type: OS::Heat::Value
    depends_on: [wait]
    properties: { value: { get_attr: [wait, data] } }
outputs:
  data: { value: { get_attr: [wait, data] } }
`;

  it("a WaitCondition completes when its handle is signalled while the create runs", async () => {
    const r = rig();
    const h = await r.engine.create("wc", { template: waiting }, PROJECT);
    await r.clock.advance(5_000);
    expect((await r.store.getStack(h.stackId))!.status).toBe("IN_PROGRESS");
    await r.engine.signal(h.stackId, "handle", { status: "SUCCESS", reason: "booted", data: "ready", id: "1" });
    const stack = await r.finish(h);
    expect(stack.statusReason).toBe("Stack CREATE completed successfully");
    expect((await r.engine.outputs(stack.id))[0].value).toBe('{"1": "ready"}'); // a JSON string, as Heat's json.dumps writes it
    const signals = (await r.store.listEvents(h.stackId)).filter((e) => e.action === "SIGNAL");
    expect(signals.map((e) => [e.resourceName, e.reason])).toEqual([["handle", "Signal: booted"]]);
  });

  it("a signal sent by another engine on the same store reaches the create that waits for it", async () => {
    const a = rig({ owner: "engine-console" });
    const b = rig({ owner: "engine-cli", store: a.store, clock: a.clock, sim: a.sim });
    const h = await a.engine.create("wc-shared", { template: waiting }, PROJECT);
    await a.clock.advance(5_000);
    await b.engine.signal(h.stackId, "handle", { status: "SUCCESS", reason: "from the CLI", data: "up", id: "1" });
    await a.clock.advance(5_000);
    const stack = await a.finish(h);
    expect(stack.status).toBe("COMPLETE");
    expect((await a.engine.outputs(stack.id))[0].value).toBe('{"1": "up"}');
  });

  it("the WaitCondition times out without a signal", async () => {
    const r = rig();
    const stack = await r.finish(await r.engine.create("wc2", { template: waiting }, PROJECT));
    expect(stack.status).toBe("FAILED");
    expect(stack.statusReason).toMatch(/^Resource CREATE failed: \w+: resources\.wait: /);
  });

  it("previews resources per region with what can be resolved, and validates", async () => {
    const r = rig();
    const template = `
heat_template_version: 2018-08-31
parameters:
  size: { type: number, default: 2 }
resources:
  vol: { type: OS::Cinder::Volume, properties: { size: { get_param: size } } }
  far: { type: OS::Nova::Server, region: RegionThree, properties: { image: cirros, flavor: m1.tiny } }
  att: { type: OS::Cinder::VolumeAttachment, properties: { instance_uuid: { get_resource: srv }, volume_id: { get_resource: vol } } }
  srv: { type: OS::Nova::Server, properties: { image: cirros, flavor: m1.tiny } }
`;
    const preview = await r.engine.preview("pv", { template }, PROJECT);
    expect(preview.regions).toEqual(["RegionOne", "RegionThree"]);
    const byName = Object.fromEntries(preview.resources.map((p) => [p.name, p]));
    expect(byName.vol.properties.size).toBe(2);
    expect(byName.att.properties).toMatchObject({ instance_uuid: "srv", volume_id: "vol" });
    expect(preview.resources.map((p) => p.name).indexOf("att")).toBeGreaterThan(preview.resources.map((p) => p.name).indexOf("srv"));
    expect(await r.store.listStacks({ includeDeleted: true })).toEqual([]);

    const valid = await r.engine.validate({ template });
    expect(valid).toMatchObject({ valid: true, parameters: { size: { type: "number", default: 2 } } });
    const invalid = await r.engine.validate({ template: template.replace("srv: { type: OS::Nova::Server, properties: { image: cirros,", "srv: { type: OS::Nova::Server, properties: { bogus: 1, image: cirros,") });
    expect(invalid.valid).toBe(false);
    expect(invalid.diagnostics[0].path.slice(0, 3)).toEqual(["resources", "srv", "properties"]);
    expect(invalid.diagnostics[0].message).toMatch(/bogus/);
  });
});
