/**
 * Conditions as the region analysis sees them: a three-valued reading of a template's `conditions`
 * (HOT's equals / not / and / or / contains, CFN's Fn::Equals / Fn::Not / Fn::And / Fn::Or and
 * Condition) over the parameter values known before anything runs. True or false when the known
 * parameters decide it, undefined when they do not (a parameter given no value at validate, a
 * function only the stack can answer). The analysis leaves out a resource whose condition is false
 * and follows the branch an `if` chooses; an undecided condition keeps the resource and both branches,
 * so validate flags what some parameter values would make impossible, and create (every parameter
 * known) checks exactly what will be allocated.
 */
import { isMapping } from "../functions";

/** What a condition needs from its template: the raw conditions section and the parameter values known now. */
export interface ConditionScope {
  conditions: Record<string, unknown>;
  literals: Map<string, unknown>;
}

/** A value the analysis cannot know before the stack runs. */
const UNKNOWN = Symbol("unknown");
type Value = unknown | typeof UNKNOWN;

const EQUALS = new Set(["equals", "Fn::Equals"]);
const NOT = new Set(["not", "Fn::Not"]);
const AND = new Set(["and", "Fn::And"]);
const OR = new Set(["or", "Fn::Or"]);
/** The functions that choose between two values by a condition. */
export const IF_FUNCTIONS = new Set(["if", "Fn::If"]);

/** Evaluates conditions of one template, each named condition once (a loop through them is undecided). */
export class ConditionReader {
  private readonly named = new Map<string, boolean | undefined | "pending">();

  constructor(private readonly scope: ConditionScope) {}

  /**
   * A condition as a resource's `condition` key or an `if`'s first argument gives it: a condition
   * name, a boolean, or an inline condition expression.
   */
  holds(raw: unknown): boolean | undefined {
    if (typeof raw === "boolean") return raw;
    if (raw === undefined || raw === null) return true; // no condition: the resource exists
    if (typeof raw === "string") return this.byName(raw);
    return this.expression(raw);
  }

  private byName(name: string): boolean | undefined {
    if (!Object.prototype.hasOwnProperty.call(this.scope.conditions, name)) return undefined;
    if (this.named.has(name)) {
      const known = this.named.get(name);
      return known === "pending" ? undefined : known;
    }
    this.named.set(name, "pending");
    const value = this.expression(this.scope.conditions[name]);
    this.named.set(name, value);
    return value;
  }

  /** A condition expression (a string inside one names another condition, as in CFN's Fn::Not: [IsProd]). */
  private expression(raw: unknown): boolean | undefined {
    if (typeof raw === "boolean") return raw;
    if (typeof raw === "string") return this.byName(raw);
    if (!isMapping(raw) || Object.keys(raw).length !== 1) return undefined;
    const [fn] = Object.keys(raw);
    const arg = raw[fn];
    const args = Array.isArray(arg) ? arg : [arg];
    if (fn === "Condition" && typeof arg === "string") return this.byName(arg);
    if (NOT.has(fn)) {
      const inner = this.expression(args[0]);
      return inner === undefined ? undefined : !inner;
    }
    if (AND.has(fn) || OR.has(fn)) return combine(args.map((a) => this.expression(a)), AND.has(fn));
    if (EQUALS.has(fn) && args.length === 2) {
      const [a, b] = args.map((a) => this.value(a));
      return a === UNKNOWN || b === UNKNOWN ? undefined : JSON.stringify(a) === JSON.stringify(b);
    }
    if (fn === "contains" && args.length === 2) {
      const [item, list] = args.map((a) => this.value(a));
      return item === UNKNOWN || !Array.isArray(list) ? undefined : list.some((v) => JSON.stringify(v) === JSON.stringify(item));
    }
    const value = this.value(raw); // a boolean parameter (get_param) stands for itself
    return typeof value === "boolean" ? value : value === "true" || value === "false" ? value === "true" : undefined;
  }

  /** A value inside a condition: a literal, a known parameter (get_param, CFN's Ref), else unknown. */
  private value(raw: unknown): Value {
    if (Array.isArray(raw)) {
      const items = raw.map((v) => this.value(v));
      return items.includes(UNKNOWN) ? UNKNOWN : items;
    }
    if (!isMapping(raw)) return raw;
    const keys = Object.keys(raw);
    const name = keys.length === 1 && (keys[0] === "get_param" || keys[0] === "Ref") ? raw[keys[0]] : undefined;
    return typeof name === "string" && this.scope.literals.has(name) ? this.scope.literals.get(name) : UNKNOWN;
  }
}

/** And / or over three-valued operands: decided as soon as one operand decides it. */
function combine(values: (boolean | undefined)[], all: boolean): boolean | undefined {
  if (values.includes(!all)) return !all;
  return values.includes(undefined) ? undefined : all;
}
