/**
 * The built-in provider-template resource: a type that maps to a template (resource_registry or a
 * template file as type) runs as a nested stack whose parameters are the resolved properties and
 * whose attributes are the nested stack's outputs, plus OS::stack_id. As in Heat, an `OS::stack_id` output
 * becomes the resource's reference id (get_resource, a group's refs).
 */
import { defineResource } from "../resources/define";
import { type ResourceContext, type ResourcePlugin } from "../resources/types";
import type { NestedStackInput } from "../ports";

/** The provider template a resource maps to, with the parent's files map. */
export interface ProviderSource {
  template: string;
  templateName: string;
  files: Record<string, string>;
}

function nestedInput(source: ProviderSource | undefined, ctx: ResourceContext, parameters: Record<string, unknown>): NestedStackInput {
  if (!source) throw new Error(`The provider template of ${ctx.type} is not known`);
  return { template: source.template, templateName: source.templateName, files: source.files, parameters, region: ctx.region };
}

function nestedId(ctx: ResourceContext): string | undefined {
  return ctx.physicalId;
}

/** Resource data key holding the provider template's OS::stack_id output (its reference id, as in Heat). */
export const PROVIDER_REF_KEY = "OS::stack_id";

/** Keeps the template's OS::stack_id output, when it has one, as the resource's reference id. */
function keepReference(ctx: ResourceContext, outputs: Record<string, unknown>): void {
  const ref = outputs[PROVIDER_REF_KEY];
  ctx.setData(PROVIDER_REF_KEY, ref === undefined || ref === null ? undefined : String(ref));
}

/** A plugin running `source` as a nested stack; without a source it can still delete, read and check. */
export function providerPlugin(type: string, source?: ProviderSource): ResourcePlugin {
  return defineResource({
    type,
    description: `Provider template ${source?.templateName ?? type}`,
    service: "Heat",
    properties: {},
    attributes: {},
    openProperties: true,
    handlers: {
      async create(ctx) {
        const view = await ctx.nested.create(nestedInput(source, ctx, ctx.properties));
        ctx.setPhysicalId(view.id);
        keepReference(ctx, view.outputs);
      },
      async update(ctx, change) {
        const id = nestedId(ctx);
        if (!id) throw new Error(`${ctx.name} has no nested stack to update`);
        keepReference(ctx, (await ctx.nested.update(id, nestedInput(source, ctx, change.after))).outputs);
      },
      referenceId: (ctx) => ctx.data[PROVIDER_REF_KEY] ?? ctx.physicalId,
      async delete(ctx) {
        const id = nestedId(ctx);
        if (id && (await ctx.nested.get(id))) await ctx.nested.delete(id);
      },
      async suspend(ctx) {
        const id = nestedId(ctx);
        if (id) await ctx.nested.suspend(id);
      },
      async resume(ctx) {
        const id = nestedId(ctx);
        if (id) await ctx.nested.resume(id);
      },
      async check(ctx) {
        const id = nestedId(ctx);
        if (id) await ctx.nested.check(id);
      },
      async attribute(ctx, name) {
        const id = nestedId(ctx);
        if (!id) return undefined;
        if (name === "OS::stack_id") return id;
        const view = await ctx.nested.get(id);
        // an output that cannot be computed now fails the read with its reason rather than reading as null
        const error = view?.outputErrors?.[name];
        if (error !== undefined) throw new Error(error);
        return view?.outputs[name];
      },
    },
  });
}
