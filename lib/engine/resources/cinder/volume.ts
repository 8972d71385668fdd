/**
 * OS::Cinder::Volume: a block storage volume. Create polls until "available"; a bigger size extends
 * it in place (shrinking is refused, as in Heat). The cloud port has no volume rename/metadata call, so
 * name, description and metadata changes are recorded without touching the cloud.
 */
import type { Volume } from "../../ports";
import { cloudCall, ignoreNotFound, isNotFound, pollRead, ResourceInError } from "../support/cloud-errors";
import { optBool, optNumber, optString, stringMap } from "../support/props";
import { physicalName } from "../support/naming";
import { defineResource } from "../define";
import { type ResourceContext } from "../types";

/** The volume once its status is one of `settled`; undefined while it is changing; "error" fails. */
async function settled(ctx: ResourceContext, settledIn: Volume["status"][]): Promise<Volume | undefined> {
  const id = ctx.physicalId!;
  const volume = await pollRead(() => ctx.cloud.volume.getVolume(id));
  if (!volume) return undefined;
  if (volume.status === "error") throw new ResourceInError("error", `Volume ${id} went to status error`);
  return settledIn.includes(volume.status) ? volume : undefined;
}

/** Size in GB: the size property, else the image's minimum disk (at least 1). */
async function sizeOf(ctx: ResourceContext): Promise<number> {
  const size = optNumber(ctx.properties, "size");
  if (size !== undefined) return size;
  const image = optString(ctx.properties, "image");
  if (!image) throw new Error("Property size not assigned: a volume needs a size or an image");
  const found = (await ctx.cloud.compute.images()).find((i) => i.id === image || i.name === image);
  return Math.max(1, found?.minDiskGb ?? 1);
}

function attachmentsList(volume: Volume): Record<string, unknown>[] {
  return volume.attachments.map((a) => ({ id: a.id, attachment_id: a.id, server_id: a.serverId, device: a.device, volume_id: volume.id }));
}

/** The OS::Cinder::Volume plugin. */
export const volumeResource = defineResource({
  type: "OS::Cinder::Volume",
  handlers: {
    async create(ctx) {
      const p = ctx.properties;
      const name = optString(p, "name") || physicalName(ctx);
      const sizeGb = await sizeOf(ctx);
      const image = optString(p, "image");
      const volume = await cloudCall(`creating volume ${name}`, ctx.region, () =>
        ctx.cloud.volume.createVolume({
          name,
          sizeGb,
          multiattach: optBool(p, "multiattach") ?? false,
          metadata: stringMap(p, "metadata"),
          ...(image ? { imageId: image } : {}),
          ...(optString(p, "description") ? { description: optString(p, "description") } : {}),
        }),
      );
      ctx.setPhysicalId(volume.id);
    },
    checkCreateComplete: async (ctx) => !!(await settled(ctx, ["available"])),
    async update(ctx, change) {
      const before = optNumber(change.before, "size");
      const after = optNumber(change.after, "size");
      const unsynced = change.changed.filter((k) => k !== "size");
      if (unsynced.length) ctx.note(`Recorded ${unsynced.join(", ")} without a cloud call (not in the cloud port)`);
      if (after === undefined || after === before) return undefined;
      const id = ctx.physicalId!;
      const current = await ctx.cloud.volume.getVolume(id);
      if (after < current.sizeGb) throw new Error("Shrinking volume is not supported.");
      if (after === current.sizeGb) return undefined;
      await cloudCall(`extending volume ${id} to ${after} GB`, ctx.region, () => ctx.cloud.volume.extendVolume(id, after));
      return after;
    },
    async checkUpdateComplete(ctx, token) {
      if (token === undefined) return true;
      const volume = await settled(ctx, ["available", "in-use"]);
      return !!volume && volume.sizeGb >= (token as number);
    },
    async delete(ctx) {
      const id = ctx.physicalId;
      if (id) await cloudCall(`deleting volume ${id}`, ctx.region, () => ignoreNotFound(() => ctx.cloud.volume.deleteVolume(id)));
    },
    async checkDeleteComplete(ctx) {
      const id = ctx.physicalId;
      if (!id) return true;
      try {
        await pollRead(() => ctx.cloud.volume.getVolume(id));
        return false;
      } catch (err) {
        if (isNotFound(err)) return true;
        throw err;
      }
    },
    async check(ctx) {
      const volume = await ctx.cloud.volume.getVolume(ctx.physicalId ?? "");
      if (volume.status !== "available" && volume.status !== "in-use") {
        throw new ResourceInError(volume.status, `Volume ${volume.id} is ${volume.status}`);
      }
    },
    async attribute(ctx, name) {
      const id = ctx.physicalId;
      const volume = id ? await ignoreNotFound(() => ctx.cloud.volume.getVolume(id)) : undefined;
      if (!volume) return null;
      const p = ctx.properties;
      const values: Record<string, unknown> = {
        availability_zone: optString(p, "availability_zone") ?? "nova",
        size: volume.sizeGb,
        snapshot_id: null,
        display_name: volume.name,
        display_description: optString(p, "description") ?? "",
        volume_type: optString(p, "volume_type") ?? "lvmdriver-1",
        metadata: JSON.stringify(volume.metadata),
        metadata_values: volume.metadata,
        source_volid: null,
        status: volume.status,
        created_at: volume.createdAt,
        bootable: String(!!optString(p, "image")),
        encrypted: false,
        attachments: JSON.stringify(attachmentsList(volume)),
        attachments_list: attachmentsList(volume),
        multiattach: volume.multiattach,
        show: volume,
      };
      return values[name];
    },
  },
});
