/**
 * Commands on one resource outside a stack operation: signal (handlers.signal, with Heat's SIGNAL
 * event) and mark-unhealthy (CHECK_FAILED with the reason; the next update replaces the resource).
 * A signal reaches the live record of an operation running in this engine (a WaitCondition's handle
 * is signalled while the create waits for it). Signals to one resource are handled one at a time, in
 * this engine and across engines (signal-lease.ts): a signal arriving while an earlier one is handled is
 * reported (SIGNAL IN_PROGRESS "queued") and waits.
 */
import { ValidationError } from "../diagnostics";
import { busyStack, EngineError, conflict, notFound } from "../errors";
import { CloudError } from "../ports";
import type { EngineCore } from "./core";
import { compileStored } from "./definition";
import { liveStack } from "./load";
import { Operation } from "./operation";
import type { ResourceRecord } from "../ports";
import type { ResourcePlugin } from "../resources/types";
import { pauseWhileSettling, settleDeadline } from "./run";
import { contextFor } from "./runtime";
import { signalLeaseKey, takeSignalLease } from "./signal-lease";

/** Heat's SIGNAL event reason for the details a signal carried. */
export function signalReason(details: unknown): string {
  if (details === undefined || details === null) return "No signal details provided";
  if (typeof details === "object") {
    const d = details as Record<string, unknown>;
    const text = d.reason ?? d.status_reason ?? d.deploy_status_reason;
    if (typeof text === "string") return `Signal: ${text}`;
  }
  const text = typeof details === "string" ? details : JSON.stringify(details);
  return `Signal: ${text.length > 200 ? `${text.slice(0, 197)}...` : text}`;
}

async function findResource(core: EngineCore, stackId: string, name: string): Promise<{ op: Operation; rec: ResourceRecord; live: boolean }> {
  const stack = await liveStack(core, stackId);
  const live = core.running.get(stackId)?.operation();
  const op = live ?? (await Operation.load(core, stack));
  if (!live) op.compiled = compileStored(core, stack);
  const rec = op.records.get(name);
  if (!rec) throw notFound(`The Resource (${name}) in stack ${stack.name}`);
  return { op, rec, live: !!live };
}

/** Delivers a signal to a resource, after any signal to it still being handled in this engine. */
export function signalResource(core: EngineCore, stackId: string, name: string, details: unknown): Promise<void> {
  const key = `${stackId}/${name}`;
  const earlier = core.signalQueues.get(key);
  const mine = earlier ? queued(core, stackId, name, earlier).then(() => deliver(core, stackId, name, details)) : deliver(core, stackId, name, details);
  const tail = mine.catch(() => undefined);
  core.signalQueues.set(key, tail);
  void tail.then(() => {
    if (core.signalQueues.get(key) === tail) core.signalQueues.delete(key);
  });
  return mine;
}

/** Reports that a signal waits for an earlier one, then waits for it. */
async function queued(core: EngineCore, stackId: string, name: string, earlier: Promise<void>): Promise<void> {
  const { op, rec } = await findResource(core, stackId, name);
  await op.resourceEvent(rec, "SIGNAL", "IN_PROGRESS", "Signal queued: an earlier signal to this resource is still being handled");
  await earlier;
}

async function deliver(core: EngineCore, stackId: string, name: string, details: unknown): Promise<void> {
  const found = await findResource(core, stackId, name);
  signalHook(found.op, found.rec); // refused before it waits for anything
  const lease = await takeSignalLease(core, signalLeaseKey(stackId, name), (holder) =>
    found.op.resourceEvent(found.rec, "SIGNAL", "IN_PROGRESS", `Signal queued: an earlier signal to this resource is being handled by ${holder}`),
  );
  try {
    // read again: the engine that held the lease may have changed the resource
    await handle(await findResource(core, stackId, name), details, lease.lost);
  } finally {
    await lease.release();
  }
}

/** The resource's signal handler; BadRequest when its type takes no signals. */
function signalHook(op: Operation, rec: ResourceRecord): NonNullable<ResourcePlugin["handlers"]["signal"]> {
  const hook = op.pluginOf(rec).handlers.signal;
  if (!hook) throw new EngineError("BadRequest", `Resource ${rec.name} (${rec.type}) does not accept signals`);
  return hook;
}

/**
 * Runs the hook and records its outcome. A hook whose lease was lost meanwhile (this engine stalled past
 * it, and a peer may be carrying its work on) records nothing more: its state and outcome are the peer's.
 */
async function handle({ op, rec }: { op: Operation; rec: ResourceRecord }, details: unknown, lost: AbortSignal): Promise<void> {
  const plugin = op.pluginOf(rec);
  const hook = signalHook(op, rec);
  const hc = contextFor(op, rec, plugin, rec.properties, AbortSignal.any([op.signal, lost]));
  const leaseLost = () => conflict(`Signal to ${rec.name} stopped: ${(lost.reason as Error).message}`);
  try {
    await hook(hc.ctx, details);
  } catch (error) {
    if (lost.aborted) throw leaseLost();
    // as Heat: the failure is an event of the resource too, after what the hook noted on its way
    await hc.flush();
    await op.resourceEvent(rec, "SIGNAL", "FAILED", `Signal failed: ${error instanceof Error ? error.message : String(error)}`);
    throw typedSignalError(error);
  }
  if (lost.aborted) throw leaseLost();
  await hc.flush();
  await op.resourceEvent(rec, "SIGNAL", rec.status === "FAILED" ? "FAILED" : "COMPLETE", signalReason(details));
}

/**
 * A plugin's failure to handle a signal as it leaves the engine: typed errors pass, any other is an
 * EngineError "Internal" with the same message (Heat answers a ResourceFailure in a signal with a 500).
 */
function typedSignalError(error: unknown): unknown {
  if (error instanceof EngineError || error instanceof CloudError || error instanceof ValidationError) return error;
  return new EngineError("Internal", error instanceof Error ? error.message : String(error), { cause: error });
}

/** Marks a resource unhealthy (CHECK_FAILED) or healthy again (CHECK_COMPLETE), as Heat's mark-unhealthy. */
export async function markResourceUnhealthy(core: EngineCore, stackId: string, name: string, unhealthy: boolean, reason?: string): Promise<void> {
  const deadline = settleDeadline(core);
  for (;;) {
    const { op, rec, live } = await findResource(core, stackId, name);
    const lock = live ? { owner: core.owner, expiresAt: Infinity } : await core.store.getLock(stackId);
    if (!lock || lock.expiresAt <= core.clock.now()) return setHealth(op, rec, unhealthy, reason);
    if (!(await pauseWhileSettling(core, stackId, core.running.get(stackId), deadline))) {
      throw busyStack(op.stack, lock.owner);
    }
  }
}

async function setHealth(op: Operation, rec: ResourceRecord, unhealthy: boolean, reason?: string): Promise<void> {
  if (!unhealthy && !rec.unhealthy) return;
  rec.unhealthy = unhealthy;
  await op.setResource(rec, "CHECK", unhealthy ? "FAILED" : "COMPLETE", reason ?? (unhealthy ? "Marked unhealthy" : "Marked healthy"));
}
