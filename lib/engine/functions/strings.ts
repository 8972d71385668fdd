/**
 * String functions: list_join (one list, then several lists), str_replace and its strict
 * variants, str_split, digest.
 */
import type { FunctionBudget } from "./budget";
import { DIGEST_ALGORITHMS, hexDigest } from "./hash";
import { pyJson, pyRepr, pyStr } from "./python";
import { FnCall, FunctionError, isMapping, type FunctionSpec } from "./types";

const isSeq = (v: unknown): v is unknown[] => Array.isArray(v);

/** list_join; `multiple` = the 2015-10-15 form with several lists and JSON-encoded items. */
export function listJoin(kind: string, multiple: boolean): FunctionSpec {
  const example = (fn: string) => (multiple ? `"${fn}" : [ " ", [ "str1", "str2"] ...]` : `"${fn}" : [ " ", [ "str1", "str2"]]`);
  const bad = (fn: string) => `Incorrect arguments to "${fn}" should be: ${example(fn)}`;
  return {
    kind,
    check(args, call) {
      if (!Array.isArray(args)) throw new FunctionError(bad(call.name), call.path);
      if (multiple ? args.length < 2 : args.length !== 2) throw new FunctionError(bad(call.name), call.path);
    },
    resolve(call, ctx) {
      const args = call.args as unknown[];
      const lists = multiple ? (ctx.resolve(args.slice(1)) as unknown[]) : [ctx.resolve(args[1]) ?? []];
      const items: unknown[] = [];
      for (const l of lists) {
        if (!multiple || l) {
          if (!isSeq(l)) throw new FunctionError(`"${call.name}" must operate on a list`, call.path);
          items.push(...l);
        }
      }
      const delim = ctx.resolve(args[0]);
      if (typeof delim !== "string") throw new FunctionError(`"${call.name}" delimiter must be a string`, call.path);
      return joinWithin(items.map((s) => joinItem(s, multiple, call, ctx.budget)), delim, call, ctx.budget);
    },
  };
}

/** Joins strings after charging the budget for the result's length. */
export function joinWithin(strings: string[], delim: string, call: FnCall, budget: FunctionBudget): string {
  budget.string(strings.reduce((n, s) => n + s.length, 0) + delim.length * Math.max(0, strings.length - 1), call.path);
  return strings.join(delim);
}

function joinItem(s: unknown, multiple: boolean, call: FnCall, budget: FunctionBudget): string {
  if (s === null || s === undefined) return "";
  if (typeof s === "string") return s;
  if (multiple && typeof s === "object") return jsonWithin(s, call, budget);
  const what = pyRepr(s).slice(0, 200);
  throw new FunctionError(
    multiple ? `Items to join must be string, map or list not ${what}` : `Items to join must be strings not ${what}`,
    call.path,
  );
}

/** str_replace family. `json`: lists/maps become JSON; `strict`: every key must occur; `vstrict`: no empty values. */
export function strReplace(kind: string, opts: { json: boolean; strict: boolean; vstrict: boolean }): FunctionSpec {
  return {
    kind,
    check(args, call) {
      if (!isMapping(args)) throw new FunctionError(`Arguments to "${call.name}" must be a map`, call.path);
      if (!("params" in args) || !("template" in args)) {
        throw new FunctionError(
          `"${call.name}" syntax should be ${call.name}:\n  template: This is var1 template var2\n  params:\n    var1: a\n    var2: string`,
          call.path,
        );
      }
      const m = args.params;
      if (!isMapping(m) && !(m instanceof FnCall)) {
        throw new FunctionError(`"${call.name}" parameters must be a mapping`, call.path);
      }
    },
    resolve(call, ctx) {
      const a = call.args as Record<string, unknown>;
      const template = ctx.resolve(a.template);
      const mapping = ctx.resolve(a.params);
      if (typeof template !== "string") throw new FunctionError(`"${call.name}" template must be a string`, call.path);
      if (!isMapping(mapping)) throw new FunctionError(`"${call.name}" params must be a map`, call.path);
      const keys = Object.keys(mapping).sort().sort((x, y) => y.length - x.length);
      const unreplaced = new Set(keys);
      const values = new Map(keys.map((k) => [k, replacement(mapping[k], k, call, opts, ctx.budget)]));
      // A key is replaced at most as often as it occurs in the template: that bounds the result.
      ctx.budget.work(keys.length * template.length, call.path);
      ctx.budget.string(keys.reduce((n, k) => n + occurrences(template, k) * Math.max(0, values.get(k)!.length - k.length), template.length), call.path);
      // Longer keys first; what a key's value put in is never searched again (as Heat's replace does).
      let segments: { text: string; replaced: boolean }[] = [{ text: template, replaced: false }];
      for (const key of keys) {
        ctx.budget.work(segments.length, call.path);
        const value = values.get(key)!;
        segments = segments.flatMap((segment) => {
          if (segment.replaced) return [segment];
          const parts = segment.text.split(key);
          if (parts.length > 1) unreplaced.delete(key);
          return parts.flatMap((text, i) => (i === 0 ? [{ text, replaced: false }] : [{ text: value, replaced: true }, { text, replaced: false }]));
        });
      }
      const out = segments.map((segment) => segment.text).join("");
      if (opts.strict && unreplaced.size > 0) {
        const missing = [...unreplaced].sort().sort((x, y) => y.length - x.length);
        throw new FunctionError(`The following params were not found in the template: ${missing.join(",")}`, call.path);
      }
      return out;
    },
  };
}

