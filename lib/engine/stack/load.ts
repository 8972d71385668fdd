/** Looking up stacks for an operation: NotFound for unknown or deleted ones. */
import { notFound } from "../errors";
import type { EngineCore } from "./core";
import type { StackRecord } from "../ports";

/** The live stack with this id; throws EngineError NotFound otherwise. */
export async function liveStack(core: EngineCore, stackId: string): Promise<StackRecord> {
  const stack = await core.store.getStack(stackId);
  if (!stack || stack.deletedAt) throw notFound(`The Stack (${stackId})`);
  return stack;
}
