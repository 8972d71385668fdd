/** Cinder volumes of one region: create, extend, attach/detach to servers, stored content, delete. */
import type { Volume, VolumeAttachmentInfo, VolumeSpec } from "../../engine/ports";
import { VM_STATE, findImage, stateConflict } from "./compute-ops";
import { badRequest, conflict, notFound, serverNotFound } from "./errors";
import { takeFailure } from "./fail-rules";
import { checkQuota } from "./quota";
import type { VolumeRecord } from "./records";
import type { RegionState } from "./region-state";
import { attachedVolumes, volumeView } from "./views";

function requireVolume(s: RegionState, id: string): VolumeRecord {
  const volume = s.get("volume", id);
  if (!volume) throw notFound("Volume", id);
  return volume;
}

function createVolume(s: RegionState, spec: VolumeSpec): Volume {
  if (!Number.isInteger(spec.sizeGb) || spec.sizeGb < 1) {
    throw badRequest(`Invalid input received: Volume size '${spec.sizeGb}' must be an integer and greater than 0.`);
  }
  const image = spec.imageId === undefined ? undefined : findImage(s, spec.imageId);
  if (spec.imageId !== undefined && !image) throw badRequest(`Image ${spec.imageId} could not be found.`);
  if (image && image.minDiskGb > spec.sizeGb) {
    throw badRequest(`Volume size ${spec.sizeGb}GB cannot be smaller than the image minDisk size ${image.minDiskGb}GB.`);
  }
  checkQuota(s, { volumes: 1, gigabytes: spec.sizeGb });
  const { id, seq } = s.nextId();
  const failed = takeFailure(s, "volume.build") !== undefined;
  const record: VolumeRecord = {
    id,
    seq,
    name: spec.name ?? "",
    sizeGb: spec.sizeGb,
    status: "creating",
    multiattach: spec.multiattach ?? false,
    attachments: [],
    metadata: { ...(spec.metadata ?? {}) },
    createdAt: s.isoNow(),
    ...(image ? { imageId: image.id } : {}),
    ...(spec.description !== undefined ? { description: spec.description } : {}),
    content: {},
    pending: { to: failed ? "error" : "available", at: s.now() + s.latency.duration("volumeCreate", id) },
  };
  s.put("volume", record);
  return volumeView(s, record);
}

function deleteVolume(s: RegionState, id: string): void {
  const volume = requireVolume(s, id);
  if (volume.status === "deleting") return;
  if (volume.attachments.length > 0) throw conflict(`Volume ${id} is still attached, detach volume first.`);
  if (volume.status !== "available" && volume.status !== "error") {
    throw conflict(`Invalid volume: Volume status must be available or error, but current status is: ${volume.status}.`);
  }
  const at = s.now() + s.latency.duration("volumeDelete", id);
  s.put("volume", { ...volume, status: "deleting", pending: { to: "deleted", at } });
}

function extendVolume(s: RegionState, id: string, sizeGb: number): void {
  const volume = requireVolume(s, id);
  if (volume.status !== "available" && volume.status !== "in-use") {
    throw conflict(`Invalid volume: Volume ${id} status must be available or in-use to extend, but current status is: ${volume.status}.`);
  }
  if (!Number.isInteger(sizeGb) || sizeGb <= volume.sizeGb) {
    throw badRequest(`Invalid input received: New size for extend must be greater than current size. (current: ${volume.sizeGb}, extended: ${sizeGb}).`);
  }
  checkQuota(s, { gigabytes: sizeGb - volume.sizeGb });
  s.put("volume", { ...volume, sizeGb });
}

/** The next free device name on the server (/dev/vda is the root disk). */
function nextDevice(s: RegionState, serverId: string): string {
  const used = new Set(attachedVolumes(s, serverId).map((v) => v.device));
  for (let code = "b".charCodeAt(0); code <= "z".charCodeAt(0); code++) {
    const device = `/dev/vd${String.fromCharCode(code)}`;
    if (!used.has(device)) return device;
  }
  throw conflict(`No free device name left on server ${serverId}.`);
}

