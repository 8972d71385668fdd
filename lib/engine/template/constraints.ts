/**
 * Value constraints shared by parameters and properties (length, range, modulo, allowed_values,
 * allowed_pattern, custom_constraint), with Heat's messages. Custom constraints name services
 * (nova.flavor, glance.image ...) that only a cloud can check: they pass here.
 */
import type { PropertyConstraint } from "../resources/types";
import { pyJson, pyStr, pyTypeName } from "../functions";

/** Heat's class name of a constraint, used in "X constraint invalid for <type>". */
export function constraintName(c: PropertyConstraint): string {
  if ("length" in c) return "Length";
  if ("range" in c) return "Range";
  if ("modulo" in c) return "Modulo";
  if ("allowedValues" in c) return "AllowedValues";
  if ("allowedPattern" in c) return "AllowedPattern";
  return "CustomConstraint";
}

/** Value kinds a constraint applies to (Heat's valid_types). */
export function constraintAppliesTo(c: PropertyConstraint, kind: "string" | "number" | "list" | "map" | "boolean"): boolean {
  if ("length" in c) return kind === "string" || kind === "list" || kind === "map";
  if ("range" in c || "modulo" in c) return kind === "number";
  if ("allowedPattern" in c) return kind === "string";
  if ("allowedValues" in c || "customConstraint" in c) return kind !== "map";
  return false;
}

const py = (v: number | undefined) => (v === undefined ? "None" : pyStr(v));

/** Checks one constraint; returns Heat's error message, or undefined when the value is fine. */
export function checkConstraint(c: PropertyConstraint, value: unknown): string | undefined {
  const fail = (m: string) => c.description ?? m;
  if ("range" in c) {
    const n = Number(value);
    const { min, max } = c.range;
    if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
      return fail(`${pyStr(value)} is out of range (min: ${py(min)}, max: ${py(max)})`);
    }
  } else if ("length" in c) {
    if (typeof value !== "string" && (typeof value !== "object" || value === null)) {
      return `object of type '${pyTypeName(value)}' has no len()`;
    }
    const len = typeof value === "string" || Array.isArray(value) ? value.length : Object.keys(value).length;
    const { min, max } = c.length;
    if ((min !== undefined && len < min) || (max !== undefined && len > max)) {
      return fail(`length (${len}) is out of range (min: ${py(min)}, max: ${py(max)})`);
    }
  } else if ("modulo" in c) {
    const n = Number(value);
    const { step, offset } = c.modulo;
    const r = ((n % step) + step) % step;
    if (r !== ((offset % step) + step) % step) {
      return fail(`${pyStr(value)} is not a multiple of ${step} with an offset of ${offset}`);
    }
  } else if ("allowedValues" in c) {
    const allowed = c.allowedValues.map((a) => pyStr(a));
    const ok = Array.isArray(value)
      ? value.every((v) => allowed.includes(pyStr(v)))
      : allowed.includes(typeof value === "boolean" ? pyStr(value) : String(value));
    if (!ok) return fail(`${pyJson(value)} is not an allowed value [${c.allowedValues.map((a) => pyJson(a)).join(", ")}]`);
  } else if ("allowedPattern" in c) {
    if (typeof value !== "string") return `expected string or bytes-like object, got '${pyTypeName(value)}'`;
    const s = value;
    const m = patternOf(c.allowedPattern)?.exec(s);
    if (!m || m[0].length !== s.length) return fail(`"${s}" does not match pattern "${c.allowedPattern}"`);
  }
  return undefined;
}

const patterns = new Map<string, RegExp | undefined>();

/** A pattern compiled once, anchored at the start like Python's re.match. */
function patternOf(pattern: string): RegExp | undefined {
  if (!patterns.has(pattern)) {
    try {
      patterns.set(pattern, new RegExp(`^(?:${pattern})`));
    } catch {
      patterns.set(pattern, undefined);
    }
  }
  return patterns.get(pattern);
}

/** Checks every constraint in order; the first failure's message, if any. */
export function checkConstraints(cs: readonly PropertyConstraint[], value: unknown, skipCustom = true): string | undefined {
  for (const c of cs) {
    if (skipCustom && "customConstraint" in c) continue;
    const err = checkConstraint(c, value);
    if (err) return err;
  }
  return undefined;
}
