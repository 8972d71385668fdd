/**
 * List and map functions: map_merge, map_replace, repeat (three generations), filter,
 * list_concat, list_concat_unique, and 2013-era Fn::Select.
 */
import { pyContains, pyEquals, pyJson } from "./python";
import { ITEM_COST } from "./budget";
import { FnCall, FunctionError, isMapping, type FunctionSpec } from "./types";

/** map_merge: later maps win. */
export const mapMerge: FunctionSpec = {
  kind: "map_merge",
  resolve(call, ctx) {
    const args = ctx.resolve(call.args);
    if (!Array.isArray(args)) {
      throw new FunctionError(
        `Incorrect arguments to "${call.name}" should be: "${call.name}" : [ { "key1": "val1" }, { "key2": "val2" } ]`,
        call.path,
      );
    }
    const maps = args.filter((m) => m !== null && m !== undefined);
    if (!maps.every(isMapping)) throw new FunctionError("Incorrect arguments: Items to merge must be maps.", call.path);
    ctx.budget.list(maps.reduce((n, m) => n + Object.keys(m).length, 0), call.path, "a map");
    return Object.assign({}, ...maps) as Record<string, unknown>;
  },
};

/** map_replace: rename keys and substitute values of a map. */
export const mapReplace: FunctionSpec = {
  kind: "map_replace",
  resolve(call, ctx) {
    const example = `"${call.name}" : [ { "key1": "val1" }, {"keys": {"key1": "key2"}, "values": {"val1": "val2"}}]`;
    const bad = () => new FunctionError(`Incorrect arguments to "${call.name}" should be: ${example}`, call.path);
    const ensureMap = (m: unknown): Record<string, unknown> => {
      if (m === null || m === undefined) return {};
      if (isMapping(m)) return m;
      throw new FunctionError(`Incorrect arguments: to "${call.name}", arguments must be a list of maps. Example:  ${example}`, call.path);
    };
    const args = ctx.resolve(call.args);
    if (!Array.isArray(args) || args.length !== 2) throw bad();
    const input = ensureMap(args[0]);
    const repl = ensureMap(args[1]);
    if (Object.keys(repl).some((k) => k !== "keys" && k !== "values")) throw bad();
    const keys = ensureMap(repl.keys ?? {});
    const values = ensureMap(repl.values ?? {});
    ctx.budget.list(Object.keys(input).length, call.path, "a map");
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(input)) {
      let key = keys[k] as unknown;
      if (key === undefined || key === null) key = k;
      else if (String(key) in input && key !== k) {
        throw new FunctionError(`key replacement ${String(key)} collides with a key in the input map`, call.path);
      } else if (String(key) in out) {
        throw new FunctionError(`key replacement ${String(key)} collides with a key in the output map`, call.path);
      }
      // Map keys are strings here, so only string values can match (Python keeps 1 and "1" apart).
      out[String(key)] = typeof v === "string" && Object.prototype.hasOwnProperty.call(values, v) ? values[v] : v;
    }
    return out;
  },
};

/** repeat; `maps`: for_each values may be maps (2016-10-14); `permutations`: the flag exists (2017-09-01). */
export function repeat(kind: string, opts: { maps: boolean; permutations: boolean }): FunctionSpec {
  const nestedOf = (args: Record<string, unknown>) => (opts.permutations ? args.permutations ?? true : true);
  return {
    kind,
    check(args, call) {
      if (!isMapping(args)) throw new FunctionError(`Arguments to "${call.name}" must be a map`, call.path);
      if (!("for_each" in args) || !("template" in args)) {
        throw new FunctionError(
          `"repeat" syntax should be repeat:\n  template: This is %var%\n  for_each:\n    %var%: ['a', 'b', 'c']`,
          call.path,
        );
      }
      if (typeof nestedOf(args) !== "boolean") {
        throw new FunctionError(`"permutations" should be boolean type for ${call.name} function.`, call.path);
      }
    },
    validate(call) {
      const fe = (call.args as Record<string, unknown>).for_each;
      if (!(fe instanceof FnCall) && !isMapping(fe)) {
        throw new FunctionError(`The "for_each" argument to "${call.name}" must contain a map`, call.path);
      }
    },
    resolve(call, ctx) {
      const args = call.args as Record<string, unknown>;
      const nested = nestedOf(args) as boolean;
      const forEach = ctx.resolve(args.for_each) as Record<string, unknown>;
      const keys = Object.keys(forEach);
      const lists: unknown[][] = [];
      const lens: number[] = [];
      for (const k of keys) {
        const v = forEach[k];
        if (v === null || v === undefined) {
          lists.push([]);
          continue;
        }
        const mapsOk = opts.maps && nested;
        if (!(Array.isArray(v) || (mapsOk && isMapping(v)))) {
          throw new FunctionError(
            `The values of the "for_each" argument to "${call.name}" must be ${mapsOk ? "lists or maps" : "lists"}`,
            call.path,
          );
        }
        const items = Array.isArray(v) ? v : Object.keys(v as object);
        lists.push(items);
        lens.push(items.length);
      }
      if (!nested && new Set(lens).size > 1) {
        throw new FunctionError(`For ${call.name}, the length of for_each values should be equal if no nested loop.`, call.path);
      }
      const template = ctx.resolve(args.template);
      // Sized before anything is built: the number of combinations, then a copy of the template each.
      const count = nested ? lists.reduce((n, l) => n * l.length, 1) : lists.length ? Math.min(...lists.map((l) => l.length)) : 1;
      ctx.budget.list(count, call.path);
      ctx.budget.work(count * (keys.length * ITEM_COST + ctx.budget.measure(template, call.path)), call.path);
      const combos = nested ? product(lists) : zip(lists);
      return combos.map((vals) => substitute(template, keys, vals, (length) => ctx.budget.string(length, call.path)));
    },
  };
}

