/**
 * OS::Nova::Server around its replacement (Heat's prepare_for_replace / restore_prev_rsrc): the ports
 * the template gave the server (networks[].port, not the internal ones it made itself) are detached
 * from the old server so the new one can take them, and go back to the old server when a rollback
 * swaps it in after the new one failed. Each step is read back from the cloud and noted; a port
 * already where it should be is left alone, so an engine taking over can run both again. The cloud
 * port has no interface calls: a port is detached and attached by its device id.
 */
import type { Port } from "../../ports";
import { cloudCall, ignoreNotFound } from "../support/cloud-errors";
import { optList } from "../support/props";
import type { ResourceContext } from "../types";
import type { NetworkEntry } from "./server-networks";

function templatePorts(ctx: ResourceContext): string[] {
  return optList<NetworkEntry>(ctx.properties, "networks").flatMap((e) => (e.port ? [e.port] : []));
}

/** Sets a port's device id and reads the port back, failing unless the cloud shows it there. */
async function plugInto(ctx: ResourceContext, portId: string, deviceId: string | null, doing: string): Promise<void> {
  const read: Port = await cloudCall(doing, ctx.region, async () => {
    await ctx.cloud.network.updatePort(portId, { deviceId });
    return ctx.cloud.network.getPort(portId);
  });
  if (read.deviceId !== deviceId) throw new Error(`${doing}: the cloud shows port ${portId} on ${read.deviceId ?? "no device"}`);
}

/** Detaches the template's ports from the old server (prepareForReplace); a port not on it is skipped. */
export async function detachTemplatePorts(ctx: ResourceContext): Promise<void> {
  const serverId = ctx.physicalId;
  for (const id of templatePorts(ctx)) {
    const port = await ignoreNotFound(() => ctx.cloud.network.getPort(id));
    if (!port || port.deviceId !== serverId) continue;
    await plugInto(ctx, id, null, `detaching port ${id} from server ${serverId}`);
    ctx.note(`Port ${id} detached from server ${serverId} for its replacement`);
  }
}

/**
 * Puts the template's ports back on the old server (restoreAfterFailedReplace), taking them from the
 * failed replacement `replacementId` when it holds them; a port held by anything else is refused.
 */
export async function reattachTemplatePorts(ctx: ResourceContext, replacementId: string | undefined): Promise<void> {
  const serverId = ctx.physicalId!;
  for (const id of templatePorts(ctx)) {
    const port = await cloudCall(`reading port ${id}`, ctx.region, () => ctx.cloud.network.getPort(id));
    if (port.deviceId === serverId) continue;
    if (port.deviceId !== null && port.deviceId !== replacementId) {
      throw new Error(`Port ${id} is in use by ${port.deviceId}: it cannot go back to server ${serverId}`);
    }
    if (port.deviceId !== null) await plugInto(ctx, id, null, `detaching port ${id} from the failed replacement ${port.deviceId}`);
    await plugInto(ctx, id, serverId, `attaching port ${id} to server ${serverId}`);
    ctx.note(`Port ${id} attached to server ${serverId} again after its replacement failed`);
  }
}