/** How many times `key` occurs in `text`, without overlaps (an empty key: between every two characters). */
function occurrences(text: string, key: string): number {
  if (key === "") return Math.max(0, text.length - 1);
  let n = 0;
  for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + key.length)) n++;
  return n;
}

/** pyJson of a value, once the budget has been charged for its size. */
function jsonWithin(value: object, call: FnCall, budget: FunctionBudget): string {
  budget.string(budget.measure(value, call.path), call.path);
  return pyJson(value);
}

function replacement(value: unknown, key: string, call: FnCall, opts: { json: boolean; vstrict: boolean }, budget: FunctionBudget): string {
  const empty = () =>
    new FunctionError(`${call.name} has an undefined or empty value for param ${key}, must be a defined non-empty value`, call.path);
  if (value === null || value === undefined) {
    if (opts.vstrict) throw empty();
    return "";
  }
  if (typeof value === "object") {
    if (!opts.json) throw new FunctionError(`"${call.name}" params must be strings or numbers, param ${key} is not valid`, call.path);
    if (opts.vstrict && Object.keys(value).length === 0) throw empty();
    return jsonWithin(value, call, budget);
  }
  const s = pyStr(value);
  if (opts.vstrict && s === "") throw empty();
  return s;
}

/** str_split: a list, or one item of it. */
export const strSplit: FunctionSpec = {
  kind: "str_split",
  check(args, call) {
    if (typeof args === "string" || isMapping(args)) {
      throw new FunctionError(`Incorrect arguments to "${call.name}" should be: "${call.name}" : [ ",", "apples,pears", <index>]`, call.path);
    }
  },
  resolve(call, ctx) {
    const example = `"${call.name}" : [ ",", "apples,pears", <index>]`;
    const args = ctx.resolve(call.args);
    if (!Array.isArray(args) || args.length < 2) {
      throw new FunctionError(`Incorrect arguments to "${call.name}" should be: ${example}`, call.path);
    }
    const [delim, str, index] = args;
    if (str === null || str === undefined) return null;
    if (typeof str !== "string" || typeof delim !== "string") {
      throw new FunctionError(`Incorrect arguments to "${call.name}" should be: ${example}`, call.path);
    }
    ctx.budget.list(splitCount(str, delim), call.path);
    const list = str.split(delim);
    if (args.length < 3) return list;
    const i = typeof index === "number" ? Math.trunc(index) : /^\s*[-+]?\d+\s*$/.test(String(index)) ? Number(index) : NaN;
    if (Number.isNaN(i)) throw new FunctionError(`Incorrect index to "${call.name}" should be: ${example}`, call.path);
    const j = i < 0 ? list.length + i : i;
    if (j < 0 || j >= list.length) {
      throw new FunctionError(`Incorrect index to "${call.name}" should be between 0 and ${list.length - 1}`, call.path);
    }
    return list[j];
  },
};

/** digest: hex digest of a latin-1 encoded string. */
export const digest: FunctionSpec = {
  kind: "digest",
  resolve(call, ctx) {
    const args = ctx.resolve(call.args);
    if (!Array.isArray(args) || !args.every((a) => typeof a === "string")) {
      throw new FunctionError(`Argument to function "${call.name}" must be a list of strings`, call.path);
    }
    if (args.length !== 2) throw new FunctionError(`Function "${call.name}" usage: ["<algorithm>", "<value>"]`, call.path);
    const algo = (args[0] as string).toLowerCase();
    if (!(DIGEST_ALGORITHMS as readonly string[]).includes(algo)) {
      throw new FunctionError(`Algorithm must be one of {${DIGEST_ALGORITHMS.map((a) => `'${a}'`).join(", ")}}`, call.path);
    }
    ctx.budget.work((args[1] as string).length, call.path);
    return hexDigest(algo, latin1(args[1] as string, call));
  },
};

/** The number of pieces str_split / Fn::Split make of `text`. */
export function splitCount(text: string, delim: string): number {
  return occurrences(text, delim) + 1;
}

function latin1(s: string, call: FnCall): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 255) throw new FunctionError(`"${call.name}" value cannot be encoded as latin-1`, call.path);
    out[i] = c;
  }
  return out;
}
