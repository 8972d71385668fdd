/**
 * Nested stacks in regions this engine does not serve: a resource's NestedStackOps sends a child
 * whose region the engine's RemoteNestedProvider claims (a federation's remote Heat) to that provider,
 * and records the region in the owning resource's data, so the later update, delete, check and
 * reads of that child go to the same region. Children of served regions stay with the local ops.
 */
import type { NestedOwner, NestedStackOps, RemoteNestedProvider, ResourceRecord } from "../ports";
import type { EngineCore } from "./core";
import type { Operation } from "./operation";

/** The resource data key naming the region of a remote child. */
export const REMOTE_REGION_KEY = "hearth.remote_region";

/** `local`, with the children of remote regions routed to `provider`'s ops. */
export function withRemoteNested(core: EngineCore, provider: RemoteNestedProvider | undefined, op: Operation, rec: ResourceRecord, signal: AbortSignal, local: NestedStackOps): NestedStackOps {
  if (!provider) return local;
  const owner: NestedOwner = {
    region: op.stack.region,
    stackId: op.stack.id,
    stackName: op.stack.name,
    projectId: op.stack.projectId,
    resource: rec.name,
    resourceId: rec.id,
    generation: op.stack.generation,
  };
  const remoteIn = (region: string) =>
    provider(region, owner, {
      signal,
      async created(childId) {
        rec.physicalId ??= childId;
        rec.data[REMOTE_REGION_KEY] = region;
        await core.store.saveResource(rec);
      },
      data: rec.data,
      async remember(key, value) {
        rec.data[key] = value;
        await core.store.saveResource(rec);
      },
    });
  /** The ops of the child `rec` already has: its recorded region's, else local. */
  const current = (): NestedStackOps => {
    const region = rec.data[REMOTE_REGION_KEY];
    return (region && remoteIn(region)) || local;
  };
  return {
    create: (input) => (remoteIn(input.region ?? rec.region) ?? local).create(input),
    update: (stackId, input) => current().update(stackId, input),
    delete: (stackId) => current().delete(stackId),
    get: (stackId) => current().get(stackId),
    suspend: (stackId) => current().suspend(stackId),
    resume: (stackId) => current().resume(stackId),
    check: (stackId) => current().check(stackId),
    removeResources: (stackId, names) => {
      const ops = current();
      if (!ops.removeResources) throw new Error(`The nested stack ${stackId} cannot remove resources in its region`);
      return ops.removeResources(stackId, names);
    },
  };
}
