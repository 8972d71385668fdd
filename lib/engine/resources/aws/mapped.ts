/**
 * AWS compatibility types run as the OpenStack types Heat maps them onto: a mapped plugin hands its
 * properties, translated, to another plugin's hooks (AWS::EC2::Instance to OS::Nova::Server's ...),
 * and answers its own attributes and reference id.
 */
import { defineResource } from "../define";
import { type PropertyChange, type ResourceContext, type ResourceHandlers, type ResourcePlugin } from "../types";

/** How an AWS type maps onto a Hearth plugin. */
export interface Mapping {
  type: string;
  /** The plugin whose hooks run the type. */
  target: ResourcePlugin;
  /** The target's properties for the AWS type's properties. */
  properties(props: Record<string, unknown>, ctx?: ResourceContext): Record<string, unknown>;
  attribute?(ctx: ResourceContext, name: string): Promise<unknown>;
  referenceId?(ctx: ResourceContext): string | undefined;
  /** Annotations over Heat's schema (references, regions). */
  annotations?: Parameters<typeof defineResource>[0]["properties"];
}

/** The context a target hook sees: the same resource, with translated properties. */
function asTarget(ctx: ResourceContext, m: Mapping, props = ctx.properties): ResourceContext {
  return Object.create(ctx, { properties: { value: m.properties(props, ctx) } }) as ResourceContext;
}

/** A plugin for the AWS type of `m`. */
export function mappedResource(m: Mapping): ResourcePlugin {
  const h = m.target.handlers;
  const translate = (change: PropertyChange, ctx?: ResourceContext): PropertyChange => {
    const before = m.properties(change.before, ctx);
    const after = m.properties(change.after, ctx);
    const changed = Object.keys({ ...before, ...after }).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    return { before, after, changed };
  };
  const handlers: ResourceHandlers = {
    create: (ctx) => h.create(asTarget(ctx, m)),
    ...(h.checkCreateComplete ? { checkCreateComplete: (ctx, t) => h.checkCreateComplete!(asTarget(ctx, m), t) } : {}),
    ...(h.update ? { update: (ctx, change) => h.update!(asTarget(ctx, m, change.after), translate(change, ctx)) } : {}),
    ...(h.needsReplace ? { needsReplace: (change) => h.needsReplace!(translate(change)) } : {}),
    ...(h.checkUpdateComplete ? { checkUpdateComplete: (ctx, t) => h.checkUpdateComplete!(asTarget(ctx, m), t) } : {}),
    ...(h.delete ? { delete: (ctx) => h.delete!(asTarget(ctx, m)) } : {}),
    ...(h.checkDeleteComplete ? { checkDeleteComplete: (ctx, t) => h.checkDeleteComplete!(asTarget(ctx, m), t) } : {}),
    ...(h.check ? { check: (ctx) => h.check!(asTarget(ctx, m)) } : {}),
    ...(m.attribute ? { attribute: m.attribute } : {}),
    ...(m.referenceId ? { referenceId: m.referenceId } : {}),
  };
  return defineResource({ type: m.type, expectedMs: m.target.expectedMs, properties: m.annotations ?? {}, handlers });
}
