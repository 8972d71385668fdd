import { describe, expect, it } from "vitest";
import { PROJECT, rig } from "./helpers";

describe("nested stack types through the engine (ResourceGroup, OS::Heat::Stack, provider templates)", () => {
  it("a ResourceGroup shrinks its member stack; get_attr with arguments works", async () => {
    const r = rig();
    const template = (count: number) => `
heat_template_version: 2018-08-31
resources:
  group:
    type: OS::Heat::ResourceGroup
    properties:
      count: ${count}
      resource_def:
        type: OS::Heat::TestResource
        properties: { value: "member %index%" }
outputs:
  refs: { value: { get_attr: [group, refs] } }
  all: { value: { get_attr: [group, attributes, output] } }
`;
    const stack = await r.finish(await r.engine.create("grp", { template: template(3) }, PROJECT));
    expect(stack.statusReason).toBe("Stack CREATE completed successfully");
    const outputs = Object.fromEntries((await r.engine.outputs(stack.id)).map((o) => [o.key, o.value]));
    expect(outputs.refs).toHaveLength(3);
    expect(outputs.all).toEqual({ "0": "member 0", "1": "member 1", "2": "member 2" });
    const [group] = await r.engine.resources(stack.id);
    expect((await r.engine.resources(group.nestedStackId!)).map((m) => m.name).sort()).toEqual(["0", "1", "2"]);

    const shrunk = await r.finish(await r.engine.update(stack.id, { template: template(1) }));
    expect(shrunk.status).toBe("COMPLETE");
    expect((await r.engine.resources(group.nestedStackId!)).map((m) => m.name)).toEqual(["0"]);
    await r.finish(await r.engine.delete(stack.id));
    expect(await r.store.listStacks({ includeNested: true })).toEqual([]);
  });

  it("OS::Heat::Stack runs a child stack in another region and exposes its outputs", async () => {
    const r = rig();
    const child = `
heat_template_version: 2018-08-31
resources:
  srv: { type: OS::Nova::Server, properties: { image: cirros, flavor: m1.tiny } }
outputs:
  id: { value: { get_resource: srv } }
`;
    const template = `
heat_template_version: 2018-08-31
resources:
  remote:
    type: OS::Heat::Stack
    properties:
      context: { region_name: RegionTwo }
      template: { get_file: child.yaml }
outputs:
  server: { value: { get_attr: [remote, outputs, id] } }
`;
    const stack = await r.finish(await r.engine.create("multi", { template, files: { "child.yaml": child } }, PROJECT));
    expect(stack.statusReason).toBe("Stack CREATE completed successfully");
    const servers = r.sim.inventory("RegionTwo").servers;
    expect(servers).toHaveLength(1);
    expect((await r.engine.outputs(stack.id))[0].value).toBe(servers[0].id);
  });
});
