/**
 * NestedStackOps for plugins (OS::Heat::Stack, groups, provider templates): a child stack with
 * parentId/parentResource, run by the same engine inside the parent operation (its abort signal
 * aborts the child), with events stored under the child's id. Each call runs to completion or throws.
 */
import { parse as parseYaml } from "yaml";
import { notFound } from "../errors";
import type { StackInput } from "../template/types";
import type { OperationHandle } from "./api";
import type { EngineCore } from "./core";
import { createStack } from "./create";
import { deleteStack } from "./delete";
import { readOutputs } from "./outputs";
import { readAttribute } from "./reads";
import { PROVIDER_REF_KEY } from "./provider";
import type { Operation } from "./operation";
import type { NestedStackInput, NestedStackOps, NestedStackView, ResourceRecord, StackRecord } from "../ports";
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

/** A short random suffix for child stack names, as Heat's "<parent>-<resource>-<suffix>". */
function suffix(random: () => number): string {
  return Array.from({ length: 12 }, () => "abcdefghijklmnopqrstuvwxyz0123456789"[Math.floor(random() * 36)]).join("");
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
    outputs: Object.fromEntries((await readOutputs(core, stack.id)).map((o) => [o.key, o.value])),
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

/** Waits for a child operation and throws its reason unless it ended in `${action}_COMPLETE`. */
async function finish(core: EngineCore, handle: OperationHandle, action: string): Promise<StackRecord> {
  const stack = await handle.done;
  if (stack.action !== action || stack.status !== "COMPLETE") throw new Error(stack.statusReason || `Nested stack ${action} failed`);
  return stack;
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
  return {
    async create(input) {
      const name = `${op.stack.name}-${rec.name}-${suffix(core.random)}`;
      const options = { projectId: op.stack.projectId, region: input.region ?? rec.region, timeoutMins: input.timeoutMins };
      const handle = await createStack(core, name, stackInput(input, op.stack.files), options, { ...start, parentId: op.stack.id, parentResource: rec.name });
      // as Heat, the owner's resource id is the child stack from the moment it exists, so a failed
      // or interrupted child is still deleted with its owner
      rec.nestedStackId = handle.stackId;
      rec.physicalId ??= handle.stackId;
      await core.store.saveResource(rec);
      return nestedView(core, await finish(core, handle, "CREATE"));
    },
    async update(stackId, input) {
      const handle = await updateStack(core, await own(stackId), stackInput(input, op.stack.files), { timeoutMins: input.timeoutMins }, start);
      return nestedView(core, await finish(core, handle, "UPDATE"));
    },
    async delete(stackId) {
      await finish(core, await deleteStack(core, await own(stackId), start), "DELETE");
    },
    async get(stackId) {
      const stack = await ownStack(stackId);
      return stack && nestedView(core, stack);
    },
    async suspend(stackId) {
      await finish(core, await runStackAction(core, await own(stackId), "SUSPEND", start), "SUSPEND");
    },
    async resume(stackId) {
      await finish(core, await runStackAction(core, await own(stackId), "RESUME", start), "RESUME");
    },
    async check(stackId) {
      await finish(core, await runStackAction(core, await own(stackId), "CHECK", start), "CHECK");
    },
    async removeResources(stackId, names) {
      const stack = await ownStack(stackId);
      if (!stack) throw notFound(`The Stack (${stackId})`);
      await finish(core, await updateStack(core, stackId, { template: templateWithout(stack, names) }, { existing: true }, start), "UPDATE");
    },
  };
}
