/**
 * OS::Heat::FailoverPolicy (Hearth): knows which member of an AutoScalingGroup is active and keeps a
 * set of resources following it, e.g. the VolumeAttachment of the seed's active/passive pair.
 *
 * Referring to the active member: `resource` is the follower's definition, like a group's; the string
 * `%active%` (active_var) anywhere in its properties is replaced by the active member's reference id
 * (a server id, or a provider template's OS::stack_id output). So is any reference to a member of the
 * group, as the seed writes it (`instance_uuid: {get_attr: [server_group, refs, 1]}`): inside a
 * FailoverPolicy's followers a member's reference means "the active member" (memberPaths). A provider template as type makes the
 * followers several resources (attachment, floating IP association, ...). The followers are attached
 * at create to the oldest healthy member. A signal fails over (failover-steps.ts), each step an event;
 * `{replace|member: <name or ref>}` naming a standby only replaces that standby. Signals are handled one
 * at a time, across engines too; one arriving during a failover is reported and handled after it, and a
 * signal naming no failed member within grace_period of a failover is ignored (the failure was already
 * handled). A failover whose engine went down is carried on by the next signal before anything else
 * (failover-run.ts); `{resume: true}` (the HA monitor's) does only that.
 */
import { optBool, optNumber, optString, selectPath } from "../support/props";
import { defineResource } from "../define";
import { type ResourceContext } from "../types";
import { failedMembers } from "./autoscaling-group-ops";
import { FAILOVER_STEPS } from "./failover-history";
import { beginFailover, type FailoverRecord, inFlightFailover, runFailover } from "./failover-run";
import { attachFollowers, groupState, rememberMemberPaths } from "./failover-steps";
import { memberDefinitionSchema } from "./group-nested";
import { nestedStackHandlers } from "./nested";

function lastFailover(ctx: ResourceContext): FailoverRecord | undefined {
  return ctx.data.last_failover ? (JSON.parse(ctx.data.last_failover) as FailoverRecord) : undefined;
}

/** Which member a signal is about: the one it names, else a failed one (the active first), else none. */
async function subject(ctx: ResourceContext, d: Record<string, unknown>, active: string): Promise<{ member?: string; failed: boolean }> {
  const group = await groupState(ctx);
  const named = typeof d.replace === "string" ? d.replace : optString(d, "member");
  if (named) {
    const member = group.members.includes(named) ? named : Object.keys(group.refs).find((n) => group.refs[n] === named);
    return { member: member && group.members.includes(member) ? member : undefined, failed: true };
  }
  const failed = await failedMembers(ctx, group.view);
  if (failed.has(active)) return { member: active, failed: true };
  const standby = group.members.find((m) => failed.has(m));
  return { member: standby ?? active, failed: standby !== undefined };
}

async function handleSignal(ctx: ResourceContext, details: unknown): Promise<void> {
  const d = (details && typeof details === "object" ? details : {}) as Record<string, unknown>;
  const interrupted = inFlightFailover(ctx.data);
  if (interrupted) {
    ctx.note(`Failover from ${interrupted.from} carried on after the engine running it went down (${interrupted.steps.length} of ${FAILOVER_STEPS.length} steps were done)`);
    await runFailover(ctx, interrupted);
  }
  if (d.resume === true) return interrupted ? undefined : ctx.note("No action: no failover was left unfinished");
  const reason = optString(d, "reason") ?? "failover requested";
  const active = ctx.data.active;
  if (!active) throw new Error(`${ctx.name} has no active member yet`);
  const { member, failed } = await subject(ctx, d, active);
  if (!member) return ctx.note(`No action: the member named (${String(d.replace ?? d.member)}) is no longer in the group`);
  const last = lastFailover(ctx);
  const grace = (optNumber(ctx.properties, "grace_period") ?? 30) * 1000;
  // from its end: a failover carried on after a crash may have started long ago
  const sinceEnd = last ? ctx.now() - (Date.parse(last.time) + last.duration_ms) : Infinity;
  if (!failed && !optBool(d, "force") && sinceEnd < grace) {
    return ctx.note(`No action: a failover ended ${Math.round(sinceEnd / 1000)} s ago and no member has failed`);
  }
  if (member !== active) {
    if (!ctx.signalPeer) throw new Error(`${ctx.name} cannot reach its group`);
    ctx.note(`Standby ${member} failed: replacing it (${reason})`);
    await ctx.signalPeer(optString(ctx.properties, "auto_scaling_group_id")!, { replace: member, reason });
    return;
  }
  await runFailover(ctx, await beginFailover(ctx, active, reason));
}

