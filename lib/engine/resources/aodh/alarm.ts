/**
 * OS::Aodh::Alarm: a threshold alarm over the simulated cloud's server metrics (cpu_util,
 * server_health). The resource holds the rule and the alarm's state; the HA monitor in lib/services/ha
 * evaluates it every period, signals the state changes here (events), and POSTs to alarm_actions,
 * ok_actions or insufficient_data_actions (e.g. a ScalingPolicy's alarm_url).
 */
import { randomUuid } from "../support/naming";
import { optString } from "../support/props";
import { defineResource } from "../types";
import { COMPARISONS, METERS, STATISTICS } from "./alarm-rules";

const actions = (description: string) => ({ type: "list" as const, description, default: [], updateAllowed: true, items: { type: "string" as const, description: "A URL to POST to." }, takes: "url" as const });

/** The OS::Aodh::Alarm plugin. */
export const alarmResource = defineResource({
  type: "OS::Aodh::Alarm",
  service: "Aodh",
  description:
    "A threshold alarm over server metrics (meter cpu_util or server_health), evaluated by Hearth's HA monitor; " +
    "on a state change it POSTs to the matching actions, such as a ScalingPolicy's alarm_url.",
  properties: {
    meter_name: { type: "string", description: "Meter name watched by the alarm.", required: true, constraints: [{ allowedValues: [...METERS] }] },
    statistic: { type: "string", description: "Meter statistic to evaluate.", default: "avg", updateAllowed: true, constraints: [{ allowedValues: [...STATISTICS] }] },
    period: { type: "integer", description: "Period (seconds) to evaluate over.", default: 60, updateAllowed: true, constraints: [{ range: { min: 1 } }] },
    evaluation_periods: { type: "integer", description: "Number of periods to evaluate over.", default: 1, updateAllowed: true, constraints: [{ range: { min: 1 } }] },
    threshold: { type: "number", description: "Threshold to evaluate against.", required: true, updateAllowed: true },
    comparison_operator: { type: "string", description: "Operator used to compare specified statistic with threshold.", default: "gt", updateAllowed: true, constraints: [{ allowedValues: [...COMPARISONS] }] },
    matching_metadata: {
      type: "map",
      description: "Meter should match this resource metadata (key=value): servers whose metadata has metering.<key> (or <key>) equal to the value.",
      default: {},
      updateAllowed: true,
    },
    alarm_actions: actions("A list of URLs (webhooks) to invoke when state transitions to alarm."),
    ok_actions: actions("A list of URLs (webhooks) to invoke when state transitions to ok."),
    insufficient_data_actions: actions("A list of URLs (webhooks) to invoke when state transitions to insufficient data."),
    repeat_actions: { type: "boolean", description: "False to trigger actions when the threshold is reached AND the alarm's state has changed. By default, actions are called each time the threshold is reached.", default: true, updateAllowed: true },
    enabled: { type: "boolean", description: "True if alarm evaluation/actioning is enabled.", default: true, updateAllowed: true },
    severity: { type: "string", description: "Severity of the alarm.", default: "low", updateAllowed: true, constraints: [{ allowedValues: ["low", "moderate", "critical"] }] },
    description: { type: "string", description: "Description for the alarm.", updateAllowed: true },
  },
  attributes: {
    state: { description: "The alarm's state: insufficient data, ok or alarm.", type: "string" },
  },
  handlers: {
    async create(ctx) {
      ctx.setPhysicalId(randomUuid(ctx));
      ctx.setData("state", "insufficient data");
    },
    async update() {
      // the monitor reads the rule from the stored properties at every evaluation
    },
    async signal(ctx, details) {
      const d = (details && typeof details === "object" ? details : {}) as Record<string, unknown>;
      const state = optString(d, "state");
      if (state !== "alarm" && state !== "ok" && state !== "insufficient data") throw new Error(`Alarm state must be alarm, ok or insufficient data, not ${String(state)}`);
      const previous = ctx.data.state;
      ctx.setData("state", state);
      ctx.note(`Alarm state ${previous} -> ${state}${d.reason ? `: ${String(d.reason)}` : ""}`);
    },
    // attributeAt: the engine caches plain attributes, and the state changes with every evaluation
    attributeAt: async (ctx, name) => (name === "state" ? (ctx.data.state ?? "insufficient data") : undefined),
  },
});
