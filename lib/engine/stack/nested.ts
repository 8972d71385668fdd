/**
 * NestedStackOps for plugins (OS::Heat::Stack, groups, provider templates): a child stack with
 * parentId/parentResource, run by the same engine inside the parent operation (its abort signal
 * aborts the child), with events stored under the child's id. Each call runs to completion or throws.
 * Each is idempotent for a hook that runs again after an engine took over its stack (resume.ts): a
 * child a crash left IN_PROGRESS is taken over and carried to its end, and a create whose child
 * already exists (its recorded id, or its name, which comes from the owning record) gets that child.
 */
import { parse as parseYaml } from "yaml";
import { notFound } from "../errors";
import type { StackInput } from "../template/types";
import type { OperationHandle } from "./api";
import type { EngineCore } from "./core";
import { createStack } from "./create";
import { deleteStack } from "./delete";
import { readOutputMaps } from "./outputs";
import { readAttribute } from "./reads";
import { PROVIDER_REF_KEY } from "./provider";
import type { Operation } from "./operation";
import type { Action, NestedStackInput, NestedStackOps, NestedStackView, ResourceRecord, StackRecord } from "../ports";
import { resumeChild } from "./resume";
import { runStackAction } from "./stack-actions";
import { updateStack } from "./update";

/** The child's definition; without files of its own it inherits the parent's (group members such as `ha_server.yaml`). */
function stackInput(input: NestedStackInput, parentFiles: Record<string, string>): StackInput {
  return {
    template: input.template,
    templateName: input.templateName,
    files: input.files ?? parentFiles,
    environments: input.environment ? [{ name: "environment", text: input.environment }] : [],
    parameters: input.parameters,
  };
}

