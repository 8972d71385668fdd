/**
 * Reading the cloud back after the failover steps that change it, so that no step reports a state
 * that does not hold. Before detach, the followers' volume attachments are read (which volume on which
 * server); after detach, none of them holds any more. After attach, every follower is complete, follows
 * the new active member where it refers to a member, and each volume it attaches is in-use on that
 * member as the cloud says. A promoted (and an activated) member's server is ACTIVE and answers. A
 * read-back that disagrees throws what the cloud says; one that agrees gives the cloud's words for the
 * step's event.
 */
import type { NestedResourceInfo } from "../../ports";
import { cloudCall, ignoreNotFound } from "../support/cloud-errors";
import { optString } from "../support/props";
import type { ResourceContext } from "../types";
import type { PropertyPath } from "./failover-steps";

const ATTACHMENT = "OS::Cinder::VolumeAttachment";

/** One volume attachment a follower holds: which volume, on which server. */
export interface FollowedVolume {
  volume: string;
  server: string;
}

/** The followers as stored: the resources of the follower stack and of the stacks they own (provider templates). */
async function followerResources(ctx: ResourceContext, stackId = ctx.physicalId, depth = 0): Promise<NestedResourceInfo[]> {
  if (!stackId || depth > 4) return [];
  const own = (await ctx.nested.get(stackId))?.resources ?? [];
  const inner = await Promise.all(own.map((r) => (r.nestedStackId ? followerResources(ctx, r.nestedStackId, depth + 1) : [])));
  return [...own, ...inner.flat()];
}

function attachmentsOf(resources: readonly NestedResourceInfo[]): FollowedVolume[] {
  return resources
    .filter((r) => r.type === ATTACHMENT)
    .map((r) => ({ volume: optString(r.properties, "volume_id") ?? "", server: optString(r.properties, "instance_uuid") ?? "" }))
    .filter((a) => a.volume !== "");
}

/** The volume attachments the followers hold now (read before a detach, to check it after). */
export async function followedVolumes(ctx: ResourceContext): Promise<FollowedVolume[]> {
  return attachmentsOf(await followerResources(ctx));
}

/** The servers a volume is attached to, and its status, as the cloud says. */
async function volumeState(ctx: ResourceContext, volume: string): Promise<{ status: string; servers: string[] }> {
  const v = await cloudCall(`reading volume ${volume}`, ctx.region, () => ctx.cloud.volume.getVolume(volume));
  return { status: v.status, servers: v.attachments.map((a) => a.serverId) };
}

/** After detach: none of the attachments held before holds; returns what the cloud says of each volume. */
export async function verifyDetached(ctx: ResourceContext, before: readonly FollowedVolume[]): Promise<string> {
  const facts: string[] = [];
  for (const { volume, server } of before) {
    const { status, servers } = await volumeState(ctx, volume);
    if (servers.includes(server)) throw new Error(`volume ${volume} is still attached to ${server} (the cloud says ${status})`);
    facts.push(`volume ${volume} detached from ${server} (${status})`);
  }
  return facts.length ? facts.join("; ") : "no volume was attached";
}

function valueAt(value: unknown, path: PropertyPath): unknown {
  return path.reduce<unknown>((v, key) => (v && typeof v === "object" ? (v as Record<string | number, unknown>)[key] : undefined), value);
}

/**
 * After attach: every follower is complete, its properties at `paths` name `activeRef`, and each
 * volume it attaches is in-use on `activeRef`; returns what the cloud says of each volume.
 */
export async function verifyAttached(ctx: ResourceContext, activeRef: string, paths: readonly PropertyPath[]): Promise<string> {
  const resources = await followerResources(ctx);
  if (resources.length === 0) throw new Error("the follower stack holds no resources");
  const unfinished = resources.find((r) => !r.status.endsWith("_COMPLETE"));
  if (unfinished) throw new Error(`follower ${unfinished.name} is ${unfinished.status}`);
  const follower = resources.find((r) => r.name === "follower");
  for (const path of paths) {
    const value = valueAt(follower?.properties, path);
    if (value !== activeRef) throw new Error(`follower property ${path.join(".")} is ${String(value)}, not the active member ${activeRef}`);
  }
  const facts: string[] = [];
  for (const { volume, server } of attachmentsOf(resources)) {
    if (server !== activeRef) throw new Error(`follower attaches volume ${volume} to ${server}, not to the active member ${activeRef}`);
    const { status, servers } = await volumeState(ctx, volume);
    if (status !== "in-use" || !servers.includes(activeRef)) {
      throw new Error(`volume ${volume} is not attached to ${activeRef}: the cloud says ${status}${servers.length ? ` on ${servers.join(", ")}` : ""}`);
    }
    facts.push(`volume ${volume} in-use on ${activeRef}`);
  }
  return facts.join("; ");
}

/** After promote (and activate): the member's server `ref` is ACTIVE and answers, as the cloud says; returns the cloud's words. */
export async function verifyServing(ctx: ResourceContext, member: string, ref: string | undefined): Promise<string> {
  if (!ref) throw new Error(`member ${member} has no reference id`);
  const server = await cloudCall(`reading server ${ref}`, ctx.region, () => ignoreNotFound(() => ctx.cloud.compute.getServer(ref)));
  if (!server) throw new Error(`member ${member}'s server ${ref} does not exist in the cloud`);
  if (server.status !== "ACTIVE") throw new Error(`member ${member}'s server ${ref} is ${server.status}, as the cloud says`);
  const metrics = await cloudCall(`reading the health of server ${ref}`, ctx.region, () => ctx.cloud.compute.metrics(ref));
  if (!metrics.healthy) throw new Error(`member ${member}'s server ${ref} is ACTIVE but does not answer, as the cloud says`);
  return `server ${ref} ACTIVE and answering`;
}
