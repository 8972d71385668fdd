/** Reading live attributes outside any operation (resource show, nested views): nothing is written. */
import { notFound } from "../errors";
import type { EngineCore } from "./core";
import { compileStored } from "./definition";
import { Operation } from "./operation";
import { contextFor, resolveLive } from "./runtime";

async function readOnlyOperation(core: EngineCore, stackId: string, resource: string): Promise<Operation> {
  const stack = await core.store.getStack(stackId);
  if (!stack) throw notFound(`The Stack (${stackId})`);
  const op = await Operation.load(core, stack, true);
  if (!op.records.has(resource)) throw notFound(`The Resource (${resource}) in stack ${stack.name}`);
  op.compiled = compileStored(core, stack);
  return op;
}

/** One get_attr value of a resource, fetched from its plugin unless cached. */
export async function readAttribute(core: EngineCore, stackId: string, resource: string, name: string, path: (string | number)[]): Promise<unknown> {
  const op = await readOnlyOperation(core, stackId, resource);
  return resolveLive(op, (view) => view.attribute(resource, name, path));
}

/** Every attribute the resource's type declares, with its live value. */
export async function readAllAttributes(core: EngineCore, stackId: string, resource: string): Promise<Record<string, unknown>> {
  const op = await readOnlyOperation(core, stackId, resource);
  return resolveLive(op, (view) => view.allAttributes(resource));
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
