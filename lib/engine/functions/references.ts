/**
 * Functions that read the stack: get_param, get_resource, get_attr (three generations of
 * argument forms), get_file, and the CFN-era Ref of 2013-05-23 templates.
 */
import { FnCall, FunctionError, isMapping, type FunctionSpec, type Path, type ResolveContext } from "./types";

const msg = {
  noArgs: (fn: string) => `Function "${fn}" must have arguments`,
};

/** Walks a get_param path: missing keys or bad indexes give "" as in Heat. */
function selectPath(value: unknown, path: unknown[], fn: string, at: Path): unknown {
  let cur = value;
  for (const key of path) {
    if (typeof cur !== "object" || cur === null) {
      if (typeof cur === "string") return "";
      throw new FunctionError(`"${fn}" can't traverse path`, at);
    }
    if (typeof key !== "string" && typeof key !== "number") {
      throw new FunctionError(`Path components in "${fn}" must be strings`, at);
    }
    if (Array.isArray(cur)) {
      const idx = typeof key === "number" ? key : Number(key);
      if (!/^-?\d+$/.test(String(key).trim())) {
        throw new FunctionError(`Path components in '${fn}' must be a string that can be parsed into an integer.`, at);
      }
      const i = idx < 0 ? cur.length + idx : idx;
      if (i < 0 || i >= cur.length) return "";
      cur = cur[i];
    } else {
      if (!(String(key) in (cur as object))) return "";
      cur = (cur as Record<string, unknown>)[String(key)];
    }
  }
  return cur;
}

/** get_param: a parameter value, optionally with a path into json / list values. */
export const getParam: FunctionSpec = {
  kind: "get_param",
  resolve(call, ctx) {
    const args = ctx.resolve(call.args);
    if (args === null || args === undefined || args === "" || (Array.isArray(args) && args.length === 0)) {
      throw new FunctionError(msg.noArgs(call.name), call.path);
    }
    let name: unknown;
    let rest: unknown[] = [];
    if (typeof args === "string") name = args;
    else if (Array.isArray(args)) [name, ...rest] = args;
    else throw new FunctionError(`Argument to "${call.name}" must be string or list`, call.path);
    if (typeof name !== "string") throw new FunctionError(`Parameter name in "${call.name}" must be string`, call.path);
    const p = ctx.param(name);
    if (!p.found) {
      throw new FunctionError(`The Parameter (${name}) was not provided.`, call.path, "reference.parameter");
    }
    return selectPath(p.value, rest, call.name, call.path);
  },
};

/** The resource name argument of get_resource / get_attr, resolved (it may be a get_param). */
function resourceName(arg: unknown, ctx: ResolveContext): unknown {
  return arg instanceof FnCall ? ctx.resolve(arg) : arg;
}

function checkResource(name: unknown, ctx: ResolveContext, path: Path): string {
  if (typeof name !== "string" || !ctx.hasResource(name)) {
    throw new FunctionError(
      `The specified reference "${String(name)}" (in ${path.slice(0, -1).join(".") || "unknown"}) is incorrect.`,
      path,
      "reference.resource",
    );
  }
  return name;
}

/** A list or map cannot name a resource (Heat fails on it even where it forgives unknown names). */
function checkNameShape(arg: unknown, call: { name: string; path: Path }): void {
  if (Array.isArray(arg) || isMapping(arg)) {
    throw new FunctionError(`The resource name given to "${call.name}" must be a string, not a ${Array.isArray(arg) ? "list" : "map"}`, call.path);
  }
}

/** get_resource: the reference id of a resource. */
export const getResource: FunctionSpec = {
  kind: "get_resource",
  check: (args, call) => checkNameShape(args, call),
  references: (call, ctx) => [checkResource(resourceName(call.args, ctx), ctx, call.path)],
  resolve(call, ctx) {
    const name = checkResource(resourceName(call.args, ctx), ctx, call.path);
    return ctx.runtime?.referenceId(name) ?? null;
  },
};

/** The parsed form of get_attr arguments. */
interface AttrArgs {
  resource: unknown;
  attribute: unknown;
  path: unknown[];
}

