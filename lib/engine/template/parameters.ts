/**
 * The parameters section: schemas (types, keys, constraints, defaults) and values (from
 * --parameter strings, typed API values, environments), converted and checked as Heat does.
 */
import type { PropertyConstraint } from "../resources/types";
import type { ParameterDefinition, ParameterType } from "./types";
import type { TemplateVersion } from "./versions";
import { checkConstraints, constraintAppliesTo, constraintName } from "./constraints";
import { isMapping, pyJson, pyStr, pyTypeName } from "../functions";

/** A problem in the parameters section or a parameter value; `path` is relative to the document. */
export interface ParameterIssue {
  code: "parameter.schema" | "parameter.value" | "parameter.missing" | "parameter.unknown";
  message: string;
  path: (string | number)[];
}

const TYPES: ParameterType[] = ["string", "number", "json", "comma_delimited_list", "boolean"];
/** The kind of value each parameter type holds, as constraints see it. */
export const VALUE_KIND = { string: "string", number: "number", json: "map", comma_delimited_list: "list", boolean: "boolean" } as const;
const CONSTRAINT_KEYS = ["description", "length", "range", "modulo", "allowed_values", "allowed_pattern", "custom_constraint"];

class SchemaError extends Error {}

function checkDict(d: unknown, allowed: string[], entity: string): Record<string, unknown> {
  if (!isMapping(d)) throw new SchemaError(`Invalid ${entity}, expected a mapping`);
  for (const k of Object.keys(d)) if (!allowed.includes(k)) throw new SchemaError(`Invalid key '${k}' for ${entity}`);
  return d;
}

function num(v: unknown, integral: boolean, what: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  const n = typeof v === "number" ? v : Number(v);
  if (typeof v === "boolean" || Number.isNaN(n)) throw new SchemaError(`${what} must be numeric`);
  if (integral && !Number.isInteger(n)) throw new SchemaError(`${what} must be integral`);
  return n;
}

function parseConstraint(raw: unknown, version: TemplateVersion): PropertyConstraint {
  const c = checkDict(raw, CONSTRAINT_KEYS, "parameter constraints");
  const description = typeof c.description === "string" ? c.description : undefined;
  const d = description === undefined ? {} : { description };
  if ("range" in c || "length" in c) {
    const key = "range" in c ? "range" : "length";
    const r = checkDict(c[key], ["min", "max"], `${key} constraint`);
    const min = num(r.min, key === "length", key === "length" ? "min/max length" : "min/max");
    const max = num(r.max, key === "length", key === "length" ? "min/max length" : "min/max");
    if (min === undefined && max === undefined) {
      throw new SchemaError(`A ${key} constraint must have a min value and/or a max value specified.`);
    }
    return key === "range" ? { range: { min, max }, ...d } : { length: { min, max }, ...d };
  }
  if ("allowed_values" in c) {
    if (!Array.isArray(c.allowed_values)) throw new SchemaError("AllowedValues must be a list");
    return { allowedValues: c.allowed_values, ...d };
  }
  if ("allowed_pattern" in c) {
    if (typeof c.allowed_pattern !== "string") throw new SchemaError("AllowedPattern must be a string");
    return { allowedPattern: c.allowed_pattern, ...d };
  }
  if ("custom_constraint" in c) return { customConstraint: String(c.custom_constraint), ...d };
  if ("modulo" in c && version.modulo) {
    const m = checkDict(c.modulo, ["step", "offset"], "modulo constraint");
    const step = num(m.step, true, "step/offset");
    const offset = num(m.offset, true, "step/offset");
    if (step === undefined || offset === undefined) {
      throw new SchemaError("A modulo constraint must have a step value and an offset value specified.");
    }
    if (step === 0) throw new SchemaError("step cannot be 0.");
    if (Math.abs(offset) >= Math.abs(step)) throw new SchemaError("offset must be smaller (by absolute value) than step.");
    if (step * offset < 0) throw new SchemaError("step and offset must be both positive or both negative.");
    return { modulo: { step, offset }, ...d };
  }
  throw new SchemaError("No constraint expressed");
}

/** Parses one parameter's schema. Throws a ParameterIssue-shaped error message on bad schemas. */
function parseDefinition(name: string, raw: unknown, version: TemplateVersion): ParameterDefinition {
  const d = checkDict(raw, version.parameterKeys, `parameter (${name})`);
  if (!("type" in d)) throw new SchemaError(`Missing parameter type for parameter: ${name}`);
  const type = d.type as ParameterType;
  if (!TYPES.includes(type)) throw new SchemaError(`Invalid type (${pyStr(d.type)})`);
  if ("tags" in d && !Array.isArray(d.tags)) throw new SchemaError(`Tags property should be a list for parameter: ${name}`);
  if (d.constraints !== undefined && d.constraints !== null && !Array.isArray(d.constraints)) {
    throw new SchemaError(`Invalid parameter constraints for parameter ${name}, expected a list`);
  }
  const constraints = ((d.constraints as unknown[] | null) ?? []).map((c) => parseConstraint(c, version));
  return {
    name,
    type,
    label: d.label as string | undefined,
    description: d.description as string | undefined,
    default: d.default ?? undefined,
    hidden: d.hidden === true || String(d.hidden).toLowerCase() === "true",
    immutable: d.immutable === true,
    constraints,
  };
}

