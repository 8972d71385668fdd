/** The instant cloud's Cinder: volumes are available when created, attached or detached when the call returns. */
import type { Volume, VolumeClient } from "../../ports";
import { fail, type InstantRegion, type VolumeRecord } from "./region";
import type { Sync } from "./sync";

/** The port's Volume for a stored one. */
const volumeView = ({ data: _data, ...volume }: VolumeRecord): Volume => volume;

/** The volume, which must be attached to `serverId` for a guest on it to read or write. */
function attachedTo(r: InstantRegion, volumeId: string, serverId: string): VolumeRecord {
  const volume = r.find(r.volumes, "Volume", volumeId);
  if (!volume.attachments.some((a) => a.serverId === serverId)) fail("Conflict", `Volume ${volumeId} is not attached to server ${serverId}.`);
  return volume;
}

/** The VolumeClient operations of a region. */
export function volumeOps(r: InstantRegion): Sync<VolumeClient> {
  return {
    createVolume(spec) {
      if (!Number.isInteger(spec.sizeGb) || spec.sizeGb < 1) fail("BadRequest", `Volume size '${spec.sizeGb}' must be an integer and greater than 0.`);
      if (spec.imageId !== undefined && !r.images.some((i) => i.id === spec.imageId || i.name === spec.imageId)) fail("BadRequest", `Image ${spec.imageId} could not be found.`);
      const id = r.newId("volume");
      const volume: VolumeRecord = {
        id, name: spec.name ?? "", region: r.name, sizeGb: spec.sizeGb, status: "available", multiattach: spec.multiattach ?? false,
        attachments: [], metadata: spec.metadata ?? {}, createdAt: r.isoNow(), data: {},
      };
      r.add(r.volumes, volume);
      return volumeView(volume);
    },
    getVolume: (id) => volumeView(r.find(r.volumes, "Volume", id)),
    listVolumes: () => r.all(r.volumes).map(volumeView),
    deleteVolume(id) {
      if (r.find(r.volumes, "Volume", id).attachments.length > 0) fail("Conflict", `Volume ${id} is still attached, detach volume first.`);
      r.volumes.delete(id);
    },
    extendVolume(id, sizeGb) {
      const volume = r.find(r.volumes, "Volume", id);
      if (!(sizeGb > volume.sizeGb)) fail("BadRequest", `New size for extend must be greater than current size (${volume.sizeGb} GB).`);
      volume.sizeGb = sizeGb;
    },
    attachVolume(volumeId, serverId, device) {
      const volume = r.find(r.volumes, "Volume", volumeId);
      r.find(r.servers, "Server", serverId);
      if (volume.attachments.length > 0 && !volume.multiattach) fail("Conflict", `Volume ${volumeId} is already attached.`);
      const taken = new Set([...r.volumes.values()].flatMap((v) => v.attachments.filter((a) => a.serverId === serverId).map((a) => a.device)));
      const free = [..."bcdefghijklmnopqrstuvwxyz"].map((letter) => `/dev/vd${letter}`).find((d) => !taken.has(d));
      const attachment = { id: r.newId("attachment"), serverId, device: device ?? free ?? fail("Conflict", `Server ${serverId} has no free device.`) };
      volume.attachments.push(attachment);
      volume.status = "in-use";
      return attachment;
    },
    detachVolume(volumeId, attachmentId) {
      const volume = r.find(r.volumes, "Volume", volumeId);
      if (!volume.attachments.some((a) => a.id === attachmentId)) fail("NotFound", `Attachment ${attachmentId} of volume ${volumeId} could not be found.`);
      volume.attachments = volume.attachments.filter((a) => a.id !== attachmentId);
      if (volume.attachments.length === 0) volume.status = "available";
    },
    writeData(volumeId, serverId, key, content) {
      attachedTo(r, volumeId, serverId).data[key] = content;
    },
    readData: (volumeId, serverId, key) => attachedTo(r, volumeId, serverId).data[key],
  };
}
