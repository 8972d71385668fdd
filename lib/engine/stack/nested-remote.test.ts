import { describe, expect, it } from "vitest";
import type { NestedOwner, NestedStackInput, NestedStackOps, RemoteNestedProvider } from "../ports";
import { createTestEngine } from "../testing";
import { REMOTE_REGION_KEY } from "./nested-remote";

const P = { projectId: "p1" };

/** A fake remote region: children kept in a map, every call recorded. */
function fakeRegion(name: string) {
  const children = new Map<string, NestedStackInput>();
  const calls: string[] = [];
  const owners: NestedOwner[] = [];
  const provider: RemoteNestedProvider = (region, owner, hooks) => {
    if (region !== name) return undefined;
    const view = (id: string) => ({ id, name: `remote-${id}`, status: "CREATE_COMPLETE", statusReason: "", outputs: { size: children.get(id)?.parameters?.size }, resourceRefs: {}, attribute: async () => null });
    const ops: NestedStackOps = {
      async create(input) {
        const id = `r${children.size + 1}`;
        children.set(id, input);
        calls.push(`create ${id}`);
        owners.push(owner);
        await hooks.created(id);
        return view(id);
      },
      async update(id, input) {
        children.set(id, input);
        calls.push(`update ${id}`);
        return { ...view(id), status: "UPDATE_COMPLETE" };
      },
      async delete(id) {
        children.delete(id);
        calls.push(`delete ${id}`);
      },
      get: async (id) => (children.has(id) ? view(id) : undefined),
      suspend: async () => undefined,
      resume: async () => undefined,
      check: async (id) => void calls.push(`check ${id}`),
    };
    return ops;
  };
  return { provider, children, calls, owners };
}

const childTemplate = JSON.stringify({ heat_template_version: "2018-08-31", parameters: { size: { type: "number" } }, resources: {}, outputs: {} });
const template = (size: number) =>
  JSON.stringify({
    heat_template_version: "2018-08-31",
    resources: {
      far: { type: "OS::Heat::Stack", properties: { context: { region_name: "RegionTwo" }, template: childTemplate, parameters: { size } } },
      near: { type: "OS::Heat::Stack", properties: { template: childTemplate, parameters: { size } } },
    },
    outputs: { far_size: { value: { get_attr: ["far", "outputs", "size"] } } },
  });

describe("nested stacks in regions served elsewhere", () => {
  it("sends a remote region's child to the provider for its whole life, and keeps a local child local", async () => {
    const region = fakeRegion("RegionTwo");
    const t = createTestEngine({ remoteNested: region.provider });
    const stack = await t.finish(await t.engine.create("top", { template: template(3) }, P));
    expect(stack.status, stack.statusReason).toBe("COMPLETE");
    const resources = await t.engine.resources(stack.id);
    const far = resources.find((r) => r.name === "far")!;
    const near = resources.find((r) => r.name === "near")!;
    expect(far.physicalId).toBe("r1");
    expect(far.data[REMOTE_REGION_KEY]).toBe("RegionTwo");
    expect(region.owners[0]).toMatchObject({ region: "RegionOne", stackId: stack.id, stackName: "top", projectId: "p1", resource: "far", resourceId: far.id });
    expect((await t.store.getStack(near.physicalId!))?.parentId).toBe(stack.id);
    expect((await t.engine.outputs(stack.id)).find((o) => o.key === "far_size")?.value).toBe(3);

    await t.finish(await t.engine.update(stack.id, { template: template(5) }));
    await t.finish(await t.engine.check(stack.id));
    await t.finish(await t.engine.delete(stack.id));
    expect(region.calls).toEqual(["create r1", "update r1", "check r1", "delete r1"]);
    expect(region.children.size).toBe(0);
  });
});