/** Checks that constraints fit the type and the default satisfies them (Heat's schema validate). */
function validateDefinition(def: ParameterDefinition): void {
  for (const c of def.constraints) {
    if (!constraintAppliesTo(c, VALUE_KIND[def.type])) throw new SchemaError(`${constraintName(c)} constraint invalid for ${def.type}`);
  }
  if (def.default === undefined) return;
  let value: unknown = def.default;
  if (def.type === "comma_delimited_list") {
    if (!Array.isArray(value) && typeof value !== "string") {
      throw new SchemaError(`Default must be a comma-delimited list string: '${pyTypeName(value)}' object has no attribute 'split'`);
    }
    value = Array.isArray(value) ? value.map((v) => pyStr(v)) : splitList(value);
  }
  const err = checkConstraints(def.constraints, def.type === "number" ? Number(value) : value);
  if (err) throw new SchemaError(`Invalid default ${pyStr(def.default)} (${err})`);
}

/** Parses the parameters section into definitions, reporting the first problem of each parameter. */
export function parseParameterSection(
  section: unknown,
  version: TemplateVersion,
): { definitions: ParameterDefinition[]; issues: ParameterIssue[] } {
  const definitions: ParameterDefinition[] = [];
  const issues: ParameterIssue[] = [];
  if (section === null || section === undefined) return { definitions, issues };
  if (!isMapping(section)) {
    issues.push({ code: "parameter.schema", message: "The parameters section must be a map", path: ["parameters"] });
    return { definitions, issues };
  }
  for (const [name, raw] of Object.entries(section)) {
    const path = ["parameters", name];
    try {
      const def = parseDefinition(name, raw, version);
      definitions.push(def); // kept even when its default fails, so the name stays known
      try {
        validateDefinition(def);
      } catch (e) {
        issues.push({ code: "parameter.schema", message: `Parameter '${name}' is invalid: ${schemaMessage(e)}`, path });
      }
    } catch (e) {
      issues.push({ code: "parameter.schema", message: schemaMessage(e), path });
    }
  }
  return { definitions, issues };
}

function schemaMessage(e: unknown): string {
  if (e instanceof SchemaError) return e.message;
  throw e;
}

function splitList(s: string): string[] {
  return s === "" ? [] : s.split(",");
}

const TRUE = ["1", "t", "true", "on", "y", "yes"];
const FALSE = ["0", "f", "false", "off", "n", "no"];

/** Converts a given or default value to the parameter's type; throws Error with Heat's message. */
export function convertParameterValue(def: ParameterDefinition, raw: unknown): unknown {
  switch (def.type) {
    case "number": {
      if (typeof raw === "number" || typeof raw === "boolean") return raw; // a Python bool is a number
      const s = String(raw).trim();
      if (/^[-+]?\d+$/.test(s)) return Number(s);
      const n = Number(s);
      if (s === "" || Number.isNaN(n) || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$|^[-+]?(inf|infinity|nan)$/i.test(s)) {
        throw new Error(`could not convert string to float: '${pyStr(raw)}'`);
      }
      return n;
    }
    case "boolean": {
      const s = pyStr(raw).trim().toLowerCase();
      if (TRUE.includes(s)) return true;
      if (FALSE.includes(s)) return false;
      throw new Error(
        `Unrecognized value '${pyStr(raw)}', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'`,
      );
    }
    case "json": {
      if (typeof raw !== "string") return raw;
      if (raw === "") return raw;
      try {
        return JSON.parse(raw);
      } catch (e) {
        throw new Error(`Value must be valid JSON: ${(e as Error).message}`);
      }
    }
    case "comma_delimited_list":
      if (Array.isArray(raw)) return raw.map(pyStr);
      if (typeof raw !== "string") throw new Error(`Value must be a comma-delimited list string: ${pyJson(raw)}`);
      return splitList(raw);
    default:
      return typeof raw === "string" ? raw : pyStr(raw);
  }
}

/** Converts and checks a value against the definition (constraints except custom ones). */
export function checkParameterValue(def: ParameterDefinition, raw: unknown): { value?: unknown; error?: string } {
  try {
    const value = convertParameterValue(def, raw);
    const err = checkConstraints(def.constraints, value);
    return err ? { error: `Parameter '${def.name}' is invalid: ${err}` } : { value };
  } catch (e) {
    return { error: `Parameter '${def.name}' is invalid: ${(e as Error).message}` };
  }
}