function attachVolume(s: RegionState, volumeId: string, serverId: string, device?: string): VolumeAttachmentInfo {
  const volume = requireVolume(s, volumeId);
  const server = s.get("server", serverId);
  if (!server) throw serverNotFound(serverId);
  const problem = stateConflict(server, "attach_volume", ["ACTIVE", "SHUTOFF"]);
  if (problem) throw conflict(problem);
  if (volume.attachments.some((a) => a.serverId === serverId)) {
    throw conflict(`Volume ${volumeId} is already attached to server ${serverId}.`);
  }
  const shareable = volume.status === "in-use" && volume.multiattach;
  if (volume.status !== "available" && !shareable) {
    throw conflict(`Invalid volume: Volume ${volumeId} status must be available to reserve, but the current status is: ${volume.status}.`);
  }
  if (device !== undefined && !/^\/dev\/[a-z]+$/.test(device)) throw badRequest(`The supplied device path (${device}) is invalid.`);
  if (device !== undefined && attachedVolumes(s, serverId).some((v) => v.device === device)) {
    throw conflict(`The supplied device path (${device}) is in use.`);
  }
  const attachment: VolumeAttachmentInfo = { id: s.nextId().id, serverId, device: device ?? nextDevice(s, serverId) };
  const at = s.now() + s.latency.duration("volumeAttach", attachment.id);
  s.put("volume", {
    ...volume,
    status: "attaching",
    attachments: [...volume.attachments, attachment],
    pending: { to: "in-use", at, attachmentId: attachment.id },
  });
  return { ...attachment };
}

function detachVolume(s: RegionState, volumeId: string, attachmentId: string): void {
  const volume = requireVolume(s, volumeId);
  const attachment = volume.attachments.find((a) => a.id === attachmentId || a.serverId === attachmentId);
  if (!attachment) throw notFound("Volume attachment", attachmentId);
  if (volume.status !== "in-use") {
    throw conflict(`Invalid volume: Unable to detach volume ${volumeId}. Volume status must be 'in-use' to detach, but it is '${volume.status}'.`);
  }
  const at = s.now() + s.latency.duration("volumeDetach", attachment.id);
  s.put("volume", { ...volume, status: "detaching", pending: { to: "available", at, attachmentId: attachment.id } });
}

/** The volume as the guest of `serverId` sees it; Conflict unless attached and the server is running. */
function guestVolume(s: RegionState, volumeId: string, serverId: string): VolumeRecord {
  const volume = requireVolume(s, volumeId);
  const server = s.get("server", serverId);
  if (!server) throw serverNotFound(serverId);
  const attachment = volume.attachments.find((a) => a.serverId === serverId);
  if (!attachment || (volume.pending?.attachmentId === attachment.id && volume.status === "attaching")) {
    throw conflict(`Volume ${volumeId} is not attached to server ${serverId}.`);
  }
  if (server.status !== "ACTIVE" || server.hung) {
    const state = server.hung ? "not responding" : `in vm_state ${VM_STATE[server.status]}`;
    throw conflict(`Server ${serverId} is ${state}; its guest cannot use volume ${volumeId}.`);
  }
  return volume;
}

/** Drops every attachment of a deleted server (Nova detaches volumes when a server goes away). */
export function dropAttachments(s: RegionState, serverId: string): void {
  for (const volume of s.list("volume")) {
    const gone = volume.attachments.filter((a) => a.serverId === serverId).map((a) => a.id);
    if (gone.length === 0) continue;
    const attachments = volume.attachments.filter((a) => !gone.includes(a.id));
    const { pending, ...rest } = volume;
    const keepPending = pending && !gone.includes(pending.attachmentId ?? "");
    s.put("volume", {
      ...rest,
      attachments,
      status: keepPending ? volume.status : attachments.length > 0 ? "in-use" : "available",
      ...(keepPending ? { pending } : {}),
    });
  }
}

/** Applies a volume's due transition. */
export function settleVolume(s: RegionState, volume: VolumeRecord): void {
  const { pending, ...rest } = volume;
  if (!pending) return;
  if (pending.to === "deleted") {
    s.remove("volume", volume.id);
    return;
  }
  if (volume.status === "detaching") {
    const attachments = volume.attachments.filter((a) => a.id !== pending.attachmentId);
    s.put("volume", { ...rest, attachments, status: attachments.length > 0 ? "in-use" : "available" });
    return;
  }
  s.put("volume", { ...rest, status: pending.to });
}

/** The operations of VolumeClient, on a region's state. */
export const volumeOps = {
  createVolume,
  getVolume: (s: RegionState, id: string): Volume => volumeView(s, requireVolume(s, id)),
  listVolumes: (s: RegionState): Volume[] => s.list("volume").map((v) => volumeView(s, v)),
  deleteVolume,
  extendVolume,
  attachVolume,
  detachVolume,
  writeData(s: RegionState, volumeId: string, serverId: string, key: string, content: string): void {
    if (typeof key !== "string" || key === "") throw badRequest("A data key must be a non-empty string.");
    const volume = guestVolume(s, volumeId, serverId);
    s.put("volume", { ...volume, content: { ...volume.content, [key]: String(content) } });
  },
  readData: (s: RegionState, volumeId: string, serverId: string, key: string): string | undefined =>
    guestVolume(s, volumeId, serverId).content[key],
};