function product(lists: unknown[][]): unknown[][] {
  return lists.reduce<unknown[][]>((acc, l) => acc.flatMap((c) => l.map((x) => [...c, x])), [[]]);
}

function zip(lists: unknown[][]): unknown[][] {
  if (lists.length === 0) return [[]];
  const n = Math.min(...lists.map((l) => l.length));
  return Array.from({ length: n }, (_, i) => lists.map((l) => l[i]));
}

/**
 * Replaces every key by its value in strings found anywhere in `t` (map keys too); `charge` is told
 * each new string's length before it is built.
 */
function substitute(t: unknown, keys: string[], values: unknown[], charge: (length: number) => void): unknown {
  if (typeof t === "string") {
    let s = t;
    keys.forEach((k, i) => {
      const v = values[i];
      if (typeof v !== "string") {
        if (s.includes(k)) throw new FunctionError(`repeat values must be strings, got ${pyJson(v)}`, []);
        return;
      }
      const parts = s.split(k);
      charge(s.length + (parts.length - 1) * (v.length - k.length));
      s = parts.join(v);
    });
    return s;
  }
  if (Array.isArray(t)) return t.map((x) => substitute(x, keys, values, charge));
  if (isMapping(t)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(t)) out[substitute(k, keys, values, charge) as string] = substitute(v, keys, values, charge);
    return out;
  }
  return t;
}

/** filter: the list without the given values. */
export const filter: FunctionSpec = {
  kind: "filter",
  check(args, call) {
    if (!Array.isArray(args)) throw new FunctionError(`Argument to "${call.name}" must be a list`, call.path);
    if (args.length !== 2) {
      throw new FunctionError(
        `"${call.name}" expected 2 arguments of the form [values, sequence] but got ${args.length} arguments instead`,
        call.path,
      );
    }
  },
  resolve(call, ctx) {
    const [valuesArg, seqArg] = call.args as unknown[];
    const seq = ctx.resolve(seqArg);
    if (!truthy(seq)) return seq;
    if (!Array.isArray(seq)) throw new FunctionError(`"${call.name}" only works with lists`, call.path);
    const values = ctx.resolve(valuesArg);
    if (!truthy(values)) return seq;
    if (!Array.isArray(values)) throw new FunctionError(`"${call.name}" filters a list of values`, call.path);
    ctx.budget.work(seq.length * (values.length + ITEM_COST), call.path);
    return seq.filter((i) => !pyContains(values, i));
  },
};

/** Python truthiness. */
export function truthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === "") return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === "object") return Object.keys(v).length > 0;
  return true;
}

/** list_concat / list_concat_unique. */
export function listConcat(kind: string, unique: boolean): FunctionSpec {
  return {
    kind,
    resolve(call, ctx) {
      const args = ctx.resolve(call.args);
      if (!Array.isArray(args)) {
        throw new FunctionError(
          `Incorrect arguments to "${call.name}" should be: "${call.name}" : [ [ <value 1>, <value 2> ], [ <value 3>, <value 4> ] ]`,
          call.path,
        );
      }
      const lists = args.filter((m) => m !== null && m !== undefined);
      const bad = lists.find((m) => !Array.isArray(m));
      if (bad !== undefined) {
        throw new FunctionError(
          `Incorrect arguments: Items to concat must be lists. ${pyJson(args)} contains an item that is not a list: ${pyJson(bad)}`,
          call.path,
        );
      }
      ctx.budget.list((lists as unknown[][]).reduce((n, l) => n + l.length, 0), call.path);
      const out: unknown[] = [];
      for (const item of (lists as unknown[][]).flat()) {
        // each comparison of the unique form is work too
        if (unique) ctx.budget.work(out.length, call.path);
        if (!unique || !out.some((x) => pyEquals(x, item))) out.push(item);
      }
      return out;
    },
  };
}

/** Fn::Select (2013-05-23 .. 2015-04-30): an item of a list or a value of a map. */
export const cfnSelect: FunctionSpec = {
  kind: "Fn::Select",
  check(args, call) {
    if (!Array.isArray(args) || args.length !== 2) {
      throw new FunctionError(`Arguments to "${call.name}" must be of the form [index, collection]`, call.path);
    }
  },
  resolve(call, ctx) {
    const [index, coll] = ctx.resolve(call.args) as unknown[];
    if (coll === null || coll === undefined || coll === "") return "";
    if (Array.isArray(coll)) {
      const i = Number(index);
      return Number.isInteger(i) && i >= 0 && i < coll.length ? coll[i] : "";
    }
    if (isMapping(coll)) return String(index) in coll ? coll[String(index)] : "";
    throw new FunctionError(`Arguments to "${call.name}" not fully resolved`, call.path);
  },
};
