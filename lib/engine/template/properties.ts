/**
 * Property validation against a type's schema. "validate" mode checks property names only (as
 * `template validate`); "strict" mode also checks required properties, value types and
 * constraints, skipping values that depend on other resources (unknown before create).
 */
import type { PropertySchema } from "../resources/types";
import { FnCall, forEachCall, FunctionError, isMapping, pyRepr, pyStr, type ResolveContext } from "../functions";
import { checkConstraints } from "./constraints";
import { translateProperties, unimplementedProperties } from "./translation";

/** One property problem; `path` is relative to the resource's properties. */
export interface PropertyIssue {
  code: "property.unknown" | "property.required" | "property.type" | "property.constraint";
  message: string;
  path: (string | number)[];
}

/** True when a parsed value reads other resources (its value is unknown before create). */
export function readsResources(parsed: unknown): boolean {
  let found = false;
  forEachCall(parsed, (c) => {
    if (c.spec.references) found = true;
  });
  return found;
}

const EMPTY: Record<PropertySchema["type"], unknown> = { string: "", integer: 0, number: 0, boolean: false, list: [], map: {}, any: null };

/**
 * A property's default as Heat reads it: a list property whose default is empty or not a list (some
 * Heat schemas default a list to {}) reads as [], as Heat's `default() or []` does.
 */
export function propertyDefault(s: PropertySchema): unknown {
  if (s.type === "list" && s.default !== undefined && !(Array.isArray(s.default) && s.default.length > 0)) return [];
  return s.default;
}

/** What Heat reads for a property given as null: its default, else the type's empty value. */
export function nullPropertyValue(s: PropertySchema): unknown {
  return propertyDefault(s) ?? EMPTY[s.type];
}

/** Checks names (always) and, in strict mode, values of `props` against `schema`. */
export function validateProperties(
  schema: Record<string, PropertySchema>,
  props: Record<string, unknown>,
  strict: boolean,
  ctx: ResolveContext,
): PropertyIssue[] {
  const issues: PropertyIssue[] = [];
  for (const key of Object.keys(props)) {
    if (!(key in schema)) issues.push({ code: "property.unknown", message: `Unknown Property ${key}`, path: [] });
  }
  for (const key of unimplementedProperties(schema, props)) issues.push({ code: "property.unknown", message: `Property ${key} not implemented yet`, path: [] });
  if (!strict || issues.length) return issues;
  const translated = translateProperties(schema, props);
  if (translated.conflict) return [{ code: "property.constraint", message: translated.conflict.message, path: [translated.conflict.property] }];
  props = translated.values;
  for (const [key, s] of Object.entries(schema)) {
    if (key in props && props[key] === null) {
      // Heat reads an explicit null as the default, else the type's empty value, and checks that.
      const err = checkValue(s, nullPropertyValue(s), [key]);
      if (err) issues.push(err);
      continue;
    }
    if (!(key in props)) {
      if (s.required && s.default === undefined) {
        issues.push({ code: "property.required", message: `Property ${key} not assigned`, path: [] });
      }
      continue;
    }
    if (readsResources(props[key])) continue;
    let value: unknown;
    try {
      value = props[key] instanceof FnCall || typeof props[key] === "object" ? ctx.resolve(props[key]) : props[key];
    } catch (e) {
      // a value over the function limits is reported once, with the function's own path (build-limits.ts)
      if (!(e instanceof FunctionError && e.code === "limit.exceeded")) issues.push({ code: "property.type", message: (e as Error).message, path: [key] });
      continue;
    }
    const err = checkValue(s, value, [key]);
    if (err) issues.push(err);
  }
  return issues;
}

/** Converts a value to the schema type as Heat's Property does; throws with Heat's message. */
export function convertProperty(s: PropertySchema, value: unknown): unknown {
  switch (s.type) {
    case "string":
      if (typeof value === "string") return value;
      if (typeof value === "boolean" || (typeof value === "number" && Number.isInteger(value))) return pyStr(value);
      throw new Error(`Value must be a string; got ${pyRepr(value)}`);
    case "integer": {
      if (typeof value === "number") return Math.trunc(value);
      if (typeof value === "boolean") return Number(value);
      if (typeof value === "string" && /^\s*[-+]?\d+\s*$/.test(value)) return Number(value);
      throw new Error(`Value '${pyStr(value)}' is not an integer`);
    }
    case "number": {
      if (typeof value === "number") return value;
      const n = Number(value);
      if (typeof value === "string" && value.trim() !== "" && !Number.isNaN(n)) return n;
      throw new Error(`could not convert string to float: '${pyStr(value)}'`);
    }
    case "boolean":
      if (typeof value === "boolean") return value;
      if (typeof value === "string" && ["true", "false"].includes(value.toLowerCase())) return value.toLowerCase() === "true";
      throw new Error(`"${typeof value === "string" ? value.toLowerCase() : pyStr(value)}" is not a valid boolean`);
    case "list":
      if (Array.isArray(value)) return value;
      throw new Error(`"${pyRepr(value)}" is not a list`);
    case "map":
      if (isMapping(value)) return value;
      throw new Error(`"${pyRepr(value)}" is not a map`);
    default:
      return value;
  }
}

function checkValue(s: PropertySchema, value: unknown, path: (string | number)[]): PropertyIssue | undefined {
  let v: unknown;
  try {
    v = convertProperty(s, value);
  } catch (e) {
    return { code: "property.type", message: (e as Error).message, path };
  }
  const err = checkConstraints(s.constraints ?? [], v);
  if (err) return { code: "property.constraint", message: err, path };
  if (s.type === "list" && s.items) {
    const items = v as unknown[];
    for (let i = 0; i < items.length; i++) {
      const issue = checkValue(s.items, items[i], [...path, i]);
      if (issue) return issue;
    }
  }
  if (s.type === "map" && s.schema) {
    const m = v as Record<string, unknown>;
    for (const k of Object.keys(m)) {
      if (!(k in s.schema)) return { code: "property.unknown", message: `Unknown Property ${k}`, path };
    }
    for (const [k, sub] of Object.entries(s.schema)) {
      if (m[k] === undefined || m[k] === null) {
        if (sub.required && sub.default === undefined) return { code: "property.required", message: `Property ${k} not assigned`, path };
        continue;
      }
      const issue = checkValue(sub, m[k], [...path, k]);
      if (issue) return issue;
    }
  }
  return undefined;
}
