/**
 * The steps of a FailoverPolicy failover, each timed and reported as an event: quiesce the old active
 * member (remove its SoftwareDeployments with the DELETE action, so their quiesce config runs; best
 * effort, bounded by quiesce_timeout), detach the followers, promote a healthy standby (or a fresh
 * member), attach the followers to it, run the activation config there, and replace the old member
 * so the group is back to full strength.
 */
import { optList, optMap, optNumber, optString, reqString } from "../support/props";
import type { ResourceContext } from "../types";
import type { NestedResourceInfo, NestedStackView } from "../../ports";
import { storedMemberNames } from "./autoscaling-group-members";
import { failedMembers } from "./autoscaling-group-ops";
import { requireComplete } from "./nested";

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

/** The followers' nested template: the `resource` definition with the active member substituted, plus activation. */
export function followersTemplate(props: Record<string, unknown>, activeRef: string | undefined, activate: boolean): string {
  const resources: Record<string, unknown> = {};
  if (activeRef !== undefined) {
    const def = optMap(props, "resource");
    const placeholder = optString(props, "active_var") ?? "%active%";
    const swap = (v: unknown): unknown =>
      typeof v === "string" ? v.split(placeholder).join(activeRef)
        : Array.isArray(v) ? v.map(swap)
          : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x)])) : v;
    resources.follower = { type: optString(def, "type"), properties: swap(optMap(def, "properties")) };
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

/** Runs a step, notes it with its duration, and records it. */
async function step(ctx: ResourceContext, steps: StepTime[], name: string, work: () => Promise<string>): Promise<void> {
  const start = ctx.now();
  const detail = await work();
  const ms = ctx.now() - start;
  steps.push({ step: name, ms, detail });
  ctx.note(`Failover ${steps.length}/6 ${name}: ${detail} (${ms} ms)`);
}

function deploymentsToQuiesce(member: NestedStackView | undefined): NestedResourceInfo[] {
  return (member?.resources ?? []).filter(
    (r) => r.type === "OS::Heat::SoftwareDeployment" && optList<string>(r.properties, "actions").includes("DELETE"),
  );
}

async function quiesce(ctx: ResourceContext, group: GroupState, member: string): Promise<string> {
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

async function setFollowers(ctx: ResourceContext, activeRef: string | undefined, activate: boolean): Promise<void> {
  const template = followersTemplate(ctx.properties, activeRef, activate);
  if (!ctx.physicalId) {
    const view = await ctx.nested.create({ template, region: ctx.region });
    ctx.setPhysicalId(view.id);
    requireComplete(view);
    return;
  }
  requireComplete(await ctx.nested.update(ctx.physicalId, { template, region: ctx.region }));
}

/** Attaches the followers to `activeRef` (create time, and the attach + activate steps). */
export async function attachFollowers(ctx: ResourceContext, activeRef: string): Promise<void> {
  await setFollowers(ctx, activeRef, false);
  if (optString(ctx.properties, "activation_config")) await setFollowers(ctx, activeRef, true);
}

/** Healthy members other than `except`, oldest first. */
async function healthyStandbys(ctx: ResourceContext, group: GroupState, except: string): Promise<string[]> {
  const failed = await failedMembers(ctx, group.view);
  return group.members.filter((m) => m !== except && !failed.has(m));
}

/** A finished failover, as the last_failover attribute shows it. */
export interface FailoverRecord {
  time: string;
  reason: string;
  from: string | undefined;
  to: string;
  duration_ms: number;
  steps: StepTime[];
}

/** Fails over from the active member `from` to a standby (or a fresh member); returns the record. */
export async function runFailover(ctx: ResourceContext, from: string, reason: string): Promise<FailoverRecord> {
  const started = ctx.now();
  const steps: StepTime[] = [];
  const signalGroup = async (details: unknown) => {
    if (!ctx.signalPeer) throw new Error(`${ctx.name} cannot reach its group: the engine gives no signalPeer`);
    await ctx.signalPeer(reqString(ctx.properties, "auto_scaling_group_id"), details);
  };
  let group = await groupState(ctx);
  const oldRef = group.refs[from];
  await step(ctx, steps, "quiesce", () => quiesce(ctx, group, from));
  await step(ctx, steps, "detach", async () => {
    await setFollowers(ctx, undefined, false);
    return `followers detached from ${from}${oldRef ? ` (${oldRef})` : ""}`;
  });
  let replaced = false;
  let to = "";
  await step(ctx, steps, "promote", async () => {
    const standbys = await healthyStandbys(ctx, group, from);
    if (standbys.length === 0) {
      await signalGroup({ replace: from, reason: `failover: ${reason}` });
      replaced = true;
      group = await groupState(ctx);
      to = group.members[group.members.length - 1];
      if (!to) throw new Error(`Group ${group.ref} has no member to promote`);
      return `no healthy standby: fresh member ${to} promoted`;
    }
    to = standbys[0];
    return `standby ${to} promoted`;
  });
  ctx.setData("active", to);
  const newRef = group.refs[to];
  await step(ctx, steps, "attach", async () => {
    await setFollowers(ctx, newRef, false);
    return `followers attached to ${to} (${newRef})`;
  });
  await step(ctx, steps, "activate", async () => {
    if (!optString(ctx.properties, "activation_config")) return "no activation_config";
    await setFollowers(ctx, newRef, true);
    return `activation config ran on ${to}`;
  });
  await step(ctx, steps, "replace", async () => {
    if (replaced) return `${from} was replaced when promoting`;
    await signalGroup({ replace: from, reason: `failover: ${reason}` });
    return `${from} replaced; the group is back to full strength`;
  });
  return { time: new Date(started).toISOString(), reason, from, to, duration_ms: ctx.now() - started, steps };
}
