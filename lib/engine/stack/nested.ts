/**
 * NestedStackOps for plugins (OS::Heat::Stack, groups, provider templates): a child stack with
 * parentId/parentResource, run by the same engine inside the parent operation (its abort signal
 * aborts the child), with events stored under the child's id. Each call runs to completion or throws.
 */
import type { NestedStackInput, NestedStackOps, NestedStackView } from "../resources/types";
import type { StackInput } from "../template/types";
import type { OperationHandle } from "./api";
import type { EngineCore } from "./core";
import { createStack } from "./create";
import { deleteStack } from "./delete";
import { readAttribute } from "./reads";
import type { Operation } from "./operation";
import type { ResourceRecord, StackRecord } from "./ports";
import { runStackAction } from "./stack-actions";
import { updateStack } from "./update";

function stackInput(input: NestedStackInput): StackInput {
  return {
    template: input.template,
    templateName: input.templateName,
    files: input.files,
    environments: input.environment ? [{ name: "environment", text: input.environment }] : [],
    parameters: input.parameters,
  };
}

/** A short random suffix for child stack names, as Heat's "<parent>-<resource>-<suffix>". */
function suffix(random: () => number): string {
  return Array.from({ length: 12 }, () => "abcdefghijklmnopqrstuvwxyz0123456789"[Math.floor(random() * 36)]).join("");
}

/** What a plugin sees of a stored child stack. */
export async function nestedView(core: EngineCore, stack: StackRecord): Promise<NestedStackView> {
  const resources = await core.store.listResources(stack.id);
  return {
    id: stack.id,
    name: stack.name,
    status: `${stack.action}_${stack.status}`,
    statusReason: stack.statusReason,
    outputs: Object.fromEntries(stack.outputs.map((o) => [o.key, o.value])),
    resourceRefs: Object.fromEntries(resources.filter((r) => !r.replacedBy).map((r) => [r.name, r.physicalId ?? r.name])),
    attribute: (resource, name, path = []) => readAttribute(core, stack.id, resource, name, path),
  };
}

/** Waits for a child operation and throws its reason unless it ended in `${action}_COMPLETE`. */
async function finish(core: EngineCore, handle: OperationHandle, action: string): Promise<StackRecord> {
  const stack = await handle.done;
  if (stack.action !== action || stack.status !== "COMPLETE") throw new Error(stack.statusReason || `Nested stack ${action} failed`);
  return stack;
}

/** The NestedStackOps a hook of `rec` (in operation `op`) receives. */
export function nestedOps(core: EngineCore, op: Operation, rec: ResourceRecord, signal: AbortSignal): NestedStackOps {
  const start = { parentSignal: signal };
  return {
    async create(input) {
      const name = `${op.stack.name}-${rec.name}-${suffix(core.random)}`;
      const options = { projectId: op.stack.projectId, region: input.region ?? rec.region, timeoutMins: input.timeoutMins };
      const handle = await createStack(core, name, stackInput(input), options, { ...start, parentId: op.stack.id, parentResource: rec.name });
      // as Heat, the owner's resource id is the child stack from the moment it exists, so a failed
      // or interrupted child is still deleted with its owner
      rec.nestedStackId = handle.stackId;
      rec.physicalId ??= handle.stackId;
      await core.store.saveResource(rec);
      return nestedView(core, await finish(core, handle, "CREATE"));
    },
    async update(stackId, input) {
      const handle = await updateStack(core, stackId, stackInput(input), { timeoutMins: input.timeoutMins }, start);
      return nestedView(core, await finish(core, handle, "UPDATE"));
    },
    async delete(stackId) {
      await finish(core, await deleteStack(core, stackId, start), "DELETE");
    },
    async get(stackId) {
      const stack = await core.store.getStack(stackId);
      return stack && !stack.deletedAt ? nestedView(core, stack) : undefined;
    },
    async suspend(stackId) {
      await finish(core, await runStackAction(core, stackId, "SUSPEND", start), "SUSPEND");
    },
    async resume(stackId) {
      await finish(core, await runStackAction(core, stackId, "RESUME", start), "RESUME");
    },
    async check(stackId) {
      await finish(core, await runStackAction(core, stackId, "CHECK", start), "CHECK");
    },
  };
}
