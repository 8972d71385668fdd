/**
 * A fake NestedStackOps for plugin tests: records every call, "creates" a nested stack by reading the
 * resource names of a JSON template (ref id "<stack>/<name>", attribute "<name>.<attr>[.<path>]"), and
 * can be told to fail.
 */
import type { NestedStackInput, NestedStackOps, NestedStackView } from "../ports";

/** A recorded call. */
export interface NestedCall {
  op: keyof NestedStackOps;
  stackId?: string;
  input?: NestedStackInput;
}

/** The fake plus what it saw. */
export interface FakeNested extends NestedStackOps {
  calls: NestedCall[];
  stacks: Map<string, NestedStackView & { input: NestedStackInput }>;
  /** The next create/update fails with this reason. */
  failNext(reason: string): void;
}

/** Builds a fake NestedStackOps (see FakeNested). */
export function createFakeNested(outputs: Record<string, unknown> = {}): FakeNested {
  const calls: NestedCall[] = [];
  const stacks: FakeNested["stacks"] = new Map();
  let failure: string | undefined;
  let next = 0;
  const build = (id: string, input: NestedStackInput, action: string) => {
    const names = Object.keys((JSON.parse(input.template) as { resources?: object }).resources ?? {});
    const view = {
      id,
      name: `nested-${id}`,
      input,
      status: failure ? `${action}_FAILED` : `${action}_COMPLETE`,
      statusReason: failure ?? "",
      outputs,
      resourceRefs: Object.fromEntries(names.map((n) => [n, `${id}/${n}`])),
      attribute: async (res: string, name: string, path: (string | number)[] = []) =>
        [res, name, ...path].join("."),
    };
    failure = undefined;
    stacks.set(id, view);
    return view;
  };
  const need = (id: string) => {
    const s = stacks.get(id);
    if (!s) throw new Error(`Stack ${id} not found`);
    return s;
  };
  return {
    calls,
    stacks,
    failNext(reason) {
      failure = reason;
    },
    async create(input) {
      calls.push({ op: "create", input });
      return build(`nested-${++next}`, input, "CREATE");
    },
    async update(stackId, input) {
      calls.push({ op: "update", stackId, input });
      need(stackId);
      return build(stackId, input, "UPDATE");
    },
    async delete(stackId) {
      calls.push({ op: "delete", stackId });
      need(stackId);
      stacks.delete(stackId);
    },
    async get(stackId) {
      calls.push({ op: "get", stackId });
      return stacks.get(stackId);
    },
    async suspend(stackId) {
      calls.push({ op: "suspend", stackId });
    },
    async resume(stackId) {
      calls.push({ op: "resume", stackId });
    },
    async check(stackId) {
      calls.push({ op: "check", stackId });
      need(stackId);
    },
  };
}
