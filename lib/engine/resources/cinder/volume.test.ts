import { describe, expect, it } from "vitest";
import { createInstantCloud } from "../../testing/instant-cloud";
import { type CloudBench, createCloudBench } from "../testing-context";
import { serverResource } from "../nova/server";
import { volumeResource } from "./volume";
import { volumeAttachmentResource } from "./volume-attachment";

async function serverIn(bench: CloudBench, name: string) {
  const h = bench.harness(serverResource, { name, properties: { flavor: "m1.tiny", image: "cirros" } });
  await h.create();
  return h.ctx.physicalId!;
}

describe("OS::Cinder::Volume", () => {
  it("creates an available volume and exposes its attributes", async () => {
    const bench = createCloudBench(createInstantCloud());
    const h = bench.harness(volumeResource, { properties: { size: 2, name: "data", metadata: { tier: "gold" } } });
    await h.create();
    expect(await h.attribute("status")).toBe("available");
    expect(await h.attribute("size")).toBe(2);
    expect(await h.attribute("display_name")).toBe("data");
    expect(await h.attribute("metadata_values")).toEqual({ tier: "gold" });
    expect(await h.attribute("attachments_list")).toEqual([]);
  });

  it("extends in place and refuses to shrink", async () => {
    const bench = createCloudBench(createInstantCloud());
    const h = bench.harness(volumeResource, { properties: { size: 1 } });
    await h.create();
    expect(await h.update({ size: 3 })).toBe("in-place");
    expect(await h.attribute("size")).toBe(3);
    await expect(h.update({ size: 2 })).rejects.toThrow("Shrinking volume is not supported.");
  });

  it("deletes, and a second delete finds it already gone", async () => {
    const bench = createCloudBench(createInstantCloud());
    const h = bench.harness(volumeResource, { properties: { size: 1 } });
    await h.create();
    await h.delete();
    await expect(bench.cloud.region("RegionOne").volume.getVolume(h.ctx.physicalId!)).rejects.toMatchObject({ code: "NotFound" });
    await h.delete();
  });
});

describe("OS::Cinder::VolumeAttachment", () => {
  it("attaches, moves to another server in place (detach then attach), and detaches on delete", async () => {
    const bench = createCloudBench(createInstantCloud());
    const a = await serverIn(bench, "a");
    const b = await serverIn(bench, "b");
    const vol = bench.harness(volumeResource, { properties: { size: 1 } });
    await vol.create();
    const volumeId = vol.ctx.physicalId!;
    const att = bench.harness(volumeAttachmentResource, { properties: { instance_uuid: a, volume_id: volumeId, mountpoint: "/dev/vdb" } });
    await att.create();
    const volumes = bench.cloud.region("RegionOne").volume;
    expect((await volumes.getVolume(volumeId)).attachments.map((x) => x.serverId)).toEqual([a]);
    expect(await att.update({ instance_uuid: b, volume_id: volumeId, mountpoint: "/dev/vdb" })).toBe("in-place");
    const moved = await volumes.getVolume(volumeId);
    expect(moved.status).toBe("in-use");
    expect(moved.attachments.map((x) => x.serverId)).toEqual([b]);
    expect(att.ctx.physicalId).toBe(moved.attachments[0].id);
    await att.check();
    await att.delete();
    expect((await volumes.getVolume(volumeId)).attachments).toEqual([]);
    await att.delete();
  });

  it("fails clearly when the server is in another region", async () => {
    const bench = createCloudBench(createInstantCloud());
    const server = bench.harness(serverResource, { region: "RegionTwo", properties: { flavor: "m1.tiny", image: "cirros" } });
    await server.create();
    const vol = bench.harness(volumeResource, { properties: { size: 1 } });
    await vol.create();
    const att = bench.harness(volumeAttachmentResource, { properties: { instance_uuid: server.ctx.physicalId, volume_id: vol.ctx.physicalId } });
    await expect(att.create()).rejects.toThrow(/attaching volume .* in RegionOne failed/);
  });
});
