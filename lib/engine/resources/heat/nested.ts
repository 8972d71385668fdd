/**
 * Shared lifecycle of resources that own one nested stack (OS::Heat::Stack, OS::Heat::ResourceGroup):
 * the physical id is the nested stack id; suspend/resume/check/delete go to the nested stack.
 */
import type { ResourceContext, ResourceHandlers } from "../types";
import type { NestedStackView } from "../../ports";

/** The nested stack of `ctx`, or undefined when it was never created or is gone. */
export async function nestedOf(ctx: ResourceContext): Promise<NestedStackView | undefined> {
  return ctx.physicalId ? ctx.nested.get(ctx.physicalId) : undefined;
}

/** Throws the nested stack's reason unless its status is COMPLETE (the ops throw too; this guards the rest). */
export function requireComplete(view: NestedStackView): NestedStackView {
  if (!view.status.endsWith("_COMPLETE")) throw new Error(view.statusReason || `Nested stack went to ${view.status}`);
  return view;
}

/** delete / suspend / resume / check hooks that forward to the nested stack. */
export const nestedStackHandlers: Pick<ResourceHandlers, "delete" | "suspend" | "resume" | "check"> = {
  async delete(ctx) {
    if (await nestedOf(ctx)) await ctx.nested.delete(ctx.physicalId!);
  },
  async suspend(ctx) {
    if (ctx.physicalId) await ctx.nested.suspend(ctx.physicalId);
  },
  async resume(ctx) {
    if (ctx.physicalId) await ctx.nested.resume(ctx.physicalId);
  },
  async check(ctx) {
    if (!(await nestedOf(ctx))) throw new Error(`The nested stack of ${ctx.name} does not exist`);
    await ctx.nested.check(ctx.physicalId!);
  },
};
