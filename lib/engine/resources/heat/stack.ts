/**
 * OS::Heat::Stack: a nested stack built from a template text, optionally in another region
 * (context.region_name). Attributes are the nested stack's outputs and name.
 */
import { optMap, optNumber, optString, selectPath } from "../support/props";
import { defineResource } from "../define";
import { type ResourceContext } from "../types";
import type { NestedStackInput } from "../../ports";
import { nestedOf, nestedStackHandlers, requireComplete } from "./nested";

function templateText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") return JSON.stringify(value);
  throw new Error("Property template not assigned");
}

function regionOf(ctx: ResourceContext, props: Record<string, unknown>): string {
  return optString(optMap(props, "context"), "region_name") ?? ctx.region;
}

function input(ctx: ResourceContext, props: Record<string, unknown>): NestedStackInput {
  return {
    template: templateText(props.template),
    parameters: optMap(props, "parameters"),
    region: regionOf(ctx, props),
    timeoutMins: optNumber(props, "timeout"),
  };
}

/** The OS::Heat::Stack plugin. */
export const stackResource = defineResource({
  type: "OS::Heat::Stack",
  expectedMs: 120_000,
  properties: {},
  handlers: {
    async create(ctx) {
      const view = await ctx.nested.create(input(ctx, ctx.properties));
      ctx.setPhysicalId(view.id);
      requireComplete(view);
    },
    async update(ctx, change) {
      if (!ctx.physicalId) throw new Error(`The nested stack of ${ctx.name} does not exist`);
      requireComplete(await ctx.nested.update(ctx.physicalId, input(ctx, change.after)));
    },
    // A nested stack cannot move: a new region means a new stack in that region.
    needsReplace: (change) =>
      optString(optMap(change.before, "context"), "region_name") !== optString(optMap(change.after, "context"), "region_name"),
    ...nestedStackHandlers,
    // outputs [name, ...path]: an output the nested stack cannot compute now (a region offline) fails the read with its reason
    async attributeAt(ctx, name, path) {
      const view = await nestedOf(ctx);
      if (name === "stack_name") return view ? (view.name ?? view.id) : null;
      if (name !== "outputs") return undefined;
      if (!view) return null;
      const failed = Object.entries(view.outputErrors ?? {}).find(([key]) => path.length === 0 || key === String(path[0]));
      if (failed) throw new Error(`Output ${failed[0]} of the nested stack: ${failed[1]}`);
      return selectPath(view.outputs, path);
    },
  },
});
