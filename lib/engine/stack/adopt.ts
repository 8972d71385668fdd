/**
 * Stack adopt, as Heat's: a new stack whose resources take over the physical resources named in
 * abandon data (resource_id, resource_data) instead of creating any. Resources go ADOPT_IN_PROGRESS ->
 * ADOPT_COMPLETE in dependency order; a resource the data does not name fails ("Resource ID was not
 * provided."), as in Heat, and so does the stack (ADOPT_FAILED, nothing rolled back or created).
 * A resource whose data carries a nested stack's data adopts that stack as its child; any other is
 * verified with its type's check hook in the stack's project, so another project's object is not found.
 */
import { EngineError } from "../errors";
import type { CompiledResource, StackInput } from "../template/types";
import type { AbandonData, AbandonedResource } from "./abandon";
import type { CreateOptions, OperationHandle } from "./api";
import type { EngineCore } from "./core";
import { createStack, type Nesting, storeInitRecords } from "./create";
import type { Operation } from "./operation";
import type { ResourceRecord } from "../ports";
import type { ResourcePlugin } from "../resources/types";
import { resolvedProperties, transition } from "./resource-ops";
import { contextFor } from "./runtime";
import { graphOf, walkStack } from "./stack-walk";

/** The stack input abandon data describes: its template and environment; `input` (the request) overrides. */
export function adoptInput(data: AbandonData | AbandonedResource, input: Partial<StackInput> = {}): StackInput {
  if (data.template === undefined || data.template === null) throw new EngineError("BadRequest", "The adopt data has no template");
  const environment = data.environment ? [{ name: "adopt-environment", text: JSON.stringify(data.environment) }] : [];
  return {
    ...input,
    template: input.template ?? (typeof data.template === "string" ? data.template : JSON.stringify(data.template)),
    files: { ...data.files, ...input.files },
    environments: [...environment, ...(input.environments ?? [])],
  };
}

/** Stores a new stack from `input` and starts adopting the resources `data` names. */
export function adoptStack(core: EngineCore, name: string, input: StackInput, data: AbandonData | AbandonedResource, options: CreateOptions, nesting?: Nesting): Promise<OperationHandle> {
  return createStack(core, name, input, options, nesting, (op) => runAdopt(op, data.resources ?? {}));
}

async function runAdopt(op: Operation, entries: Record<string, AbandonedResource>): Promise<void> {
  const compiled = op.compiled!;
  await op.setStack("ADOPT", "IN_PROGRESS", "Stack ADOPT started");
  await storeInitRecords(op);
  const failure = await walkStack(op, graphOf(compiled), "ADOPT", (name, signal) => adoptResource(op, compiled.resources[name], op.records.get(name)!, entries[name], signal));
  if (failure) return op.setStack("ADOPT", "FAILED", failure);
  await op.setStack("ADOPT", "COMPLETE", "Stack ADOPT completed successfully");
}

/** Takes over one physical resource (and its nested stack, if the data has one). */
async function adoptResource(op: Operation, res: CompiledResource, rec: ResourceRecord, entry: AbandonedResource | undefined, signal: AbortSignal): Promise<void> {
  await transition(op, rec, "ADOPT", signal, async () => {
    // Heat raises a bare Exception here, and its reason names that class
    if (!entry?.resource_id) throw Object.assign(new Error("Resource ID was not provided."), { name: "Exception" });
    const plugin = op.pluginFor(res);
    rec.properties = await resolvedProperties(op, res.name, plugin, signal);
    rec.physicalId = entry.resource_id;
    rec.data = { ...entry.resource_data };
    if (entry.resources && entry.template !== undefined) await adoptNested(op, rec, entry, signal);
    else await verifyAdopted(op, rec, plugin, signal);
  });
}

/**
 * Checks the adopted physical resource as CHECK does, through the stack's project: the data may name
 * any id, and one that the project cannot see (another project's server or stack) fails as not found.
 */
async function verifyAdopted(op: Operation, rec: ResourceRecord, plugin: ResourcePlugin, signal: AbortSignal): Promise<void> {
  const check = plugin.handlers.check;
  if (!check) return;
  const hc = contextFor(op, rec, plugin, rec.properties, signal);
  try {
    await check(hc.ctx);
  } finally {
    await hc.flush();
  }
}

/** Adopts the nested stack of an owning resource as a child of this stack, under the parent's signal. */
async function adoptNested(op: Operation, rec: ResourceRecord, entry: AbandonedResource, signal: AbortSignal): Promise<void> {
  const core = op.core;
  const name = `${op.stack.name}-${rec.name}-adopted`;
  const nesting = { parentId: op.stack.id, parentResource: rec.name, parentSignal: signal };
  const handle = await adoptStack(core, name, adoptInput(entry), entry, { projectId: op.stack.projectId, region: rec.region }, nesting);
  rec.nestedStackId = handle.stackId;
  rec.physicalId = handle.stackId;
  await core.store.saveResource(rec);
  const child = await handle.done;
  if (child.action !== "ADOPT" || child.status !== "COMPLETE") throw new Error(child.statusReason || "Nested stack ADOPT failed");
}