/** A 32-bit FNV-1a hash of `text`, from `seed`. */
function fnv(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * A child stack's name, as Heat's "<parent>-<resource>-<suffix>": the 12-character suffix comes from
 * the owning record's id, so every engine (one taking over a half-done create too) names the same child.
 */
function childName(parent: string, rec: ResourceRecord): string {
  const part = (seed: number) => fnv(rec.id, seed).toString(36).padStart(7, "0").slice(-6);
  return `${parent}-${rec.name}-${part(0x811c9dc5)}${part(0x01000193)}`;
}

/** A stored resource's reference id: a provider template's OS::stack_id output (kept in its data), else its physical id. */
function refOf(r: ResourceRecord): string {
  return r.data[PROVIDER_REF_KEY] ?? r.physicalId ?? r.name;
}

/** The stored template of `stack` without the named resources, as JSON text. */
function templateWithout(stack: StackRecord, names: string[]): string {
  const doc = parseYaml(stack.template) as { resources?: Record<string, unknown> };
  for (const name of names) delete doc.resources?.[name];
  return JSON.stringify(doc);
}

/** What a plugin sees of a stored child stack. */
export async function nestedView(core: EngineCore, stack: StackRecord): Promise<NestedStackView> {
  const current = (await core.store.listResources(stack.id)).filter((r) => !r.replacedBy);
  return {
    id: stack.id,
    name: stack.name,
    status: `${stack.action}_${stack.status}`,
    statusReason: stack.statusReason,
    ...(await readOutputMaps(core, stack.id)),
    resourceRefs: Object.fromEntries(current.map((r) => [r.name, refOf(r)])),
    resources: current.map((r) => ({
      name: r.name,
      type: r.type,
      status: `${r.action}_${r.status}`,
      ref: refOf(r),
      nestedStackId: r.nestedStackId,
      unhealthy: r.unhealthy,
      createdAt: r.createdAt,
      properties: r.properties,
    })),
    attribute: (resource, name, path = []) => readAttribute(core, stack.id, resource, name, path),
  };
}

const state = (stack: StackRecord) => `${stack.action}_${stack.status}`;

/** Throws the child's reason unless it ended in `${action}_COMPLETE`. */
function outcome(stack: StackRecord, action: Action): StackRecord {
  if (stack.action !== action || stack.status !== "COMPLETE") throw new Error(stack.statusReason || `Nested stack ${action} failed`);
  return stack;
}

/** Waits for a child operation and throws its reason unless it ended in `${action}_COMPLETE`. */
async function finish(handle: OperationHandle, action: Action): Promise<StackRecord> {
  return outcome(await handle.done, action);
}

/**
 * The NestedStackOps a hook of `rec` (in operation `op`) receives. A child id comes from a resource's
 * physical id, which adopt data may name: every call but create first requires the child to be a
 * live stack of the operation's project, and another project's stack is "not found" as a missing one is.
 */
export function nestedOps(core: EngineCore, op: Operation, rec: ResourceRecord, signal: AbortSignal): NestedStackOps {
  const start = { parentSignal: signal };
  const projectId = op.stack.projectId;
  async function ownStack(stackId: string): Promise<StackRecord | undefined> {
    const stack = await core.store.getStack(stackId);
    return stack && !stack.deletedAt && stack.projectId === projectId ? stack : undefined;
  }
  async function own(stackId: string): Promise<string> {
    if (!(await ownStack(stackId))) throw notFound(`The Stack (${stackId})`);
    return stackId;
  }
  /** A child an engine crash left IN_PROGRESS, taken over and carried to its end: its final record (else undefined). */
  async function takenOver(stackId: string): Promise<StackRecord | undefined> {
    const stack = await ownStack(stackId);
    if (!stack || stack.status !== "IN_PROGRESS" || core.running.has(stackId)) return undefined;
    return resumeChild(core, stack, start, signal);
  }
  /**
   * Runs `action` on a child, unless a crash left that action IN_PROGRESS on it (this hook is running
   * again after a take-over): then that operation is carried to its end instead of starting another.
   */
  async function run(stackId: string, action: Action, begin: (id: string) => Promise<OperationHandle>): Promise<StackRecord> {
    const id = await own(stackId);
    const resumed = await takenOver(id);
    if (resumed && (resumed.action === action || (action === "UPDATE" && resumed.action === "ROLLBACK"))) return outcome(resumed, action);
    // a child already suspended (or resumed) is left so: the hook may be running again after a take-over
    const stored = resumed ?? (await ownStack(id));
    if ((action === "SUSPEND" || action === "RESUME") && stored && state(stored) === `${action}_COMPLETE`) return stored;
    return finish(await begin(id), action);
  }
  /** The child this resource already has (the hook runs again after a take-over), by its recorded id or its name. */
  async function existingChild(name: string): Promise<StackRecord | undefined> {
    const found = rec.nestedStackId ? await ownStack(rec.nestedStackId) : await core.store.findStackByName(projectId, name);
    if (!found || found.parentId !== op.stack.id || found.parentResource !== rec.name) return undefined;
    return (await takenOver(found.id)) ?? (await ownStack(found.id));
  }
  async function keep(childId: string): Promise<void> {
    // as Heat, the owner's resource id is the child stack from the moment it exists, so a failed
    // or interrupted child is still deleted with its owner
    rec.nestedStackId = childId;
    rec.physicalId ??= childId;
    await core.store.saveResource(rec);
  }
  return {
    async create(input) {
      const name = childName(op.stack.name, rec);
      const existing = await existingChild(name);
      if (existing && existing.action !== "INIT") {
        await keep(existing.id);
        return nestedView(core, outcome(existing, "CREATE"));
      }
      // a child stored but never started has nothing in the cloud: it is made again
      if (existing) await core.store.purgeStack(existing.id);
      const options = { projectId: op.stack.projectId, region: input.region ?? rec.region, timeoutMins: input.timeoutMins };
      const handle = await createStack(core, name, stackInput(input, op.stack.files), options, { ...start, parentId: op.stack.id, parentResource: rec.name });
      await keep(handle.stackId);
      return nestedView(core, await finish(handle, "CREATE"));
    },
    async update(stackId, input) {
      const stack = await run(stackId, "UPDATE", (id) => updateStack(core, id, stackInput(input, op.stack.files), { timeoutMins: input.timeoutMins }, start));
      return nestedView(core, stack);
    },
    async delete(stackId) {
      await run(stackId, "DELETE", (id) => deleteStack(core, id, start));
    },
    async get(stackId) {
      const stack = await ownStack(stackId);
      return stack && nestedView(core, stack);
    },
    async suspend(stackId) {
      await run(stackId, "SUSPEND", (id) => runStackAction(core, id, "SUSPEND", start));
    },
    async resume(stackId) {
      await run(stackId, "RESUME", (id) => runStackAction(core, id, "RESUME", start));
    },
    async check(stackId) {
      await run(stackId, "CHECK", (id) => runStackAction(core, id, "CHECK", start));
    },
    async removeResources(stackId, names) {
      await run(stackId, "UPDATE", async (id) => updateStack(core, id, { template: templateWithout((await ownStack(id))!, names) }, { existing: true }, start));
    },
  };
}
