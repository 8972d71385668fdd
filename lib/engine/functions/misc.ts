/**
 * The odd ones out: removed functions (an error in newer versions), yaql (not supported by
 * Hearth), CFN-era functions of 2013-05-23 templates, and functions Hearth parses but cannot
 * resolve (Fn::GetAZs, resource_facade ...).
 */
import { pyRepr } from "./python";
import { joinWithin, splitCount } from "./strings";
import { FunctionError, isMapping, type FunctionSpec } from "./types";

/** A function of an older version that this version removed: using it is an error. */
export const removed: FunctionSpec = {
  kind: "removed",
  validate(call) {
    throw new FunctionError(
      `The template version is invalid: The function ${call.name} is not supported in this version of HOT.`,
      call.path,
      "function.version",
    );
  },
  resolve(call) {
    throw new FunctionError(`The function ${call.name} is not supported in this version of HOT.`, call.path, "function.version");
  },
};

/** yaql: Hearth does not embed a YAQL interpreter; the argument shape is still checked as Heat does. */
export const yaql: FunctionSpec = {
  kind: "yaql",
  check(args, call) {
    const ok = isMapping(args) && "expression" in args && Object.keys(args).every((k) => k === "expression" || k === "data");
    if (!ok) {
      throw new FunctionError(
        `"${call.name}" syntax should be ${call.name}:\n  expression: $.data.var1.sum()\n  data:\n    var1: [3, 2, 1]`,
        call.path,
      );
    }
  },
  validate(call) {
    throw new FunctionError(`The function "${call.name}" (YAQL expressions) is not supported by Hearth`, call.path, "function.unsupported");
  },
  resolve(call) {
    throw new FunctionError(`The function "${call.name}" (YAQL expressions) is not supported by Hearth`, call.path, "function.unsupported");
  },
};

/** A function Hearth accepts in templates but cannot compute. */
export function unsupported(kind: string): FunctionSpec {
  return {
    kind,
    resolve(call) {
      throw new FunctionError(`The function "${call.name}" is not supported by Hearth`, call.path, "function.unsupported");
    },
  };
}

/** resource_facade (provider templates): the argument is checked; the value needs the facade resource. */
export const resourceFacade: FunctionSpec = {
  ...unsupported("resource_facade"),
  check(args, call) {
    const allowed = ["metadata", "deletion_policy", "update_policy"];
    if (typeof args !== "string" || !allowed.includes(args)) {
      throw new FunctionError(`Incorrect arguments to "${call.name}" should be one of: ${allowed.join(", ")}`, call.path);
    }
  },
};

/** Fn::Join: [delimiter, [strings]]. */
export const cfnJoin: FunctionSpec = {
  kind: "Fn::Join",
  check(args, call) {
    if (!Array.isArray(args) || args.length !== 2) {
      throw new FunctionError(`Incorrect arguments to "${call.name}" should be: {"${call.name}" : [ " ", [ "str1", "str2"]]}`, call.path);
    }
  },
  resolve(call, ctx) {
    const [delim, strings] = ctx.resolve(call.args) as unknown[];
    if (typeof delim !== "string") throw new FunctionError(`"${call.name}" delimiter must be a string`, call.path);
    if (!Array.isArray(strings ?? [])) throw new FunctionError(`"${call.name}" must operate on a list`, call.path);
    const items = ((strings ?? []) as unknown[]).map((s) => {
      if (s === null || s === undefined) return "";
      if (typeof s !== "string") throw new FunctionError(`Items to join must be strings not ${pyRepr(s).slice(0, 200)}`, call.path);
      return s;
    });
    return joinWithin(items, delim, call, ctx.budget);
  },
};

/** Fn::Split: [delimiter, string]. */
export const cfnSplit: FunctionSpec = {
  kind: "Fn::Split",
  check(args, call) {
    if (!Array.isArray(args) || args.length !== 2) {
      throw new FunctionError(`Incorrect arguments to "${call.name}" should be: {"${call.name}" : [ ",", "str1,str2"]}`, call.path);
    }
  },
  resolve(call, ctx) {
    const [delim, s] = ctx.resolve(call.args) as unknown[];
    if (typeof delim !== "string" || typeof s !== "string") throw new FunctionError(`"${call.name}" arguments must be strings`, call.path);
    ctx.budget.list(splitCount(s, delim), call.path);
    return s.split(delim);
  },
};

/** Fn::Base64: the value unchanged (Heat does not encode either). */
export const cfnBase64: FunctionSpec = {
  kind: "Fn::Base64",
  resolve(call, ctx) {
    const v = ctx.resolve(call.args);
    if (typeof v !== "string") throw new FunctionError(`Arguments to "${call.name}" not fully resolved`, call.path);
    return v;
  },
};
