/**
 * OS::Heat::TestResource: stores a value, waits a configurable time per action and can be told to fail
 * or to be replaced; Heat's own tool for exercising the engine. Time comes from ctx.now(), so tests use
 * a fake clock.
 */
import { optBool, optMap, optNumber, optString } from "../support/props";
import { physicalName } from "../support/naming";
import { defineResource, type ResourceContext } from "../types";

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
  service: "Heat",
  description: "A resource which stores the string value that was provided, and waits or fails on request.",
  properties: {
    value: { type: "string", description: "The input string to be stored.", default: "test_string", updateAllowed: true },
    update_replace_value: { type: "string", description: "Some value that can be stored but can not be updated." },
    fail: {
      type: "boolean",
      description: "Value which can be set to fail the resource operation to test failure scenarios.",
      default: false,
      updateAllowed: true,
    },
    update_replace: {
      type: "boolean",
      description: "Value which can be set to trigger update replace for the particular resource.",
      default: false,
      updateAllowed: true,
    },
    wait_secs: { ...secs("Seconds to wait after an action (-1 is infinite)."), default: 0 },
    action_wait_secs: {
      type: "map",
      description: "Options for simulating waiting.",
      updateAllowed: true,
      schema: {
        create: secs("Seconds to wait after a create. Defaults to the global wait_secs."),
        update: secs("Seconds to wait after an update. Defaults to the global wait_secs."),
        delete: secs("Seconds to wait after a delete. Defaults to the global wait_secs."),
      },
    },
    client_name: { type: "string", description: "Client to poll.", default: "", updateAllowed: true },
    entity_name: { type: "string", description: "Client entity to poll.", default: "", updateAllowed: true },
    constraint_prop_secs: {
      ...secs("Number value for delay during resolve constraint."),
      default: 0,
      constraints: [{ customConstraint: "test_constr" }],
    },
    attr_wait_secs: { ...secs("Number value for timeout during resolving output value."), default: 0 },
  },
  attributes: {
    output: {
      description: "The string that was stored. This value is also available by referencing the resource.",
      type: "string",
    },
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