function attrArgs(call: { args: unknown; name: string; path: Path }, allowAll: boolean): AttrArgs {
  const a = call.args;
  if (allowAll) {
    if (a === null || a === undefined || a === "" || (Array.isArray(a) && a.length === 0) || (isMapping(a) && Object.keys(a).length === 0)) {
      throw new FunctionError(
        `Arguments to "${call.name}" can be of the next forms: [resource_name] or [resource_name, attribute, (path), ...]`,
        call.path,
      );
    }
    if (Array.isArray(a) && a.length === 1) return { resource: a[0], attribute: undefined, path: [] };
    // Heat treats a string as a sequence: a one-character string names a resource.
    if (typeof a === "string" && a.length === 1) return { resource: a, attribute: undefined, path: [] };
  }
  if (!Array.isArray(a)) throw new FunctionError(`Argument to "${call.name}" must be a list`, call.path);
  if (a.length < 2) {
    throw new FunctionError(`Arguments to "${call.name}" must be of the form [resource_name, attribute, (path), ...]`, call.path);
  }
  // With the all-attributes form, a null attribute name also means "every attribute".
  return { resource: a[0], attribute: allowAll && a[1] === null ? undefined : a[1], path: a.slice(2) };
}

/** get_attr; `allowAll` = the one-argument form (2015-10-15 on) returning every attribute. */
export function getAttr(kind: string, allowAll: boolean): FunctionSpec {
  return {
    kind,
    check: (args, call) => checkNameShape(attrArgs({ ...call, args }, allowAll).resource, call),
    references: (call, ctx) => [checkResource(resourceName(attrArgs(call, allowAll).resource, ctx), ctx, call.path)],
    validate(call, ctx) {
      const a = attrArgs(call, allowAll);
      const res = checkResource(resourceName(a.resource, ctx), ctx, call.path);
      if (a.attribute === undefined) return;
      const attr = a.attribute instanceof FnCall ? ctx.resolve(a.attribute) : a.attribute;
      const known = ctx.attributesOf(res);
      if (known && !known.includes(String(attr))) {
        throw new FunctionError(`The Referenced Attribute (${res} ${String(attr)}) is incorrect.`, call.path, "reference.attribute");
      }
    },
    resolve(call, ctx) {
      const a = attrArgs(call, allowAll);
      const res = checkResource(resourceName(a.resource, ctx), ctx, call.path);
      if (!ctx.runtime) return null;
      if (a.attribute === undefined) return ctx.runtime.allAttributes(res);
      const attr = ctx.resolve(a.attribute);
      const path = ctx.resolve(a.path) as (string | number)[];
      return ctx.runtime.attribute(res, String(attr), path) ?? null;
    },
  };
}

/** get_file: contents from the files map. */
export const getFile: FunctionSpec = {
  kind: "get_file",
  validate(call, ctx) {
    // The client gathers get_file contents before Heat sees the template: a missing literal file fails early.
    if (typeof call.args === "string" && ctx.files[call.args] === undefined) {
      throw new FunctionError(`Could not fetch contents for ${call.args}: it is not in the files map`, call.path, "reference.file");
    }
  },
  resolve(call, ctx) {
    const key = ctx.resolve(call.args);
    if (typeof key !== "string") throw new FunctionError(`Argument to "${call.name}" must be a string`, call.path);
    const f = ctx.files[key];
    if (f === undefined) {
      throw new FunctionError(`No content found in the "files" section for ${call.name} path: ${key}`, call.path, "reference.file");
    }
    return f;
  },
};

/** Ref (2013-05-23): a parameter value or a resource's reference id. */
export const cfnRef: FunctionSpec = {
  kind: "Ref",
  references: (call, ctx) => {
    const n = resourceName(call.args, ctx);
    return typeof n === "string" && ctx.hasResource(n) ? [n] : [];
  },
  resolve(call, ctx) {
    const n = resourceName(call.args, ctx);
    if (typeof n === "string" && ctx.hasResource(n)) return ctx.runtime?.referenceId(n) ?? null;
    const p = typeof n === "string" ? ctx.param(n) : { found: false };
    if (!p.found) throw new FunctionError(`The specified reference "${String(n)}" (in unknown) is incorrect.`, call.path, "reference.resource");
    return p.value;
  },
};
