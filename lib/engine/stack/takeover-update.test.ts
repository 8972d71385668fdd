/**
 * A peer finishes an update, the rollback of a failed one, and a delete that a crashed engine left
 * half done: engine A dies after each of its events and after each of its cloud calls in turn; engine
 * B takes over once A's lease has expired.
 */
import { describe, expect, it } from "vitest";
import { type TakeoverRig, takeoverRig } from "../testing/takeover";
import { atEveryCrashPoint, created, type Operate, type Shape, template } from "./takeover.fixture";

const state = (s: { action: string; status: string }) => `${s.action}_${s.status}`;
const flavorId = async (name: string) => (await takeoverRig().cloud.region("RegionOne").compute.flavors()).find((f) => f.name === name)!.id;
const [tiny, small] = await Promise.all([flavorId("m1.tiny"), flavorId("m1.small")]);
const before: Shape = { spare: true };
const after: Shape = { flavor: "m1.small", size: 2, count: 3, extra: true, innerVolumes: 2 };

/** The server's flavor in the cloud and the member counts of the group and the inner stack, read back. */
async function shapeOf(rig: TakeoverRig, stackId: string) {
  const byName = Object.fromEntries((await rig.b.engine.resources(stackId)).map((r) => [r.name, r]));
  const server = await rig.cloud.region("RegionOne").compute.getServer(byName.server.physicalId!);
  const volume = await rig.cloud.region("RegionOne").volume.getVolume(byName.volume.physicalId!);
  const members = async (name: string) => (await rig.b.engine.resources(byName[name].nestedStackId!)).length;
  return { names: Object.keys(byName).sort(), flavor: server.flavorId, size: volume.sizeGb, group: await members("group"), inner: await members("inner") };
}

describe("a peer takes over an update or a delete", () => {
  it("completes an update (a replaced server, an attachment moved to it, a resized volume, a grown group and nested stack, a removed and an added resource) from every crash point", async () => {
    const update: Operate = (rig, id) => rig.a.engine.update(id!, { template: template(after) });
    await atEveryCrashPoint(update, (rig) => created(rig, before), async ({ rig, final }) => {
      expect(state(final)).toBe("UPDATE_COMPLETE");
      expect(await shapeOf(rig, final.id)).toEqual({
        names: ["attach", "extra", "group", "inner", "net", "server", "subnet", "volume"],
        flavor: small,
        size: 2,
        group: 3,
        inner: 3,
      });
    });
  }, 180_000);

  it("rolls a failed update back onto the previous definition from every crash point", async () => {
    // (a volume cannot shrink back: the size stays)
    const update: Operate = (rig, id) => rig.a.engine.update(id!, { template: template({ ...after, size: 1, failing: true }) }, { enableRollback: true });
    await atEveryCrashPoint(update, (rig) => created(rig, before), async ({ rig, final }) => {
      expect(state(final)).toBe("ROLLBACK_COMPLETE");
      expect(final.template).toBe(template(before));
      const shape = await shapeOf(rig, final.id);
      expect(shape).toEqual({ names: ["attach", "group", "inner", "net", "server", "spare", "subnet", "volume"], flavor: tiny, size: 1, group: 2, inner: 2 });
    });
  }, 180_000);

  it("completes a delete from every crash point: nothing is left", async () => {
    const remove: Operate = (rig, id) => rig.a.engine.delete(id!);
    await atEveryCrashPoint(remove, (rig) => created(rig, before), async ({ rig, final }) => {
      expect(state(final)).toBe("DELETE_COMPLETE");
      expect(final.deletedAt).not.toBeNull();
      const children = await rig.store.listStacks({ includeNested: true, parentId: final.id, includeDeleted: true });
      expect(children.map((c) => state(c))).toEqual(children.map(() => "DELETE_COMPLETE"));
    });
  }, 180_000);
});
