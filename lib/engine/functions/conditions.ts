/**
 * Condition functions (equals, not, and, or, contains) and the `if` macro, which picks a branch
 * at parse time so that only the chosen branch is validated and creates dependencies.
 */
import { pyContains, pyEquals } from "./python";
import { FnCall, FunctionError, OMIT, type FunctionSpec, type Path, type ResolveContext } from "./types";

/** A condition operand: a literal boolean, a condition name, or a nested condition function. */
function conditionValue(v: unknown, ctx: ResolveContext, path: Path): boolean {
  const r = v instanceof FnCall ? ctx.resolve(v) : v;
  if (typeof r === "boolean") return r;
  return ctx.condition(r as string, path);
}

/** equals: [a, b] compared as Python does. */
export const equals: FunctionSpec = {
  kind: "equals",
  check(args, call) {
    if (!Array.isArray(args) || args.length !== 2) {
      throw new FunctionError(`Arguments to "${call.name}" must be of the form: [value_1, value_2]`, call.path);
    }
  },
  resolve(call, ctx) {
    const [a, b] = call.args as unknown[];
    return pyEquals(ctx.resolve(a), ctx.resolve(b));
  },
};

/** not: negates one condition. */
export const not: FunctionSpec = {
  kind: "not",
  check(args, call) {
    if (args === null || args === undefined) throw new FunctionError(`Argument to "${call.name}" must be a condition`, call.path);
  },
  resolve: (call, ctx) => !conditionValue(call.args, ctx, call.path),
};

function booleanOp(kind: "and" | "or"): FunctionSpec {
  return {
    kind,
    check(args, call) {
      if (!Array.isArray(args)) throw new FunctionError(`Arguments to "${call.name}" must be a list of conditions`, call.path);
      if (args.length < 2) throw new FunctionError(`The minimum number of condition arguments to "${call.name}" is 2.`, call.path);
    },
    resolve(call, ctx) {
      const items = call.args as unknown[];
      return kind === "and"
        ? items.every((c) => conditionValue(c, ctx, call.path))
        : items.some((c) => conditionValue(c, ctx, call.path));
    },
  };
}

/** and: every condition holds. */
export const and = booleanOp("and");
/** or: some condition holds. */
export const or = booleanOp("or");

/** contains: [value, sequence]. */
export const contains: FunctionSpec = {
  kind: "contains",
  check(args, call) {
    if (!Array.isArray(args) || args.length === 0) {
      throw new FunctionError(
        `Incorrect arguments to "${call.name}" should be: "${call.name}" : [ "value1", [ "value1", "value2"]]`,
        call.path,
      );
    }
    if (args.length !== 2) {
      throw new FunctionError(`Arguments to "${call.name}" must be of the form: [value1, [value1, value2]]`, call.path);
    }
  },
  resolve(call, ctx) {
    const [v, s] = call.args as unknown[];
    const value = ctx.resolve(v);
    const seq = ctx.resolve(s);
    if (typeof seq !== "string" && !Array.isArray(seq)) {
      throw new FunctionError(`Second argument to "${call.name}" should be a sequence.`, call.path);
    }
    return pyContains(seq, value);
  },
};

/** if: [condition, value_if_true, value_if_false]; `nullable` allows leaving out the false value (2021-04-16). */
export function ifMacro(kind: string, nullable: boolean): FunctionSpec {
  return {
    kind,
    macro(raw, call, tools, ctx) {
      const form = `Arguments to "${call.name}" must be of the form: [condition_name, value_if_true, value_if_false]`;
      if (!Array.isArray(raw) || raw.length === 0) throw new FunctionError(form, call.path);
      if (!(raw.length === 3 || (nullable && raw.length === 2))) throw new FunctionError(form, call.path);
      const cond = tools.parseCondition(raw[0], [...call.path, 0]);
      const chosen = conditionValue(ctx.resolve(cond), ctx, call.path) ? raw[1] : raw.length === 3 ? raw[2] : OMIT;
      return chosen === OMIT ? OMIT : tools.parse(chosen, call.path);
    },
    resolve: () => {
      throw new Error("if is expanded at parse time");
    },
  };
}

/** Functions valid in the version but not inside conditions (Heat's Invalid). */
export const invalidInCondition: FunctionSpec = {
  kind: "invalid-in-condition",
  check(_args, call) {
    throw new FunctionError(`The function "${call.name}" is invalid in this context`, call.path);
  },
  resolve: () => undefined,
};
