/**
 * The generic plugin of every Heat type that has no hand-written hooks: it keeps a placeholder object
 * (ports/objects.ts) in the resource's region, created with the resource's properties, updated in place
 * when the schema allows the change (the engine replaces it otherwise), deleted with it, checked,
 * suspended and resumed where Heat's plugin implements those actions, with plausible attributes.
 * A type gets real hooks by a plugin of its own in the registry (lib/engine/resources/index.ts).
 */
import { heatEntry } from "../catalog/heat-catalog";
import { updatesInPlace } from "../catalog/heat-schema";
import { catalogSchema } from "../catalog/overlay";
import { cloudCall, ignoreNotFound } from "../support/cloud-errors";
import { physicalName } from "../support/naming";
import { defineResource } from "../define";
import { type PropertyChange, type ResourceContext, type ResourceHandlers, type ResourcePlugin } from "../types";
import { placeholderAttribute } from "./attribute-values";

function objectName(ctx: ResourceContext): string {
  const name = ctx.properties.name;
  return typeof name === "string" && name !== "" ? name : physicalName(ctx);
}

function objectId(ctx: ResourceContext): string {
  if (!ctx.physicalId) throw new Error(`${ctx.name} has no object in the cloud`);
  return ctx.physicalId;
}

/** Suspend or resume: the object's status, as Heat's plugins suspend and resume theirs. */
function statusHook(status: "SUSPENDED" | "ACTIVE", verb: string) {
  return async (ctx: ResourceContext) => {
    await cloudCall(`${verb} ${ctx.type} ${ctx.name}`, ctx.region, () => ctx.cloud.objects.setObjectStatus(objectId(ctx), status));
  };
}

const placeholders = new WeakSet<ResourcePlugin>();

/** Whether a plugin is the placeholder plugin (no hooks of its own). */
export function isPlaceholder(plugin: ResourcePlugin): boolean {
  return placeholders.has(plugin);
}

/**
 * The placeholder's hooks for a Heat type, to build a plugin on (the placeholder plugin, or a
 * hand-written one that keeps some of them). Cheap: Heat's schema of the type is converted when an
 * attribute is first read, not here.
 */
export function placeholderHandlers(type: string): ResourceHandlers {
  const entry = heatEntry(type);
  const actions = new Set(entry?.handlers ?? []);
  return {
    async create(ctx) {
      const object = await cloudCall(`creating ${type} ${ctx.name}`, ctx.region, () =>
        ctx.cloud.objects.createObject({ kind: type, name: objectName(ctx), properties: ctx.properties }),
      );
      ctx.setPhysicalId(object.id);
    },
    async delete(ctx) {
      if (ctx.physicalId) await ignoreNotFound(() => ctx.cloud.objects.deleteObject(ctx.physicalId!));
    },
    async attribute(ctx, name) {
      const object = await ctx.cloud.objects.getObject(objectId(ctx));
      return placeholderAttribute(object, name, catalogSchema(type)?.attributes[name], ctx.stack.projectId);
    },
    ...(entry && updatesInPlace(entry)
      ? {
          async update(ctx: ResourceContext, change: PropertyChange) {
            await cloudCall(`updating ${type} ${ctx.name}`, ctx.region, () => ctx.cloud.objects.updateObject(objectId(ctx), change.after));
          },
        }
      : {}),
    ...(actions.has("check")
      ? {
          async check(ctx: ResourceContext) {
            await cloudCall(`checking ${type} ${ctx.name}`, ctx.region, () => ctx.cloud.objects.getObject(objectId(ctx)));
          },
        }
      : {}),
    ...(actions.has("suspend") ? { suspend: statusHook("SUSPENDED", "suspending") } : {}),
    ...(actions.has("resume") ? { resume: statusHook("ACTIVE", "resuming") } : {}),
    ...(actions.has("signal") ? { signal: async (ctx: ResourceContext) => ctx.note(`${type} ${ctx.name} received a signal`) } : {}),
  };
}

/** The placeholder plugin of a Heat type (its schema from Heat's catalogue). */
export function placeholderPlugin(type: string): ResourcePlugin {
  const plugin = defineResource({ type, handlers: placeholderHandlers(type) });
  placeholders.add(plugin);
  return plugin;
}
