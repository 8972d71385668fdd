/**
 * Heat's abandon data (stack export, stack abandon) and abandoning a stack: Hearth forgets the stack
 * and its nested stacks (DELETE_COMPLETE, "abandoned") but never touches their physical resources,
 * which a later adopt (adopt.ts) can take over.
 */
import { parse } from "yaml";
import { EngineError } from "../errors";
import { type EngineCore, isoNow } from "./core";
import { liveStack } from "./load";
import type { Action, ResourceRecord, StackRecord, Status } from "../ports";
import { readMetadata } from "./reads";
import { startOperation } from "./run";
import { loadEnvironments } from "../template/environment";

/** One resource of abandon data; a resource owning a nested stack also carries that stack's data. */
export interface AbandonedResource extends Partial<Omit<AbandonData, "resources">> {
  name: string;
  resource_id: string | null;
  type: string;
  action: Action;
  status: Status;
  metadata: Record<string, unknown>;
  resource_data: Record<string, string>;
  resources?: Record<string, AbandonedResource>;
}

/** Heat's abandon data of a stack (also what `stack export` answers and adopt_stack_data carries). */
export interface AbandonData {
  id: string;
  name: string;
  action: Action;
  status: Status;
  template: unknown;
  environment: Record<string, unknown>;
  files: Record<string, string>;
  resources: Record<string, AbandonedResource>;
  project_id: string;
  stack_user_project_id: string;
  /** null when the stack has none, as Heat answers. */
  tags: string[] | null;
}

/**
 * A stack's environments merged into one environment in Heat's shape (user_env_as_dict), by the same
 * merge the engine applies (later files win entry by entry; a null registry entry removes one).
 */
export function mergedEnvironment(stack: Pick<StackRecord, "environments">): Record<string, unknown> {
  const { env } = loadEnvironments(stack.environments);
  return {
    parameters: env.parameters,
    parameter_defaults: env.parameterDefaults,
    resource_registry: { ...env.registry, resources: env.resourceRegistry },
    event_sinks: [],
    encrypted_param_names: [],
  };
}

/** The abandon data of a stored stack and, inside its owning resources, of its nested stacks. */
async function abandonData(core: EngineCore, stack: StackRecord): Promise<AbandonData> {
  const resources: Record<string, AbandonedResource> = {};
  for (const r of await currentResources(core, stack.id)) resources[r.name] = await abandonedResource(core, stack, r);
  const environment = mergedEnvironment(stack);
  // parameters given at create live on the record; Heat's user environment carries them
  environment.parameters = { ...(environment.parameters as Record<string, unknown>), ...stack.parameters };
  return {
    id: stack.id,
    name: stack.name,
    action: stack.action,
    status: stack.status,
    template: parse(stack.template),
    environment,
    files: stack.files,
    resources,
    project_id: stack.projectId,
    stack_user_project_id: stack.projectId,
    tags: stack.tags.length ? stack.tags : null,
  };
}

async function currentResources(core: EngineCore, stackId: string): Promise<ResourceRecord[]> {
  return (await core.store.listResources(stackId)).filter((r) => !r.replacedBy);
}

async function abandonedResource(core: EngineCore, stack: StackRecord, r: ResourceRecord): Promise<AbandonedResource> {
  const child = r.nestedStackId ? await core.store.getStack(r.nestedStackId) : undefined;
  const nested = child && !child.deletedAt ? await abandonData(core, child) : undefined;
  return {
    ...(nested ? { template: nested.template, environment: nested.environment, files: nested.files, resources: nested.resources, id: nested.id } : {}),
    name: r.name,
    resource_id: r.physicalId,
    type: r.type,
    action: r.action,
    status: r.status,
    metadata: await readMetadata(core, stack.id, r.name).catch(() => ({})),
    resource_data: r.data,
  };
}

/** The abandon data of a live stack, changing nothing (GET .../export). */
export async function exportStack(core: EngineCore, stackId: string): Promise<AbandonData> {
  return abandonData(core, await liveStack(core, stackId));
}

/**
 * Abandons a stack under its lock: takes its abandon data, then forgets it and its nested stacks
 * (their resource records go, the physical resources stay). Busy stacks are refused (Conflict).
 */
export async function abandonStack(core: EngineCore, stackId: string): Promise<AbandonData> {
  const stack = await liveStack(core, stackId);
  let data: AbandonData | undefined;
  const { done } = await startOperation(core, stack, async (op) => {
    data = await abandonData(core, op.stack);
    await op.setStack("DELETE", "IN_PROGRESS", "Stack DELETE started (abandon)");
    await forgetNested(core, stack.id);
    await op.setStack("DELETE", "COMPLETE", "Stack abandoned: its resources were left in place", { deletedAt: isoNow(core) });
    core.compiled.delete(stack.id);
  });
  const final = await done;
  if (!data || !final.deletedAt) throw new EngineError("Internal", `Abandoning stack ${stack.name} failed: ${final.statusReason}`);
  return data;
}

/** Drops the resource records of a stack and, first, of every nested stack below it (marked deleted). */
async function forgetNested(core: EngineCore, stackId: string): Promise<void> {
  for (const r of await core.store.listResources(stackId)) {
    if (r.nestedStackId) {
      await forgetNested(core, r.nestedStackId);
      await core.store.updateStack(r.nestedStackId, { action: "DELETE", status: "COMPLETE", statusReason: "Stack abandoned with its parent", deletedAt: isoNow(core) });
    }
    await core.store.deleteResource(r.id);
  }
}
