/**
 * OS::Cinder::VolumeAttachment: attaches a volume to a server of the same region. Changing the server,
 * volume or mountpoint moves the attachment in place, as Heat does: detach from the old server, wait,
 * then attach to the new one.
 */
import type { VolumeAttachmentInfo } from "../../ports";
import { cloudCall, isNotFound, pollRead } from "../support/cloud-errors";
import { optString, reqString } from "../support/props";
import { defineResource } from "../define";
import { type ResourceContext } from "../types";

interface Target {
  server: string;
  volume: string;
  device?: string;
}

/** Progress of an attach, detach or move. */
interface MoveToken {
  detach?: { volume: string; attachment: string };
  attach?: Target;
  attachStarted: boolean;
}

function target(props: Record<string, unknown>): Target {
  return {
    server: reqString(props, "instance_uuid"),
    volume: reqString(props, "volume_id"),
    device: optString(props, "mountpoint"),
  };
}

async function attach(ctx: ResourceContext, t: Target): Promise<VolumeAttachmentInfo> {
  const info = await cloudCall(`attaching volume ${t.volume} to server ${t.server}`, ctx.region, () =>
    ctx.cloud.volume.attachVolume(t.volume, t.server, t.device),
  );
  ctx.setPhysicalId(info.id);
  ctx.setData("volume_id", t.volume);
  return info;
}

/** Advances a move token: first the detach finishes, then the attach starts and finishes. */
async function progress(ctx: ResourceContext, token: unknown): Promise<boolean> {
  const t = token as MoveToken;
  if (t.detach) {
    const { volume, attachment } = t.detach;
    const v = await pollRead(() => ctx.cloud.volume.getVolume(volume));
    if (!v || v.attachments.some((a) => a.id === attachment)) return false;
    t.detach = undefined;
  }
  if (!t.attach) return true;
  if (!t.attachStarted) {
    t.attachStarted = true;
    await attach(ctx, t.attach);
  }
  const { server, volume } = t.attach;
  const v = await pollRead(() => ctx.cloud.volume.getVolume(volume));
  if (v?.status === "error") throw new Error(`Volume ${volume} went to status error while attaching to ${server}`);
  return !!v && v.status === "in-use" && v.attachments.some((a) => a.serverId === server);
}

/** Starts detaching this resource's attachment; the token waits for it to disappear. */
async function startDetach(ctx: ResourceContext): Promise<MoveToken["detach"]> {
  const attachment = ctx.physicalId;
  const volume = ctx.data.volume_id ?? optString(ctx.properties, "volume_id");
  if (!attachment || !volume) return undefined;
  try {
    await ctx.cloud.volume.detachVolume(volume, attachment);
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
  return { volume, attachment };
}

/** The OS::Cinder::VolumeAttachment plugin. */
export const volumeAttachmentResource = defineResource({
  type: "OS::Cinder::VolumeAttachment",
  properties: {
    instance_uuid: { region: "same", references: ["OS::Nova::Server"] },
    volume_id: { region: "same", references: ["OS::Cinder::Volume"] },
  },
  handlers: {
    async create(ctx) {
      const t = target(ctx.properties);
      await attach(ctx, t);
      return { attach: t, attachStarted: true } satisfies MoveToken;
    },
    checkCreateComplete: progress,
    async update(ctx, change) {
      return { detach: await startDetach(ctx), attach: target(change.after), attachStarted: false } satisfies MoveToken;
    },
    checkUpdateComplete: progress,
    delete: async (ctx) => ({ detach: await startDetach(ctx), attachStarted: false }) satisfies MoveToken,
    checkDeleteComplete: progress,
    async check(ctx) {
      const volume = ctx.data.volume_id ?? reqString(ctx.properties, "volume_id");
      const v = await ctx.cloud.volume.getVolume(volume);
      if (!v.attachments.some((a) => a.id === ctx.physicalId)) {
        throw new Error(`Volume ${volume} is no longer attached (attachment ${ctx.physicalId})`);
      }
    },
  },
});
