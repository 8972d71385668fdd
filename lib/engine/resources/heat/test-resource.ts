/**
 * OS::Heat::TestResource: stores a value, waits a configurable time per action and can be told to fail
 * or to be replaced; Heat's own tool for exercising the engine. Time comes from ctx.now(), so tests use
 * a fake clock.
 */
import { optBool, optMap, optNumber, optString } from "../support/props";
import { physicalName } from "../support/naming";
import { defineResource } from "../define";
import { type ResourceContext } from "../types";

interface WaitToken {
  startedAt: number;
  waitSecs: number;
  /** The `fail` property at the start; failing is never simulated for delete, as Heat does. */
  fail: boolean;
}

function waitSecs(props: Record<string, unknown>, action: "create" | "update" | "delete"): number {
  const perAction = optNumber(optMap(props, "action_wait_secs"), action);
  return perAction ?? optNumber(props, "wait_secs") ?? 0;
}

function waited(ctx: ResourceContext, token: unknown): boolean {
  const t = token as WaitToken;
  // A negative wait never ends (until the operation is cancelled or times out).
  if (t.waitSecs < 0 || ctx.now() - t.startedAt < t.waitSecs * 1000) return false;
  if (t.fail) throw new Error(`Test Resource failed ${ctx.name}`);
  return true;
}

const secs = (description: string) => ({ type: "number" as const, description, updateAllowed: true });

/** The OS::Heat::TestResource plugin. */
export const testResource = defineResource({
  type: "OS::Heat::TestResource",
  properties: {
    wait_secs: { ...secs("Seconds to wait after an action (-1 is infinite).") },
    action_wait_secs: { schema: { create: secs("Seconds to wait after a create. Defaults to the global wait_secs."), update: secs("Seconds to wait after an update. Defaults to the global wait_secs."), delete: secs("Seconds to wait after a delete. Defaults to the global wait_secs.") } },
    constraint_prop_secs: { ...secs("Number value for delay during resolve constraint.") },
    attr_wait_secs: { ...secs("Number value for timeout during resolving output value.") },
  },
  handlers: {
    async create(ctx) {
      if (!optBool(ctx.properties, "fail")) {
        ctx.setData("value", optString(ctx.properties, "value") ?? "");
        ctx.setPhysicalId(physicalName(ctx));
      }
      const fail = optBool(ctx.properties, "fail") === true;
      return { startedAt: ctx.now(), waitSecs: waitSecs(ctx.properties, "create"), fail } satisfies WaitToken;
    },
    checkCreateComplete: async (ctx, token) => waited(ctx, token),
    async update(ctx, change) {
      const fail = optBool(change.after, "fail") === true;
      if (!change.changed.includes("value")) return { startedAt: ctx.now(), waitSecs: 0, fail } satisfies WaitToken;
      if (!fail) ctx.setData("value", optString(change.after, "value") ?? "");
      return { startedAt: ctx.now(), waitSecs: waitSecs(change.after, "update"), fail } satisfies WaitToken;
    },
    checkUpdateComplete: async (ctx, token) => waited(ctx, token),
    needsReplace: (change) => change.changed.includes("value") && optBool(change.after, "update_replace") === true,
    async delete(ctx) {
      return { startedAt: ctx.now(), waitSecs: waitSecs(ctx.properties, "delete"), fail: false } satisfies WaitToken;
    },
    checkDeleteComplete: async (ctx, token) => waited(ctx, token),
    async check(ctx) {
      if (!ctx.physicalId) throw new Error("Resource not created");
    },
    async attribute(ctx, name) {
      return name === "output" ? (ctx.data.value ?? null) : undefined;
    },
  },
});
