import { describe, expect, it } from "vitest";
import type { NestedOwner } from "../engine/ports";
import { ownerTags } from "./ownership";
import type { RemoteHeat, RemoteStack } from "./remote-heat";
import { remoteChildName, remoteNestedOps } from "./remote-nested";

const owner: NestedOwner = { region: "RegionOne", stackId: "p-1", stackName: "top", projectId: "admin", resource: "far", resourceId: "rec-1", generation: 1 };
const region = { name: "RegionTwo", heat: "http://10.0.0.2/heat-api", identity: "http://10.0.0.2/identity" };

/** A client whose region holds `existing` under the child's name; records the writes asked. */
function fakeClient(existing: RemoteStack | undefined) {
  const writes: string[] = [];
  const client = {
    region,
    find: async () => existing,
    show: async () => existing,
    create: async () => (writes.push("create"), "new-id"),
    delete: async () => (writes.push("delete"), true),
    definition: async () => ({ template: {}, parameters: {} }),
    resourceRefs: async () => ({}),
  } as unknown as RemoteHeat;
  return { client, writes };
}

const hooks = () => {
  const created: string[] = [];
  return { created, hooks: { signal: new AbortController().signal, created: async (id: string) => void created.push(id), data: {}, remember: async () => undefined } };
};

const stack = (tags: string[]): RemoteStack => ({ id: "old-id", stack_name: remoteChildName(owner), stack_status: "CREATE_COMPLETE", stack_status_reason: "", tags, outputs: [] });

describe("remoteNestedOps create", () => {
  it("keeps a complete child it made before (a create run again) instead of making another", async () => {
    const { client, writes } = fakeClient(stack(ownerTags(owner)));
    const h = hooks();
    const view = await remoteNestedOps(client, owner, h.hooks).create({ template: "{}" });
    expect(view.id).toBe("old-id");
    expect(h.created).toEqual(["old-id"]);
    expect(writes).toEqual([]);
  });

  it("leaves alone a stack of the same name that another owner (or nobody) owns", async () => {
    for (const tags of [[], ownerTags({ ...owner, stackId: "p-2" })]) {
      const { client, writes } = fakeClient(stack(tags));
      await expect(remoteNestedOps(client, owner, hooks().hooks).create({ template: "{}" })).rejects.toThrow(`A stack named ${remoteChildName(owner)} already exists in region RegionTwo`);
      expect(writes).toEqual([]);
    }
  });
});
