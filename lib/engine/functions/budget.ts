/**
 * The budget of what intrinsic functions may build while one snippet tree is resolved: each list,
 * map and string a function makes is sized from its inputs and charged BEFORE it is built, so a
 * template that would build too much (repeat multiplying lists, joins doubling strings) is refused
 * with the function's path and never allocates it.
 */
import { LIMIT_NAMES, limitMessage, type EngineLimits } from "../limits";
import { FunctionError, type Path } from "./types";

/** Work units one list item or map entry costs (a character costs one). */
export const ITEM_COST = 8;

/** The limits a budget enforces. */
export type FunctionLimits = Pick<EngineLimits, "maxFunctionListLength" | "maxFunctionStringLength" | "maxFunctionWork">;

/** A running total of work, checked against its limits at each charge. */
export class FunctionBudget {
  private used = 0;

  constructor(private readonly limits: FunctionLimits) {}

  /** Charges a list (or map) of `length` items about to be built by the call at `path`. */
  list(length: number, path: Path, what = "a list"): void {
    if (length > this.limits.maxFunctionListLength) {
      throw over(`${callName(path)} would build ${what} of ${length} items; the limit is ${this.limits.maxFunctionListLength} (${LIMIT_NAMES.maxFunctionListLength})`, path);
    }
    this.work(length * ITEM_COST, path);
  }

  /** Charges a string of `length` characters about to be built by the call at `path`. */
  string(length: number, path: Path): void {
    if (length > this.limits.maxFunctionStringLength) {
      throw over(`${callName(path)} would build a string of ${length} characters; the limit is ${this.limits.maxFunctionStringLength} (${LIMIT_NAMES.maxFunctionStringLength})`, path);
    }
    this.work(length, path);
  }

  /** Charges `units` of work (copying items, visiting nodes). */
  work(units: number, path: Path): void {
    this.used += units;
    if (this.used > this.limits.maxFunctionWork) {
      throw over(`the template's functions would do more than ${this.limits.maxFunctionWork} units of work (${LIMIT_NAMES.maxFunctionWork}), reached at ${callName(path)}`, path);
    }
  }

  /**
   * Sizes a value about to be serialized (JSON in list_join, str_replace): about its text length,
   * charging each item and character as it walks, so even a value built of shared parts is
   * measured within the budget.
   */
  measure(value: unknown, path: Path): number {
    let size = 0;
    const pending: unknown[] = [value];
    while (pending.length > 0) {
      const v = pending.pop();
      if (typeof v === "string") size += v.length + 2;
      else if (v !== null && typeof v === "object") {
        const items = Array.isArray(v) ? v : Object.entries(v);
        this.work(items.length * ITEM_COST, path);
        size += 2 + items.length * 2;
        for (const item of items) pending.push(item);
      } else size += 8;
    }
    this.work(size, path);
    return size;
  }
}

/** The function name at the end of a call's path. */
function callName(path: Path): string {
  return path.length ? String(path[path.length - 1]) : "a function";
}

function over(what: string, path: Path): FunctionError {
  return new FunctionError(limitMessage(what), path, "limit.exceeded");
}
