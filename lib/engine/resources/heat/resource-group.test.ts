import { describe, expect, it } from "vitest";
import { createHarness } from "../testing-context";
import { createFakeNested } from "../testing-nested";
import { resourceGroupResource } from "./resource-group";
import { memberNames, memberTemplate, nextSkiplist } from "./resource-group-members";

const def = { type: "OS::Nova::Server", properties: { name: "web-%index%", image: "cirros", key_name: null } };

function template(h: { input?: { template: string } }) {
  return JSON.parse(h.input!.template) as { heat_template_version: string; resources: Record<string, any> };
}

describe("ResourceGroup members", () => {
  it("substitutes index_var into properties and drops null properties", () => {
    const t = JSON.parse(memberTemplate({ resource_def: { ...def, metadata: { m: "%index%" } } }, ["0", "2"]));
    expect(t.heat_template_version).toBe("2015-04-30");
    expect(t.resources["2"]).toEqual({
      type: "OS::Nova::Server",
      properties: { name: "web-2", image: "cirros" },
      metadata: { m: "%index%" },
    });
    const custom = JSON.parse(memberTemplate({ index_var: "__i__", resource_def: { type: "T", properties: { l: ["x__i__"] } } }, ["1"]));
    expect(custom.resources["1"].properties).toEqual({ l: ["x1"] });
  });

  it("skips removed names and never reuses them", () => {
    expect(memberNames(3, ["1"])).toEqual(["0", "2", "3"]);
    const refs = { "0": "id-a", "1": "id-b" };
    expect(nextSkiplist({ removal_policies: [{ resource_list: ["id-b"] }] }, [], refs)).toEqual(["1"]);
    expect(nextSkiplist({ removal_policies: [{ resource_list: ["0"] }] }, ["5"], refs)).toEqual(["0", "5"]);
    expect(nextSkiplist({ removal_policies_mode: "update", removal_policies: [] }, ["5"], refs)).toEqual([]);
  });
});

describe("OS::Heat::ResourceGroup", () => {
  it("creates count members in a nested stack in its own region", async () => {
    const nested = createFakeNested();
    const h = createHarness(resourceGroupResource, { nested, region: "RegionTwo", properties: { count: 3, resource_def: def } });
    await h.create();
    expect(Object.keys(template(nested.calls[0]).resources)).toEqual(["0", "1", "2"]);
    expect(nested.calls[0].input?.region).toBe("RegionTwo");
    expect(await h.attribute("refs")).toEqual(["nested-1/0", "nested-1/1", "nested-1/2"]);
    expect(await h.attribute("refs", [1])).toBe("nested-1/1");
    expect(await h.attribute("refs_map")).toEqual({ "0": "nested-1/0", "1": "nested-1/1", "2": "nested-1/2" });
  });

  it("answers resource.N, resource.N.attr, attributes and per-member lists as Heat", async () => {
    const nested = createFakeNested();
    const h = createHarness(resourceGroupResource, { nested, name: "grp", properties: { count: 2, resource_def: def } });
    await h.create();
    expect(await h.attribute("resource.1")).toBe("nested-1/1");
    expect(await h.attribute("resource.1.first_address")).toBe("1.first_address");
    expect(await h.attribute("resource.0", ["networks", "private", 0])).toBe("0.networks.private.0");
    expect(await h.attribute("resource.0.show.name")).toBe("0.show.name");
    expect(await h.attribute("attributes", ["name"])).toEqual({ "0": "0.name", "1": "1.name" });
    expect(await h.attribute("first_address")).toEqual(["0.first_address", "1.first_address"]);
    await expect(h.attribute("resource.7")).rejects.toThrow("Member '7' not found in group resource 'grp'.");
    await expect(h.attribute("attributes")).rejects.toThrow("The Referenced Attribute (grp attributes) is incorrect.");
  });

  it("resizes through a nested update and applies removal policies by name or ref", async () => {
    const nested = createFakeNested();
    const h = createHarness(resourceGroupResource, { nested, properties: { count: 3, resource_def: def } });
    await h.create();
    const after = { count: 2, resource_def: def, removal_policies: [{ resource_list: ["nested-1/0"] }] };
    expect(await h.update(after)).toBe("in-place");
    const update = nested.calls.find((c) => c.op === "update")!;
    expect(update.stackId).toBe("nested-1");
    expect(Object.keys(template(update).resources)).toEqual(["1", "2"]);
    expect(h.ctx.data.name_blacklist).toBe("0");
    expect(await h.attribute("removed_rsrc_list")).toEqual(["0"]);
    expect(resourceGroupResource.group?.members({ properties: after, data: h.ctx.data })).toEqual(["1", "2"]);
  });

  it("replaces when index_var changes and deletes the nested stack", async () => {
    const nested = createFakeNested();
    const h = createHarness(resourceGroupResource, { nested, properties: { count: 1, resource_def: def } });
    await h.create();
    expect(await h.update({ count: 1, resource_def: def, index_var: "$i$" })).toBe("replace");
    await h.delete();
    expect(nested.stacks.size).toBe(0);
  });

  it("creates an empty nested stack for count 0", async () => {
    const nested = createFakeNested();
    const h = createHarness(resourceGroupResource, { nested, properties: { count: 0, resource_def: def } });
    await h.create();
    expect(template(nested.calls[0]).resources).toEqual({});
    expect(await h.attribute("refs")).toEqual([]);
  });
});
