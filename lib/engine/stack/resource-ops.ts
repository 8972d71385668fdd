/**
 * One resource, one action: the IN_PROGRESS event, the plugin's hooks, then COMPLETE or FAILED with
 * Heat's reason. A failure is rethrown as ResourceFailure so the walk skips what depends on it.
 */
import type { PropertyChange, ResourcePlugin } from "../resources/types";
import type { CompiledResource } from "../template/types";
import { ResourceFailure, resourceFailureReason } from "./failure";
import { runHook } from "./hooks";
import { checkMemberCount } from "./limits";
import type { Operation } from "./operation";
import type { Action, ResourceRecord } from "../ports";
import { contextFor, type HookContext, resolveLive } from "./runtime";

/**
 * Moves `rec` to FAILED with Heat's reason for `error` ("CREATE aborted" when the operation was
 * cancelled or timed out) and returns the ResourceFailure to throw.
 */
export async function failResource(op: Operation, rec: ResourceRecord, action: Action, error: unknown, signal: AbortSignal): Promise<ResourceFailure> {
  const why = signal.aborted && !(error instanceof ResourceFailure) ? `${action} aborted` : resourceFailureReason(error, rec.name);
  await op.setResource(rec, action, "FAILED", why);
  return new ResourceFailure(why, rec.name, action);
}

/**
 * Where a record keeps its current action's attempt while the action is IN_PROGRESS: "CREATE:7", the
 * action and the stack generation that began it. It goes when the action ends.
 */
const ATTEMPT_KEY = "hearth:attempt";

/**
 * Starts `action` on `rec` as a new attempt, or continues the recorded one when `rec` is already
 * IN_PROGRESS in that action (an engine taking over after a crash): the attempt is stored with the
 * IN_PROGRESS state, so the hooks of both runs use the same client token.
 */
function beginAttempt(op: Operation, rec: ResourceRecord, action: Action): void {
  const resumed = rec.status === "IN_PROGRESS" && rec.action === action && rec.data[ATTEMPT_KEY]?.startsWith(`${action}:`);
  if (!resumed) rec.data[ATTEMPT_KEY] = `${action}:${op.stack.generation}`;
}

/** The client token of `rec`'s current attempt: the same in every engine that runs it. */
function clientTokenOf(rec: ResourceRecord): string {
  return `${rec.id}:${rec.data[ATTEMPT_KEY]}`;
}

/** The context of a hook run inside an action's transition: its cloud calls carry the attempt's token. */
function hookContext(op: Operation, rec: ResourceRecord, plugin: ResourcePlugin, properties: Record<string, unknown>, signal: AbortSignal): HookContext {
  return contextFor(op, rec, plugin, properties, signal, clientTokenOf(rec));
}

/**
 * Fails `rec`, left IN_PROGRESS by a crashed engine, without running its hooks again (the stack's
 * timeout passed before another engine took it over): "<ACTION> aborted", as a timeout leaves a
 * resource that was running, and its attempt ends.
 */
export async function abortUnfinished(op: Operation, rec: ResourceRecord): Promise<void> {
  delete rec.data[ATTEMPT_KEY];
  await op.setResource(rec, rec.action, "FAILED", `${rec.action} aborted`);
}

/**
 * Runs `body` between the IN_PROGRESS and COMPLETE/FAILED transitions of `rec`; with `drop`, the
 * COMPLETE is stored with the removal of the record (a delete).
 */
export async function transition(op: Operation, rec: ResourceRecord, action: Action, signal: AbortSignal, body: () => Promise<string | void>, drop = false): Promise<void> {
  beginAttempt(op, rec, action);
  await op.setResource(rec, action, "IN_PROGRESS", "state changed");
  let reason: string | void;
  try {
    reason = await body();
  } catch (error) {
    delete rec.data[ATTEMPT_KEY];
    throw await failResource(op, rec, action, error, signal);
  }
  delete rec.data[ATTEMPT_KEY];
  if (drop) await op.dropResource(rec, action, reason || "state changed");
  else await op.setResource(rec, action, "COMPLETE", reason || "state changed");
}

