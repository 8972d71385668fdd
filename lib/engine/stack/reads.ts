/**
 * Reading live state outside any operation (resource show, outputs, nested views): nothing is written,
 * and no attribute value cached on a stored record is trusted. A record's cached attributes may predate
 * a failover, a recovery or a change made behind the stack's back, so every read asks the resource's
 * plugin (and so the cloud) again.
 */
import { notFound } from "../errors";
import type { StackRecord } from "../ports";
import type { LiveAttributes } from "./api";
import type { EngineCore } from "./core";
import { compileStored } from "./definition";
import { Operation } from "./operation";
import { contextFor, resolveLive } from "./runtime";

/** A read-only operation over the stack's current records, with their cached attribute values dropped (it never saves). */
export async function liveOperation(core: EngineCore, stack: StackRecord): Promise<Operation> {
  const op = await Operation.load(core, stack, true);
  for (const rec of op.records.values()) rec.attributes = {};
  return op;
}

async function readOnlyOperation(core: EngineCore, stackId: string, resource: string): Promise<Operation> {
  const stack = await core.store.getStack(stackId);
  if (!stack) throw notFound(`The Stack (${stackId})`);
  const op = await liveOperation(core, stack);
  if (!op.records.has(resource)) throw notFound(`The Resource (${resource}) in stack ${stack.name}`);
  op.compiled = compileStored(core, stack);
  return op;
}

/** One get_attr value of a resource, read from its plugin now. */
export async function readAttribute(core: EngineCore, stackId: string, resource: string, name: string, path: (string | number)[]): Promise<unknown> {
  const op = await readOnlyOperation(core, stackId, resource);
  return resolveLive(op, (view) => view.attribute(resource, name, path));
}

/**
 * Every attribute the resource's type declares, read from its plugin now, each on its own: one that
 * cannot be read (its region is offline) is null with its reason in `errors`, and the others still show.
 */
export async function readLiveAttributes(core: EngineCore, stackId: string, resource: string): Promise<LiveAttributes> {
  const op = await readOnlyOperation(core, stackId, resource);
  const rec = op.records.get(resource)!;
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const name of Object.keys(op.pluginOf(rec).attributes)) {
    try {
      values[name] = await resolveLive(op, (view) => view.attribute(resource, name, []));
    } catch (error) {
      values[name] = null;
      errors[name] = error instanceof Error ? error.message : String(error);
    }
  }
  return { values, errors };
}

/**
 * A resource's metadata as Heat shows it: the template's `metadata` section resolved, with what the
 * resource keeps itself (its plugin's metadata hook) on top.
 */
export async function readMetadata(core: EngineCore, stackId: string, resource: string): Promise<Record<string, unknown>> {
  const op = await readOnlyOperation(core, stackId, resource);
  const compiled = op.compiled;
  const fromTemplate = compiled?.resources[resource] ? await resolveLive(op, (view) => compiled.resolveMetadata(resource, view)) : {};
  const rec = op.records.get(resource)!;
  const plugin = op.pluginOf(rec);
  const own = plugin.handlers.metadata?.(contextFor(op, rec, plugin, rec.properties, op.signal).ctx) ?? {};
  return { ...fromTemplate, ...own };
}
