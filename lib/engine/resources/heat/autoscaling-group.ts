/**
 * OS::Heat::AutoScalingGroup: members built from one definition (an inline type or a provider template
 * such as ha_server.yaml) in a nested stack, sized between min_size and max_size. A definition change
 * rolls out in batches (rolling_updates). Signals adjust the size (from a ScalingPolicy) or replace a
 * member (replace_oldest, FailoverPolicy):
 * - `{adjustment, adjustment_type, min_adjustment_step}` changes the capacity, respecting `cooldown`;
 * - `{replace: <member name or reference id> | true, reason}` replaces that member, or the failed one,
 *   else the oldest, creating the new member first when max_size allows.
 * `health_check` (a Hearth extension) asks the HA monitor to watch the members.
 */
import { optMap, optNumber, optString } from "../support/props";
import { defineResource } from "../define";
import { type MemberCount, type ResourceContext } from "../types";
import { newCapacity, storedMemberNames, storedMembers } from "./autoscaling-group-members";
import { createMembers, memberToReplace, resize, rollMembers, sizes } from "./autoscaling-group-ops";
import { groupAttribute, memberDefinitionSchema, memberValue } from "./group-nested";
import { cooldownMetadata, cooldownRunning, startCooldown } from "./cooldown";
import { nestedOf, nestedStackHandlers } from "./nested";

function rolling(props: Record<string, unknown>): { batchSize: number; minInService: number; pauseMs: number } {
  const r = optMap(props, "rolling_updates");
  return { batchSize: optNumber(r, "max_batch_size") ?? 1, minInService: optNumber(r, "min_in_service") ?? 0, pauseMs: (optNumber(r, "pause_time") ?? 0) * 1000 };
}

function checkSizes(props: Record<string, unknown>): void {
  const { min, max, desired } = sizes(props);
  if (min > max) throw new Error(`min_size ${min} can not be greater than max_size ${max}`);
  if (desired < min || desired > max) throw new Error(`desired_capacity ${desired} must be between min_size ${min} and max_size ${max}`);
}

/** The larger of max_size and desired_capacity, of those given (the most members the group may have). */
function largestSize(props: Record<string, unknown>): MemberCount | undefined {
  const known = ["max_size", "desired_capacity"].flatMap((property) => {
    const members = optNumber(props, property);
    return members === undefined ? [] : [{ members, property }];
  });
  return known.reduce<MemberCount | undefined>((most, size) => (most && most.members >= size.members ? most : size), undefined);
}

/** Replaces one member (named, else failed, else oldest), make-before-break when max_size allows. */
async function replaceMember(ctx: ResourceContext, requested: string | undefined, reason: string): Promise<void> {
  const name = await memberToReplace(ctx, requested);
  if (!name) return ctx.note(requested ? `Nothing to replace: ${requested} is no longer a member` : "Nothing to replace: the group has no members");
  const target = storedMembers(ctx.data).length;
  const { max } = sizes(ctx.properties);
  ctx.note(`Replacing member ${name}: ${reason}`);
  const minInService = target + 1 <= max ? target : Math.max(target - 1, 0);
  await rollMembers(ctx, ctx.properties, { target, replace: new Set([name]), batchSize: 1, minInService, pauseMs: 0 });
}

/** Applies a capacity adjustment unless the group's cooldown is running. */
async function adjust(ctx: ResourceContext, d: Record<string, unknown>): Promise<void> {
  const cooldownEnd = cooldownRunning(ctx);
  if (cooldownEnd !== undefined) return ctx.note(`Adjustment ignored: cooldown runs until ${new Date(cooldownEnd).toISOString()}`);
  const { min, max } = sizes(ctx.properties);
  const current = storedMembers(ctx.data).length;
  const type = optString(d, "adjustment_type") ?? "change_in_capacity";
  const target = newCapacity(current, optNumber(d, "adjustment") ?? 0, type, optNumber(d, "min_adjustment_step"), min, max);
  ctx.note(`Adjusting capacity from ${current} to ${target} (${type} ${String(d.adjustment)})`);
  await resize(ctx, ctx.properties, target);
  startCooldown(ctx, type, d.adjustment);
}

async function attributeOf(ctx: ResourceContext, key: string, path: (string | number)[]): Promise<unknown> {
  const names = storedMemberNames(ctx.data);
  if (key === "current_size") return names.length;
  const memberName = (k: string) => (names.includes(k) || !/^\d+$/.test(k) ? k : (names[Number(k)] ?? k));
  const shape = { group: ctx.name, names, memberName };
  // without an output name there is nothing to list (resource show reads every attribute so)
  if ((key === "outputs" || key === "outputs_list") && path.length === 0) return null;
  const view = await nestedOf(ctx);
  if (key === "outputs") return groupAttribute(view, shape, "attributes", path);
  if (key === "outputs_list") return Promise.all(names.map((n) => memberValue(view, n, path)));
  return groupAttribute(view, shape, key, path);
}

/** The OS::Heat::AutoScalingGroup plugin. */
export const autoScalingGroupResource = defineResource({
  type: "OS::Heat::AutoScalingGroup",
  expectedMs: 120_000, // waits for all its members
  group: { members: (resource) => storedMemberNames(resource.data) },
  memberCount: largestSize,
  properties: {
    resource: {
      ...memberDefinitionSchema("Resource definition for the resources in the group, in HOT format: an inline type or a provider template such as ha_server.yaml.", "members"),
      extension: "Hearth spells out the member definition's keys (type, properties, metadata) for the designer's inspector.",
    },
    health_check: {
      type: "map",
      extension: "Hearth's HA health checks of the members.",
      description:
        "The HA monitor polls each member's server and, after evaluation_periods failed checks, " +
        "replaces it (or fails over, when a FailoverPolicy watches the group).",
      updateAllowed: true,
      schema: {
        interval: { type: "number", description: "Seconds between checks.", default: 10, constraints: [{ range: { min: 0.01 } }] },
        evaluation_periods: { type: "integer", description: "Consecutive failed checks before acting.", default: 3, constraints: [{ range: { min: 1 } }] },
        grace_period: { type: "number", description: "Seconds without action after a replacement or failover.", default: 60, constraints: [{ range: { min: 0 } }] },
        http: { type: "boolean", description: "Also ask the guest (an HTTP-style check): a hung server fails it.", default: false },
      },
    },
  },
  handlers: {
    validate: checkSizes,
    create: (ctx) => createMembers(ctx, sizes(ctx.properties).desired),
    async update(ctx, change) {
      checkSizes(change.after);
      const { desired } = sizes(change.after);
      const resized = change.changed.some((k) => k === "desired_capacity" || k === "min_size" || k === "max_size");
      const target = resized || !ctx.data.members ? desired : storedMembers(ctx.data).length;
      const { min, max } = sizes(change.after);
      await rollMembers(ctx, change.after, { target: Math.min(max, Math.max(min, target)), replace: new Set(), ...rolling(change.after) });
    },
    async signal(ctx, details) {
      const d = (details && typeof details === "object" ? details : {}) as Record<string, unknown>;
      const reason = optString(d, "reason") ?? "replacement requested";
      if ("replace" in d) return replaceMember(ctx, typeof d.replace === "string" ? d.replace : undefined, reason);
      if ("adjustment" in d) return adjust(ctx, d);
      throw new Error(`Signal to ${ctx.name} needs "replace" or "adjustment"`);
    },
    ...nestedStackHandlers,
    attributeAt: attributeOf,
    attribute: (ctx, name) => attributeOf(ctx, name, []),
    metadata: cooldownMetadata,
  },
});
