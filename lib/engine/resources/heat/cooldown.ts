/**
 * The cooldown of OS::Heat::ScalingPolicy and OS::Heat::AutoScalingGroup, kept in resource data and
 * shown as Heat keeps it in resource metadata: `{cooldown_end: {<time>: <reason>}, scaling_in_progress}`.
 */
import { optNumber } from "../support/props";
import type { ResourceContext } from "../types";

/** Starts the resource's cooldown (its `cooldown` property, seconds) after a scaling action, with Heat's reason form. */
export function startCooldown(ctx: ResourceContext, adjustmentType: string, adjustment: unknown): void {
  ctx.setData("cooldown_end", String(ctx.now() + (optNumber(ctx.properties, "cooldown") ?? 0) * 1000));
  ctx.setData("cooldown_reason", `${adjustmentType} : ${String(adjustment)}`);
}

/** The end (ms) of the cooldown still running, or undefined. */
export function cooldownRunning(ctx: ResourceContext): number | undefined {
  const end = Number(ctx.data.cooldown_end ?? 0);
  return ctx.now() < end ? end : undefined;
}

/** Heat's metadata of a scaling resource; the time as Python's isoformat() of a UTC time (no zone). */
export function cooldownMetadata(ctx: ResourceContext): Record<string, unknown> {
  const end = ctx.data.cooldown_end;
  const time = end === undefined ? undefined : new Date(Number(end)).toISOString().replace(/Z$/, "");
  return { ...(time ? { cooldown_end: { [time]: ctx.data.cooldown_reason ?? "" } } : {}), scaling_in_progress: false };
}
