/**
 * What the steps of a FailoverPolicy failover (failover-run.ts) work with: the group as the policy sees
 * it, the followers' nested template (the seed's member references and `%active%` replaced by the active
 * member), quiescing a member (remove its SoftwareDeployments with the DELETE action, so their quiesce
 * config runs; best effort, bounded by quiesce_timeout), setting the followers and choosing standbys.
 */
import { StackBusy } from "../../errors";
import { optList, optMap, optNumber, optString, reqString } from "../support/props";
import type { ResourceContext } from "../types";
import type { NestedResourceInfo, NestedStackView } from "../../ports";
import { storedMemberNames } from "./autoscaling-group-members";
import { failedMembers } from "./autoscaling-group-ops";
import { followedVolumes, verifyAttached, verifyDetached } from "./failover-readback";
import { requireComplete } from "./nested";

/** How long a step waits, in all, for a stack that another operation holds, and how many times it tries. */
const BUSY_WAIT_MS = 30_000;
const BUSY_ATTEMPTS = 60;
/** The pause before trying again after a Conflict that names no stack to wait for (a remote region's). */
const BUSY_PAUSE_MS = 500;

/**
 * Runs `work` (a change of a nested stack, a signal to the group), trying again while the stack it
 * changes is busy (Conflict): a peer engine may be carrying on the operation a dead engine left on it.
 * A busy stack of this engine's store (StackBusy) is waited for until its lease is released or expired
 * (ctx.untilStackFree), so `work` runs again once, when it can succeed; another Conflict is tried again
 * BUSY_PAUSE_MS later. Bounded: after BUSY_WAIT_MS on the engine's clock, or BUSY_ATTEMPTS tries, the
 * Conflict is the step's failure.
 */
export async function whileBusy<T>(ctx: ResourceContext, work: () => Promise<T>): Promise<T> {
  const until = ctx.now() + BUSY_WAIT_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const busy = (error as { code?: unknown }).code === "Conflict";
      if (!busy || attempt >= BUSY_ATTEMPTS || ctx.now() >= until) throw error;
      if (error instanceof StackBusy && ctx.untilStackFree) await ctx.untilStackFree(error.stackId, until);
      else if (ctx.sleep) await ctx.sleep(Math.min(BUSY_PAUSE_MS, until - ctx.now()));
      else throw error;
    }
  }
}

/** The group as the policy sees it: members oldest first with their reference ids, and its nested stack. */
export interface GroupState {
  ref: string;
  members: string[];
  refs: Record<string, string>;
  view: NestedStackView | undefined;
}

/** Reads the group the policy watches (its data and its members' nested stack). */
export async function groupState(ctx: ResourceContext): Promise<GroupState> {
  const ref = reqString(ctx.properties, "auto_scaling_group_id");
  const peer = ctx.peer ? await ctx.peer(ref) : undefined;
  if (!peer) throw new Error(`auto_scaling_group_id ${ref} is not a resource of this stack`);
  if (peer.type !== "OS::Heat::AutoScalingGroup") throw new Error(`auto_scaling_group_id must be an OS::Heat::AutoScalingGroup, not ${peer.type}`);
  const view = peer.physicalId ? await ctx.nested.get(peer.physicalId) : undefined;
  return { ref, members: storedMemberNames(peer.data), refs: view?.resourceRefs ?? {}, view };
}

/** A path into the follower definition's properties. */
export type PropertyPath = (string | number)[];

/**
 * The paths of the follower definition's properties whose value is the reference id of a member of
 * the group: where the seed writes `{get_attr: [server_group, refs, 1]}` (resolved to one member's id
 * when the policy's properties were resolved). Inside a FailoverPolicy such a reference means the active
 * member, as `%active%` does, so these paths get the active member's id at every attach.
 */
