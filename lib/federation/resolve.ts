/**
 * The three resolutions of a diverged remote child (issue 15, split brain), run by the parent's
 * region on its resource: adopt (the child's current template and parameters become the parent's
 * definition of the resource, and the digest the child's), re-apply (the parent's definition is
 * applied to the child again, as its owner), detach (the child is released from its owner and the
 * resource removed from the parent, the child left in place). Each holds the parent's stack lease,
 * refuses a child that has not diverged, clears the resource's divergence mark (DIVERGED_KEY) and
 * writes an event on the parent's resource naming it.
 */
import { randomUUID } from "node:crypto";
import { conflict, EngineError, notFound } from "../engine/errors";
import type { ResourceRecord, StackRecord, StackStore } from "../engine/ports";
import { REMOTE_REGION_KEY } from "../engine/stack/nested-remote";
import { regionNamed, type Federation } from "./catalog";
import { APPLIED_DIGEST_KEY, DIVERGED_KEY, definitionDigest } from "./divergence";
import { isScanLease } from "./divergence-check";
import { RemoteHeat, type RemoteStack } from "./remote-heat";
import { remoteNestedOps, type RemoteWaits } from "./remote-nested";
import { adoptIntoTemplate, detachFromTemplate } from "./resolve-template";

/** The resolutions, as the API and CLI name them. */
export const RESOLUTIONS = ["adopt", "reapply", "detach"] as const;

/** One of RESOLUTIONS. */
export type Resolution = (typeof RESOLUTIONS)[number];

/** Resolves resource `resource` of `stack` (in `store`) the way `resolution` says. */
export type DivergenceResolver = (store: StackStore, stack: StackRecord, resource: string, resolution: Resolution) => Promise<void>;

/** `value` as a Resolution, or a BadRequest naming the choices. */
export function parseResolution(value: unknown): Resolution {
  if (RESOLUTIONS.includes(value as Resolution)) return value as Resolution;
  throw new EngineError("BadRequest", `Invalid resolution ${JSON.stringify(value)}: use one of ${RESOLUTIONS.join(", ")}`);
}

/** What one resolution works on. */
interface Target {
  store: StackStore;
  stack: StackRecord;
  rec: ResourceRecord;
  client: RemoteHeat;
  child: RemoteStack;
}

/** Each resolution's work; answers the event's reason. */
const RESOLVE: Record<Resolution, (t: Target, waits: RemoteWaits | undefined) => Promise<string>> = {
  async adopt({ store, stack, rec, client, child }) {
    const definition = await client.definition(child.stack_name, child.id);
    if (!definition) throw notFound(`The child ${child.stack_name} in region ${client.region.name}`);
    const template = JSON.stringify(definition.template);
    // the child's own parameters; Heat's pseudo parameters (OS::stack_id, ...) are the region's to set
    const parameters = Object.fromEntries(Object.entries(definition.parameters).filter(([key]) => !key.startsWith("OS::")));
    await store.updateStack(stack.id, { template: adoptIntoTemplate(stack.template, rec.name, template, parameters) });
    rec.properties = { ...rec.properties, template, parameters };
    rec.data[APPLIED_DIGEST_KEY] = (await definitionDigest(client, child.stack_name, child.id)) ?? "";
    return `Divergence resolved by adopt: the definition of ${child.stack_name} in region ${client.region.name} is now this resource's`;
  },
  async reapply({ stack, rec, client, child }, waits) {
    const owner = { region: stack.region, stackId: stack.id, stackName: stack.name, projectId: stack.projectId, resource: rec.name, resourceId: rec.id, generation: stack.generation };
    delete rec.data[APPLIED_DIGEST_KEY];
    const hooks = { signal: new AbortController().signal, created: async () => {}, data: rec.data, remember: async (key: string, value: string) => void (rec.data[key] = value) };
    const { template, parameters } = rec.properties as { template: string; parameters?: Record<string, unknown> };
    await remoteNestedOps(client, owner, hooks, waits).update(child.id, { template, ...(parameters ? { parameters } : {}) });
    return `Divergence resolved by reapply: this resource's definition was applied again to ${child.stack_name} in region ${client.region.name}`;
  },
  async detach({ store, stack, rec, client, child }) {
    const { template, droppedOutputs } = detachFromTemplate(stack.template, rec.name);
    await client.action(child.stack_name, child.id, "release_owner");
    await store.updateStack(stack.id, { template });
    await store.deleteResource(rec.id);
    const dropped = droppedOutputs.length ? `; outputs ${droppedOutputs.join(", ")} that read it were removed` : "";
    return `Divergence resolved by detach: ${child.stack_name} in region ${client.region.name} was released and left in place, and this resource removed${dropped}`;
  },
};

/** How long a resolution waits for a divergence scan's check of the stack to end (a few requests). */
const SCAN_WAIT_MS = 6000;

/** Takes the stack's lease for a resolution, waiting (bounded) while a divergence scan checks the stack; false when anything else holds it. */
async function takeLease(store: StackStore, stackId: string, lease: string): Promise<boolean> {
  const deadline = Date.now() + SCAN_WAIT_MS;
  for (let attempt = 0; attempt < 120; attempt++) {
    if (await store.acquireLock(stackId, lease, 60_000)) return true;
    if (!isScanLease((await store.getLock(stackId))?.owner) || Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/** The resolver of `federation`'s parents, with tokens for their projects from `tokenFor`. */
export function divergenceResolver(federation: Federation, options: { tokenFor(projectId: string): Promise<string>; waits?: RemoteWaits }): DivergenceResolver {
  return async (store, stack, resource, resolution) => {
    const rec = (await store.listResources(stack.id)).find((r) => r.name === resource && !r.replacedBy);
    if (!rec) throw notFound(`Resource ${resource} of stack ${stack.name}`);
    const region = regionNamed(federation, rec.data[REMOTE_REGION_KEY] ?? "");
    if (!region || region.name === federation.self.name || !rec.physicalId) throw conflict(`Resource ${resource} of stack ${stack.name} has no child in another region: there is nothing to resolve`);
    const lease = `resolve-${randomUUID()}`;
    if (stack.status === "IN_PROGRESS" || !(await takeLease(store, stack.id, lease))) throw conflict(`Stack ${stack.name} is being operated on: resolve ${resource} once that is done`);
    try {
      const client = new RemoteHeat({ region, token: () => options.tokenFor(stack.projectId) });
      const child = await client.find(rec.physicalId);
      if (!child) throw notFound(`The child ${rec.physicalId} of ${resource} in region ${region.name}`);
      const applied = rec.data[APPLIED_DIGEST_KEY];
      if (!applied || applied === (await definitionDigest(client, child.stack_name, child.id))) throw conflict(`Resource ${resource} of stack ${stack.name} has not diverged: its child ${child.stack_name} is as its owner last applied it`);
      const reason = await RESOLVE[resolution]({ store, stack, rec, client, child }, options.waits);
      delete rec.data[DIVERGED_KEY];
      if (resolution !== "detach") await store.saveResource({ ...rec, action: resolution === "adopt" ? "ADOPT" : "UPDATE", status: "COMPLETE", statusReason: reason, updatedAt: new Date().toISOString() });
      await store.appendEvent({ stackId: stack.id, stackName: stack.name, resourceName: rec.name, physicalResourceId: rec.physicalId, resourceType: rec.type, isStackEvent: false, action: resolution === "detach" ? "DELETE" : resolution === "adopt" ? "ADOPT" : "UPDATE", status: "COMPLETE", reason, time: new Date().toISOString() });
    } finally {
      await store.releaseLock(stack.id, lease);
    }
  };
}
