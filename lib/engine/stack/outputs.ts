/**
 * A stack's outputs, computed when they are read from its stored template and its resources' current
 * state, as Heat does when a stack is shown: nothing is stored, so a signal, failover, replacement,
 * update or recovery shows at once. One read loads the stack's resources once (no read per output);
 * an output that cannot be resolved carries its error (Heat's output_error) and the others still resolve.
 */
import { notFound } from "../errors";
import type { OutputQuery, StackOutput } from "./api";
import type { EngineCore } from "./core";
import { compileStored } from "./definition";
import { liveOperation } from "./reads";
import { resolveLive } from "./runtime";

/** The outputs of a stack, computed from its resources' current attributes. */
export async function readOutputs(core: EngineCore, stackId: string, query: OutputQuery = {}): Promise<StackOutput[]> {
  const stack = await core.store.getStack(stackId);
  if (!stack) throw notFound(`The Stack (${stackId})`);
  if (stack.deletedAt) return [];
  const compiled = compileStored(core, stack);
  if (!compiled) throw new Error(`The template of stack ${stack.name} no longer compiles, so its outputs cannot be computed`);
  const wanted = Object.values(compiled.outputs).filter((o) => query.key === undefined || o.name === query.key);
  if (query.resolve === false || wanted.length === 0) return wanted.map((o) => ({ key: o.name, description: o.description }));
  const op = await liveOperation(core, stack);
  op.compiled = compiled;
  const out: StackOutput[] = [];
  for (const o of wanted) {
    try {
      const resolved = await resolveLive(op, (view) => compiled.resolveOutput(o.name, view));
      out.push({ key: o.name, description: o.description, ...resolved });
    } catch (error) {
      out.push({ key: o.name, description: o.description, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return out;
}

/** A stack's outputs as a nested view carries them (NestedStackView): the values, and why each one that failed did. */
export async function readOutputMaps(core: EngineCore, stackId: string): Promise<{ outputs: Record<string, unknown>; outputErrors: Record<string, string> }> {
  const outputs: Record<string, unknown> = {};
  const outputErrors: Record<string, string> = {};
  for (const o of await readOutputs(core, stackId)) {
    if (o.error !== undefined) outputErrors[o.key] = o.error;
    else outputs[o.key] = o.value;
  }
  return { outputs, outputErrors };
}
