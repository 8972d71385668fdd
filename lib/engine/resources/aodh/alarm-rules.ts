/**
 * Threshold rules of OS::Aodh::Alarm, evaluated over the simulated cloud's server metrics: which
 * servers an alarm watches (matching_metadata against server metadata, Heat's metering idiom), the
 * statistic over their samples, and the comparison. Pure functions; lib/services/ha runs them.
 */
import { optMap, optNumber, optString } from "../support/props";

/** Meters Hearth can measure: cpu_util (percent) and server_health (1 healthy, 0 not). */
export const METERS = ["cpu_util", "server_health"] as const;
export const STATISTICS = ["count", "avg", "sum", "min", "max"] as const;
export const COMPARISONS = ["ge", "gt", "eq", "ne", "lt", "le"] as const;

/** One server's sample for one meter. */
export interface Sample {
  serverId: string;
  value: number;
}

/** Whether a server's metadata matches an alarm's matching_metadata (keys may carry Heat's "metadata.user_metadata." prefix). */
export function matchesMetadata(matching: Record<string, unknown>, metadata: Record<string, string>): boolean {
  return Object.entries(matching).every(([key, want]) => {
    const short = key.startsWith("metadata.user_metadata.") ? key.slice("metadata.user_metadata.".length) : key;
    const have = metadata[`metering.${short}`] ?? metadata[short];
    return have !== undefined && have === String(want);
  });
}

/** The statistic over the samples; undefined without samples (insufficient data). */
export function statistic(kind: string, samples: readonly Sample[]): number | undefined {
  if (kind === "count") return samples.length;
  if (samples.length === 0) return undefined;
  const values = samples.map((s) => s.value);
  if (kind === "sum") return values.reduce((a, b) => a + b, 0);
  if (kind === "min") return Math.min(...values);
  if (kind === "max") return Math.max(...values);
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Whether `value <op> threshold` holds. */
export function compare(op: string, value: number, threshold: number): boolean {
  switch (op) {
    case "ge": return value >= threshold;
    case "gt": return value > threshold;
    case "eq": return value === threshold;
    case "ne": return value !== threshold;
    case "lt": return value < threshold;
    case "le": return value <= threshold;
    default: throw new Error(`Unknown comparison_operator ${op}`);
  }
}

/** An alarm's rule, read from its properties. */
export interface AlarmRule {
  meter: string;
  statistic: string;
  comparison: string;
  threshold: number;
  periodMs: number;
  evaluationPeriods: number;
  matching: Record<string, unknown>;
}

/** The rule of an alarm's resolved properties. */
export function alarmRule(props: Record<string, unknown>): AlarmRule {
  return {
    meter: optString(props, "meter_name") ?? "cpu_util",
    statistic: optString(props, "statistic") ?? "avg",
    comparison: optString(props, "comparison_operator") ?? "gt",
    threshold: optNumber(props, "threshold") ?? 0,
    periodMs: (optNumber(props, "period") ?? 60) * 1000,
    evaluationPeriods: optNumber(props, "evaluation_periods") ?? 1,
    matching: optMap(props, "matching_metadata"),
  };
}

/** The state one evaluation gives: "alarm", "ok" or "insufficient data". */
export function evaluate(rule: AlarmRule, samples: readonly Sample[]): "alarm" | "ok" | "insufficient data" {
  const value = statistic(rule.statistic, samples);
  if (value === undefined) return "insufficient data";
  return compare(rule.comparison, value, rule.threshold) ? "alarm" : "ok";
}