/**
 * Resolves a compiled resource's properties against live state and lets the plugin validate them; a
 * group's size read at run time is held to the limit here, before its plugin lists any member.
 */
export async function resolvedProperties(op: Operation, name: string, plugin: ResourcePlugin, signal: AbortSignal): Promise<Record<string, unknown>> {
  const compiled = op.compiled!;
  const props = await resolveLive(op, (view) => compiled.resolveProperties(name, view), signal);
  plugin.handlers.validate?.(props);
  checkMemberCount(op.core, plugin, props);
  return props;
}

/** Creates `rec` (a fresh or INIT copy of `res`) and makes it the current copy of its name. */
export async function createResource(op: Operation, res: CompiledResource, rec: ResourceRecord, signal: AbortSignal): Promise<void> {
  const plugin = op.pluginFor(res);
  rec.type = res.type;
  rec.region = res.region;
  op.records.set(res.name, rec);
  await transition(op, rec, "CREATE", signal, async () => {
    rec.properties = await resolvedProperties(op, res.name, plugin, signal);
    const h = plugin.handlers;
    await runHook(op, hookContext(op, rec, plugin, rec.properties, signal), h.create, h.checkCreateComplete, signal);
  });
}

/**
 * Updates `rec` in place with the plugin's update hook. The record keeps its old properties until the
 * hook is done, so an engine taking over a half-done update finds the same change to make.
 */
export async function updateResource(op: Operation, rec: ResourceRecord, plugin: ResourcePlugin, change: PropertyChange, signal: AbortSignal): Promise<void> {
  await transition(op, rec, "UPDATE", signal, async () => {
    op.forgetAttributes(rec);
    const h = plugin.handlers;
    const hc = hookContext(op, rec, plugin, change.after, signal);
    await runHook(op, hc, h.update && ((ctx) => h.update!(ctx, change)), h.checkUpdateComplete, signal);
    rec.properties = change.after;
  });
}

/** Whether a record ever reached its plugin (an INIT record is only a placeholder). */
export function wasStarted(rec: ResourceRecord): boolean {
  return rec.action !== "INIT";
}

/**
 * Deletes a resource (Retain keeps the physical resource) and drops its record with its
 * DELETE_COMPLETE, in one commit. A record never started is dropped without events, as Heat does.
 */
export async function deleteResource(op: Operation, rec: ResourceRecord, policy: CompiledResource["deletionPolicy"], signal: AbortSignal): Promise<void> {
  if (wasStarted(rec)) {
    const remove = async () => {
      if (policy === "Retain") return "Retained: the physical resource is kept";
      if (!rec.physicalId && !rec.nestedStackId) return;
      const plugin = op.pluginOf(rec);
      const h = plugin.handlers;
      await runHook(op, hookContext(op, rec, plugin, rec.properties, signal), h.delete, h.checkDeleteComplete, signal);
    };
    await transition(op, rec, "DELETE", signal, remove, true);
  } else await op.core.store.deleteResource(rec.id);
  if (op.records.get(rec.name) === rec) op.records.delete(rec.name);
  op.retired = op.retired.filter((r) => r !== rec);
}

/** SUSPEND, RESUME or CHECK of one resource; a plugin without the hook completes at once. */
export async function simpleAction(op: Operation, rec: ResourceRecord, action: "SUSPEND" | "RESUME" | "CHECK", signal: AbortSignal): Promise<void> {
  const plugin = op.pluginOf(rec);
  const h = plugin.handlers;
  await transition(op, rec, action, signal, async () => {
    const hc = hookContext(op, rec, plugin, rec.properties, signal);
    if (action === "SUSPEND") await runHook(op, hc, h.suspend, h.checkSuspendComplete, signal);
    else if (action === "RESUME") await runHook(op, hc, h.resume, h.checkResumeComplete, signal);
    else if (!h.check) return `CHECK not supported for ${rec.type}`;
    else {
      try {
        await h.check(hc.ctx);
      } finally {
        await hc.flush();
      }
    }
    if (action === "CHECK") rec.unhealthy = false;
  });
}
