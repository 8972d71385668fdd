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
import { Operation } from "./operation";
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
  const op = await Operation.load(core, stack, true);
  op.compiled = compiled;
  // attributes cached on the stored records may predate a failover or a recovery: read them afresh (a read-only op never saves)
  for (const rec of op.records.values()) rec.attributes = {};
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
