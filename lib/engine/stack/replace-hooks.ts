/**
 * The plugin hooks around a make-before-break replacement (Heat's prepare_for_replace and
 * restore_prev_rsrc): the old copy frees what its replacement must take (a server's pre-created
 * ports) before the new copy is created, and takes it back when a rollback swaps the old copy in.
 * Both run outside any state transition (the old copy keeps its state); what they did is told by the
 * plugin's notes, events of the old copy. A failure fails the old copy's UPDATE.
 */
import type { ResourceContext } from "../resources/types";
import type { ResourceRecord } from "../ports";
import { failResource } from "./resource-ops";
import type { Operation } from "./operation";
import { contextFor } from "./runtime";

/** Runs the old copy's prepareForReplace hook, if its type has one, before its replacement is created. */
export async function prepareForReplace(op: Operation, old: ResourceRecord, signal: AbortSignal): Promise<void> {
  const hook = op.pluginOf(old).handlers.prepareForReplace;
  if (hook) await onOldCopy(op, old, signal, (ctx) => hook(ctx));
}

/** Runs the old copy's restoreAfterFailedReplace hook, if its type has one, before the rollback swaps it back in. */
export async function restoreAfterFailedReplace(op: Operation, old: ResourceRecord, replacement: ResourceRecord, signal: AbortSignal): Promise<void> {
  const hook = op.pluginOf(old).handlers.restoreAfterFailedReplace;
  if (hook) await onOldCopy(op, old, signal, (ctx) => hook(ctx, replacement.physicalId ?? undefined));
}

async function onOldCopy(op: Operation, old: ResourceRecord, signal: AbortSignal, body: (ctx: ResourceContext) => Promise<void>): Promise<void> {
  if (!old.physicalId) return;
  const hc = contextFor(op, old, op.pluginOf(old), old.properties, signal);
  try {
    await body(hc.ctx);
    await hc.flush();
  } catch (error) {
    await hc.flush().catch(() => undefined);
    throw await failResource(op, old, "UPDATE", error, signal);
  }
}
