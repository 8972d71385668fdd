/**
 * CHECK, SUSPEND and RESUME of a whole stack: one hook per resource, suspend in reverse dependency
 * order, check and resume forward. Resources never created are left alone.
 */
import { EngineError } from "../errors";
import type { OperationHandle } from "./api";
import type { EngineCore } from "./core";
import { compileStored } from "./definition";
import { liveStack } from "./load";
import type { Operation } from "./operation";
import type { ResourceRecord } from "../ports";
import { simpleAction, wasStarted } from "./resource-ops";
import { startOperation, type StartOptions } from "./run";
import { graphFor, walkStack } from "./stack-walk";

/** The stack actions run by this module. */
export type SimpleStackAction = "CHECK" | "SUSPEND" | "RESUME";

/** Starts a CHECK, SUSPEND or RESUME of a stack. */
export async function runStackAction(core: EngineCore, stackId: string, action: SimpleStackAction, options: StartOptions = {}): Promise<OperationHandle> {
  const stack = await liveStack(core, stackId);
  if (action === "RESUME" && stack.action !== "SUSPEND") {
    throw new EngineError("BadRequest", `Stack ${stack.name} cannot be resumed: it is ${stack.action}_${stack.status}, not suspended`);
  }
  const { done } = await startOperation(core, stack, (op) => run(op, action), options);
  return { stackId, done };
}

async function run(op: Operation, action: SimpleStackAction): Promise<void> {
  await op.setStack(action, "IN_PROGRESS", `Stack ${action} started`);
  await continueStackAction(op, action, false);
}

/**
 * Runs `action` on every resource ever created and completes the stack. `resumed`: an engine takes
 * over the action from a crashed one, so resources that already completed it are skipped.
 */
export async function continueStackAction(op: Operation, action: SimpleStackAction, resumed: boolean): Promise<void> {
  op.compiled = compileStored(op.core, op.stack);
  const done = (r: ResourceRecord) => resumed && r.action === action && r.status === "COMPLETE";
  const started = [...op.records.values()].filter((r) => wasStarted(r) && !done(r));
  const byName = new Map(started.map((r) => [r.name, r]));
  const failure = await walkStack(op, graphFor(byName.keys(), op.compiled), action, (name, signal) => simpleAction(op, byName.get(name)!, action, signal), {
    reverse: action === "SUSPEND",
  });
  if (failure) return op.setStack(action, "FAILED", failure);
  await op.setStack(action, "COMPLETE", `Stack ${action} completed successfully`);
}