export function memberPaths(props: Record<string, unknown>, memberRefs: readonly string[]): PropertyPath[] {
  const refs = new Set(memberRefs);
  const found: PropertyPath[] = [];
  const walk = (v: unknown, path: PropertyPath): void => {
    if (typeof v === "string" && refs.has(v)) found.push(path);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(optMap(optMap(props, "resource"), "properties"), []);
  return found;
}

/** Remembers which paths of the follower definition name a member (memberPaths), for every later attach. */
export function rememberMemberPaths(ctx: ResourceContext, group: GroupState): void {
  const paths = memberPaths(ctx.properties, Object.values(group.refs));
  ctx.setData("active_paths", paths.length ? JSON.stringify(paths) : undefined);
}

/** The stored paths of the follower definition that name a member (rememberMemberPaths). */
export function storedMemberPaths(ctx: ResourceContext): PropertyPath[] {
  return ctx.data.active_paths ? (JSON.parse(ctx.data.active_paths) as PropertyPath[]) : [];
}

function setAt(value: unknown, path: PropertyPath, to: string): unknown {
  if (path.length === 0) return to;
  const [key, ...rest] = path;
  if (Array.isArray(value)) return value.map((x, i) => (i === key ? setAt(x, rest, to) : x));
  if (value && typeof value === "object") return { ...value, [key]: setAt((value as Record<string | number, unknown>)[key], rest, to) };
  return value;
}

/**
 * The followers' nested template: the `resource` definition with the active member substituted (for
 * `active_var` and at `memberPaths`, the seed's form), plus activation.
 */
export function followersTemplate(props: Record<string, unknown>, activeRef: string | undefined, activate: boolean, paths: readonly PropertyPath[]): string {
  const resources: Record<string, unknown> = {};
  if (activeRef !== undefined) {
    const def = optMap(props, "resource");
    const placeholder = optString(props, "active_var") ?? "%active%";
    const swap = (v: unknown): unknown =>
      typeof v === "string" ? v.split(placeholder).join(activeRef)
        : Array.isArray(v) ? v.map(swap)
          : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x)])) : v;
    const properties = paths.reduce<unknown>((p, path) => setAt(p, path, activeRef), swap(optMap(def, "properties")));
    resources.follower = { type: optString(def, "type"), properties };
    const config = optString(props, "activation_config");
    if (activate && config) {
      resources.activation = {
        type: "OS::Heat::SoftwareDeployment",
        depends_on: ["follower"],
        properties: { config, server: activeRef, actions: ["CREATE", "UPDATE"], signal_transport: "NO_SIGNAL" },
      };
    }
  }
  return JSON.stringify({ heat_template_version: "2015-04-30", resources });
}

/** One step's record in last_failover. */
export interface StepTime {
  step: string;
  ms: number;
  detail: string;
}

function deploymentsToQuiesce(member: NestedStackView | undefined): NestedResourceInfo[] {
  return (member?.resources ?? []).filter(
    (r) => r.type === "OS::Heat::SoftwareDeployment" && optList<string>(r.properties, "actions").includes("DELETE"),
  );
}

/** Quiesces `member` (removes its SoftwareDeployments with the DELETE action; best effort within quiesce_timeout); says what it did. */
export async function quiesce(ctx: ResourceContext, group: GroupState, member: string): Promise<string> {
  const info = group.view?.resources?.find((r) => r.name === member);
  const memberStack = info?.nestedStackId ? await ctx.nested.get(info.nestedStackId) : undefined;
  const deployments = deploymentsToQuiesce(memberStack);
  if (!memberStack || deployments.length === 0 || !ctx.nested.removeResources) return `member ${member} has no quiesce deployment`;
  const names = deployments.map((d) => d.name);
  const timeoutMs = (optNumber(ctx.properties, "quiesce_timeout") ?? 30) * 1000;
  try {
    const done = ctx.nested.removeResources(memberStack.id, names).then(() => "done");
    const outcome = ctx.sleep ? await Promise.race([done, ctx.sleep(timeoutMs).then(() => "timeout")]) : await done;
    done.catch(() => undefined);
    return outcome === "done" ? `ran ${names.join(", ")} on ${member}` : `gave up on ${names.join(", ")} after ${timeoutMs / 1000} s (best effort)`;
  } catch (error) {
    return `${names.join(", ")} failed (best effort, continuing): ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Sets the followers' nested stack to follow `activeRef` (none: detached), with the activation config when `activate`. */
export async function setFollowers(ctx: ResourceContext, activeRef: string | undefined, activate: boolean): Promise<void> {
  const template = followersTemplate(ctx.properties, activeRef, activate, storedMemberPaths(ctx));
  const id = ctx.physicalId;
  if (!id) {
    const view = await ctx.nested.create({ template, region: ctx.region });
    ctx.setPhysicalId(view.id);
    requireComplete(view);
    return;
  }
  requireComplete(await whileBusy(ctx, () => ctx.nested.update(id, { template, region: ctx.region })));
}

/** Attaches the followers to `activeRef` (at create and update) and reads the cloud back. */
export async function attachFollowers(ctx: ResourceContext, activeRef: string): Promise<void> {
  await setFollowers(ctx, activeRef, false);
  if (optString(ctx.properties, "activation_config")) await setFollowers(ctx, activeRef, true);
  await verifyAttached(ctx, activeRef, storedMemberPaths(ctx));
}

/** Healthy members other than `except`, oldest first. */
export async function healthyStandbys(ctx: ResourceContext, group: GroupState, except: string): Promise<string[]> {
  const failed = await failedMembers(ctx, group.view);
  return group.members.filter((m) => m !== except && !failed.has(m));
}
