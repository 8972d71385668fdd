import { describe, expect, it } from "vitest";
import { createSimCloud } from "./index";

async function setup() {
  const clock = { t: 1_700_000_000_000, now: () => clock.t };
  const sim = createSimCloud({ seed: 11, speed: 1, apiSpeed: 0, clock });
  const region = sim.region("RegionOne");
  const later = async () => {
    clock.t += 60_000;
    await region.compute.listServers();
  };
  const a = await region.compute.createServer({ name: "a", flavor: "m1.tiny", image: "cirros" });
  const b = await region.compute.createServer({ name: "b", flavor: "m1.tiny", image: "cirros" });
  await later();
  return { sim, region, clock, later, a, b };
}

describe("sim volumes", () => {
  it("creates (creating -> available), extends and deletes (deleting -> gone)", async () => {
    const { region, later } = await setup();
    const created = await region.volume.createVolume({ name: "data", sizeGb: 2, metadata: { k: "v" } });
    expect(created).toMatchObject({ status: "creating", sizeGb: 2, multiattach: false, attachments: [], region: "RegionOne" });
    await later();
    expect((await region.volume.getVolume(created.id)).status).toBe("available");
    await region.volume.extendVolume(created.id, 5);
    expect((await region.volume.getVolume(created.id)).sizeGb).toBe(5);
    await expect(region.volume.extendVolume(created.id, 5)).rejects.toMatchObject({ code: "BadRequest" });
    await region.volume.deleteVolume(created.id);
    expect((await region.volume.getVolume(created.id)).status).toBe("deleting");
    await later();
    await expect(region.volume.getVolume(created.id)).rejects.toMatchObject({
      code: "NotFound",
      message: `Volume ${created.id} could not be found.`,
    });
  });

  it("validates size and image", async () => {
    const { region } = await setup();
    await expect(region.volume.createVolume({ sizeGb: 0 })).rejects.toMatchObject({ code: "BadRequest" });
    await expect(region.volume.createVolume({ sizeGb: 1.5 })).rejects.toMatchObject({ code: "BadRequest" });
    await expect(region.volume.createVolume({ sizeGb: 1, imageId: "ubuntu-22.04" })).rejects.toMatchObject({
      message: "Volume size 1GB cannot be smaller than the image minDisk size 3GB.",
    });
    await expect(region.volume.createVolume({ sizeGb: 1, imageId: "nope" })).rejects.toMatchObject({ message: "Image nope could not be found." });
  });

  it("attaches (attaching -> in-use), detaches (detaching -> available) and keeps server and volume in step", async () => {
    const { region, later, a } = await setup();
    const vol = await region.volume.createVolume({ sizeGb: 1 });
    await later();
    const attachment = await region.volume.attachVolume(vol.id, a.id);
    expect(attachment).toMatchObject({ serverId: a.id, device: "/dev/vdb" });
    expect((await region.volume.getVolume(vol.id)).status).toBe("attaching");
    await later();
    expect((await region.volume.getVolume(vol.id)).status).toBe("in-use");
    expect((await region.compute.getServer(a.id)).volumes).toEqual([vol.id]);
    await expect(region.volume.deleteVolume(vol.id)).rejects.toMatchObject({
      code: "Conflict",
      message: `Volume ${vol.id} is still attached, detach volume first.`,
    });
    await region.volume.detachVolume(vol.id, attachment.id);
    expect((await region.volume.getVolume(vol.id)).status).toBe("detaching");
    await later();
    expect(await region.volume.getVolume(vol.id)).toMatchObject({ status: "available", attachments: [] });
    expect((await region.compute.getServer(a.id)).volumes).toEqual([]);
  });

  it("refuses a second attachment unless multiattach, and servers that are not running or stopped", async () => {
    const { region, later, a, b } = await setup();
    const single = await region.volume.createVolume({ sizeGb: 1 });
    const shared = await region.volume.createVolume({ sizeGb: 1, multiattach: true });
    await later();
    await region.volume.attachVolume(single.id, a.id);
    await region.volume.attachVolume(shared.id, a.id);
    await later();
    await expect(region.volume.attachVolume(single.id, b.id)).rejects.toMatchObject({ code: "Conflict", message: expect.stringContaining("in-use") });
    const second = await region.volume.attachVolume(shared.id, b.id, "/dev/vdc");
    await later();
    expect((await region.volume.getVolume(shared.id)).attachments.map((x) => x.serverId)).toEqual([a.id, b.id]);
    expect(second.device).toBe("/dev/vdc");
    await expect(region.volume.attachVolume(shared.id, b.id)).rejects.toMatchObject({ code: "Conflict" });

    const building = await region.compute.createServer({ name: "c", flavor: "m1.tiny", image: "cirros" });
    const spare = await region.volume.createVolume({ sizeGb: 1 });
    await expect(region.volume.attachVolume(spare.id, building.id)).rejects.toMatchObject({ code: "Conflict" });
    await later();
    await region.compute.suspendServer(building.id);
    await later();
    await expect(region.volume.attachVolume(spare.id, building.id)).rejects.toMatchObject({
      message: `Cannot 'attach_volume' instance ${building.id} while it is in vm_state suspended`,
    });
    await expect(region.volume.attachVolume(spare.id, b.id, "vdz")).rejects.toMatchObject({ code: "BadRequest" });
  });

  it("requires the server in the volume's region", async () => {
    const { sim, region, later } = await setup();
    const remote = await sim.region("RegionTwo").compute.createServer({ name: "far", flavor: "m1.tiny", image: "cirros" });
    const vol = await region.volume.createVolume({ sizeGb: 1 });
    await later();
    await expect(region.volume.attachVolume(vol.id, remote.id)).rejects.toMatchObject({
      code: "NotFound",
      message: `No server with a name or ID of '${remote.id}' exists.`,
    });
  });

  it("keeps written data across a move from one server to another", async () => {
    const { sim, region, later, a, b } = await setup();
    const vol = await region.volume.createVolume({ sizeGb: 1 });
    await later();
    await expect(region.volume.writeData(vol.id, a.id, "db", "x")).rejects.toMatchObject({
      code: "Conflict",
      message: `Volume ${vol.id} is not attached to server ${a.id}.`,
    });
    const first = await region.volume.attachVolume(vol.id, a.id);
    await expect(region.volume.writeData(vol.id, a.id, "db", "x")).rejects.toMatchObject({ code: "Conflict" });
    await later();
    await region.volume.writeData(vol.id, a.id, "db/rows", "alpha,beta");
    expect(await region.volume.readData(vol.id, a.id, "db/rows")).toBe("alpha,beta");
    await expect(region.volume.readData(vol.id, b.id, "db/rows")).rejects.toMatchObject({ code: "Conflict" });
    await region.volume.detachVolume(vol.id, first.id);
    await later();
    await region.volume.attachVolume(vol.id, b.id);
    await later();
    expect(await region.volume.readData(vol.id, b.id, "db/rows")).toBe("alpha,beta");
    expect(await region.volume.readData(vol.id, b.id, "missing")).toBeUndefined();
    expect(sim.readVolumeData(vol.id, "db/rows")).toBe("alpha,beta");
    await region.compute.stopServer(b.id);
    await later();
    await expect(region.volume.readData(vol.id, b.id, "db/rows")).rejects.toMatchObject({
      message: expect.stringContaining("vm_state stopped"),
    });
  });

  it("detaches volumes of a deleted server, and detaches by server id", async () => {
    const { region, later, a, b } = await setup();
    const v1 = await region.volume.createVolume({ sizeGb: 1 });
    const v2 = await region.volume.createVolume({ sizeGb: 1 });
    await later();
    await region.volume.attachVolume(v1.id, a.id);
    await region.volume.attachVolume(v2.id, b.id);
    await later();
    expect((await region.compute.getServer(a.id)).volumes).toEqual([v1.id]);
    await region.compute.deleteServer(a.id);
    await later();
    expect(await region.volume.getVolume(v1.id)).toMatchObject({ status: "available", attachments: [] });
    await region.volume.detachVolume(v2.id, b.id);
    await later();
    expect((await region.volume.getVolume(v2.id)).status).toBe("available");
    await expect(region.volume.detachVolume(v2.id, "nope")).rejects.toMatchObject({ code: "NotFound" });
  });
});
