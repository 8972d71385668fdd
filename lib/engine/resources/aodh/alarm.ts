/**
 * OS::Aodh::Alarm: a threshold alarm over the simulated cloud's server metrics (cpu_util,
 * server_health). The resource holds the rule and the alarm's state; the HA monitor in lib/services/ha
 * evaluates it every period, signals the state changes here (events), and POSTs to alarm_actions,
 * ok_actions or insufficient_data_actions (e.g. a ScalingPolicy's alarm_url).
 */
import { randomUuid } from "../support/naming";
import { optString } from "../support/props";
import { defineResource } from "../define";

/** The OS::Aodh::Alarm plugin (Heat's schema; the actions take URLs such as a ScalingPolicy's alarm_url). */
export const alarmResource = defineResource({
  type: "OS::Aodh::Alarm",
  properties: {
    alarm_actions: { takes: "url" },
    ok_actions: { takes: "url" },
    insufficient_data_actions: { takes: "url" },
  },
  attributes: {
    state: { description: "The alarm's state: insufficient data, ok or alarm.", type: "string", extension: "Hearth's monitor evaluates the alarm and keeps its state here." },
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