async function attribute(ctx: ResourceContext, name: string): Promise<unknown> {
  if (name === "last_failover") return lastFailover(ctx) ?? null;
  const group = await groupState(ctx);
  const active = ctx.data.active;
  if (name === "active_member") return active ? (group.refs[active] ?? null) : null;
  if (name === "standby_members") return group.members.filter((m) => m !== active).map((m) => group.refs[m] ?? null);
  return undefined;
}

/** The OS::Heat::FailoverPolicy plugin. */
export const failoverPolicyResource = defineResource({
  type: "OS::Heat::FailoverPolicy",
  service: "Heat",
  activeMember: {
    group: (resource) => optString(resource.properties, "auto_scaling_group_id"),
    active: (resource) => resource.data.active,
  },
  description:
    "Keeps resources (e.g. a VolumeAttachment) following the active member of an AutoScalingGroup: '%active%' in the " +
    "resource definition's properties stands for the active member's reference id, and so does a reference to any " +
    "member of the group (e.g. {get_attr: [server_group, refs, 1]}). Attached at create; a signal fails " +
    "over: quiesce, detach, promote a standby, attach, activate, replace the failed member.",
  properties: {
    auto_scaling_group_id: {
      type: "string",
      description: "The AutoScalingGroup whose active member the followers follow.",
      required: true,
      references: ["OS::Heat::AutoScalingGroup"],
    },
    resource: memberDefinitionSchema(
      "Definition of the follower (an inline type or a provider template of several); %active% is replaced by the active member's id.",
      "followers (e.g. OS::Cinder::VolumeAttachment)",
      false,
    ),
    active_var: { type: "string", description: "The placeholder for the active member's reference id.", default: "%active%", constraints: [{ length: { min: 3 } }] },
    activation_config: {
      type: "string",
      description: "A SoftwareConfig to run on the new active member once the followers are attached (NO_SIGNAL).",
      updateAllowed: true,
      references: ["OS::Heat::SoftwareConfig"],
    },
    quiesce_timeout: { type: "number", description: "Seconds the quiesce of the old active may take before the failover goes on.", default: 30, updateAllowed: true, constraints: [{ range: { min: 0 } }] },
    grace_period: { type: "number", description: "Seconds after a failover during which a signal naming no failed member is ignored.", default: 30, updateAllowed: true, constraints: [{ range: { min: 0 } }] },
  },
  attributes: {
    active_member: { description: "Reference id of the active member.", type: "string" },
    standby_members: { description: "Reference ids of the standby members, oldest first.", type: "list" },
    last_failover: { description: "The last failover: time, reason, from, to, duration_ms and each step's duration.", type: "map" },
  },
  handlers: {
    async create(ctx) {
      const group = await groupState(ctx);
      const failed = await failedMembers(ctx, group.view);
      const active = group.members.find((m) => !failed.has(m)) ?? group.members[0];
      if (!active) throw new Error(`Group ${group.ref} has no members to make active`);
      ctx.setData("active", active);
      rememberMemberPaths(ctx, group);
      await attachFollowers(ctx, group.refs[active]);
    },
    async update(ctx) {
      const active = ctx.data.active;
      const group = await groupState(ctx);
      rememberMemberPaths(ctx, group);
      if (active && group.refs[active]) await attachFollowers(ctx, group.refs[active]);
    },
    signal: handleSignal,
    ...nestedStackHandlers,
    // attributeAt: the engine caches plain attributes, and these change with every failover
    attributeAt: async (ctx, name, path) => selectPath(await attribute(ctx, name), path),
    attribute,
  },
});
