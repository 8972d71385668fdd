/**
 * The limits a create checks against what is already stored, as Heat does: stacks per project
 * (top-level stacks only), how deep a nested stack goes, and the resources of a whole tree of nested
 * stacks (max_resources_per_stack counts the root stack and every stack below it). Each refusal is a
 * ValidationError with Heat's "Request limit exceeded: ..." message, before anything is stored.
 */
import { ValidationError } from "../diagnostics";
import { exceeds, limitDiagnostic, TOO_MANY_RESOURCES } from "../limits";
import type { StackRecord } from "../ports";
import type { ResourcePlugin } from "../resources/types";
import type { EngineCore } from "./core";

function refuse(what: string, path: (string | number)[] = []): never {
  throw new ValidationError([limitDiagnostic(what, path)]);
}

/**
 * The checks before a new stack is compiled: a top-level one within max_stacks_per_tenant, a nested
 * one (under `parentId`) within max_nested_stack_depth. Returns the root of a nested stack's tree.
 */
export async function checkNewStack(core: EngineCore, projectId: string, parentId: string | undefined): Promise<StackRecord | undefined> {
  if (parentId !== undefined) return checkNestedDepth(core, parentId);
  await checkStacksPerProject(core, projectId);
  return undefined;
}

async function checkStacksPerProject(core: EngineCore, projectId: string): Promise<void> {
  const limit = core.limits.maxStacksPerTenant;
  if (limit < 0) return;
  const stacks = await core.store.listStacks({ projectId });
  if (stacks.length >= limit) refuse(`You have reached the maximum stacks per tenant, ${limit}. Please delete some stacks.`);
}

/** The stacks above `parentId`, nearest first (the parent itself included). */
async function ancestry(core: EngineCore, parentId: string): Promise<StackRecord[]> {
  const chain: StackRecord[] = [];
  for (let id: string | null = parentId; id !== null && chain.length <= core.limits.maxNestedStackDepth + 1; ) {
    const stack = await core.store.getStack(id);
    if (!stack) break;
    chain.push(stack);
    id = stack.parentId;
  }
  return chain;
}

async function checkNestedDepth(core: EngineCore, parentId: string): Promise<StackRecord | undefined> {
  const chain = await ancestry(core, parentId);
  // the parent's depth is its number of ancestors; the new child goes one deeper
  if (chain.length > core.limits.maxNestedStackDepth) refuse(`Recursion depth exceeds ${core.limits.maxNestedStackDepth}.`);
  return chain.at(-1);
}

/** Current resources of every stack in the tree under `root` (root included). */
async function treeResources(core: EngineCore, root: StackRecord): Promise<number> {
  let count = 0;
  const pending = [root.id];
  while (pending.length > 0) {
    const id = pending.pop()!;
    const [resources, children] = await Promise.all([core.store.listResources(id), core.store.listStacks({ parentId: id, includeNested: true })]);
    count += resources.filter((r) => !r.replacedBy).length;
    pending.push(...children.map((c) => c.id));
  }
  return count;
}

/**
 * Refuses a nested stack whose `resources` would take its tree over max_resources_per_stack;
 * `replacing` are resources of the tree the change removes (a nested update's current ones).
 */
export async function checkTreeResources(core: EngineCore, root: StackRecord | undefined, resources: number, replacing = 0): Promise<void> {
  const limit = core.limits.maxResourcesPerStack;
  if (!root || limit < 0) return;
  if (exceeds(resources, limit) || exceeds((await treeResources(core, root)) - replacing + resources, limit)) refuse(TOO_MANY_RESOURCES);
}

/** Refuses an update of a nested stack (a group resized, say) that would take its tree over max_resources_per_stack. */
export async function checkNestedUpdate(core: EngineCore, stack: StackRecord, resources: number): Promise<void> {
  if (stack.parentId === null) return;
  const root = (await ancestry(core, stack.parentId)).at(-1);
  const current = (await core.store.listResources(stack.id)).filter((r) => !r.replacedBy).length;
  await checkTreeResources(core, root, resources, current);
}

/**
 * Refuses a group whose resolved size alone is over max_resources_per_stack (its nested stack would
 * hold every member), before its plugin builds the member list: a count read from another resource
 * at run time (10^8, say) would otherwise cost the process minutes of synchronous work. The nested
 * stack's create then counts the whole tree (checkTreeResources).
 */
export function checkMemberCount(core: EngineCore, plugin: ResourcePlugin, properties: Record<string, unknown>): void {
  const size = core.limits.maxResourcesPerStack < 0 ? undefined : plugin.memberCount?.(properties);
  if (size && exceeds(size.members, core.limits.maxResourcesPerStack)) refuse(TOO_MANY_RESOURCES, ["properties", size.property]);
}
