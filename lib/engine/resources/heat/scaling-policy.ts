/**
 * OS::Heat::ScalingPolicy: on a signal (an alarm POSTing to alarm_url, anyone POSTing to signal_url,
 * the API), adjusts its AutoScalingGroup's capacity (change_in_capacity, exact_capacity,
 * percent_change_in_capacity with min_adjustment_step) or, with the Hearth adjustment type
 * `replace_oldest`, replaces the unhealthy member, else the oldest. It targets a group
 * (auto_scaling_group_id) or a FailoverPolicy (auto_scaling_policy_id), which then fails over: policies
 * chain as in the HA proposal. Alarm signals whose state is not "alarm" (ok, insufficient data) do nothing.
 */
import { randomUuid } from "../support/naming";
import { optNumber, optString } from "../support/props";
import { defineResource } from "../define";
import { type ResourceContext } from "../types";
import { cooldownMetadata, cooldownRunning, startCooldown } from "./cooldown";

const TYPES = ["change_in_capacity", "exact_capacity", "percent_change_in_capacity", "replace_oldest"];

function target(props: Record<string, unknown>): string {
  const group = optString(props, "auto_scaling_group_id");
  const policy = optString(props, "auto_scaling_policy_id");
  if (!group === !policy) throw new Error("Exactly one of auto_scaling_group_id and auto_scaling_policy_id must be given");
  return (group ?? policy)!;
}

/** The alarm state a signal carries (Aodh sends `current`); a plain signal counts as "alarm". */
function alarmState(d: Record<string, unknown>): string {
  return String(d.current ?? d.state ?? "alarm").toLowerCase();
}

async function handleSignal(ctx: ResourceContext, details: unknown): Promise<void> {
  const d = (details && typeof details === "object" ? details : {}) as Record<string, unknown>;
  const state = alarmState(d);
  if (state !== "alarm") return ctx.note(`No action: alarm state is ${state}`);
  const cooldownEnd = cooldownRunning(ctx);
  if (cooldownEnd !== undefined) return ctx.note(`No action: cooldown runs until ${new Date(cooldownEnd).toISOString()}`);
  if (!ctx.signalPeer) throw new Error(`${ctx.name} cannot reach its target: the engine gives no signalPeer`);
  const type = optString(ctx.properties, "adjustment_type") ?? "change_in_capacity";
  const reason = optString(d, "reason") ?? `${ctx.name} (${type})`;
  const to = target(ctx.properties);
  if (type === "replace_oldest") {
    const member = optString(d, "member");
    await ctx.signalPeer(to, { replace: member ?? true, reason });
  } else {
    if (optString(ctx.properties, "auto_scaling_policy_id")) throw new Error(`adjustment_type ${type} needs auto_scaling_group_id`);
    await ctx.signalPeer(to, {
      adjustment: optNumber(ctx.properties, "scaling_adjustment") ?? 0,
      adjustment_type: type,
      min_adjustment_step: optNumber(ctx.properties, "min_adjustment_step"),
      reason,
    });
  }
  startCooldown(ctx, type, type === "replace_oldest" ? 1 : (optNumber(ctx.properties, "scaling_adjustment") ?? 0));
}

/** The OS::Heat::ScalingPolicy plugin. */
export const scalingPolicyResource = defineResource({
  type: "OS::Heat::ScalingPolicy",
  properties: {
    auto_scaling_group_id: {
      extension: "Not required when auto_scaling_policy_id names a FailoverPolicy instead (exactly one of the two).",
      required: false,
      references: ["OS::Heat::AutoScalingGroup"],
    },
    auto_scaling_policy_id: {
      type: "string",
      description: "A FailoverPolicy to signal instead of a group (adjustment_type replace_oldest).",
      extension: "Policies chain as in the HA proposal: a ScalingPolicy may signal a FailoverPolicy.",
      references: ["OS::Heat::FailoverPolicy"],
    },
    adjustment_type: {
      extension: "Also replace_oldest: a signal replaces the group's unhealthy member, else its oldest.",
      constraints: [{ allowedValues: TYPES }],
    },
  },
  attributes: {
    alarm_url: { produces: { kind: "url" } },
  },
  handlers: {
    validate(props) {
      target(props);
    },
    async create(ctx) {
      target(ctx.properties);
      ctx.setPhysicalId(randomUuid(ctx));
    },
    async update() {
      // every property is read when a signal comes: nothing to change in the cloud
    },
    signal: handleSignal,
    async attribute(ctx, name) {
      if (name === "alarm_url") return ctx.signalUrl?.("alarm") ?? null;
      if (name === "signal_url") return ctx.signalUrl?.("signal") ?? null;
      return undefined;
    },
    metadata: cooldownMetadata,
  },
});
