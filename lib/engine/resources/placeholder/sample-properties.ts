/**
 * Test support: a minimal valid property map for a type, built from its schema (each required
 * property, recursively, with a value of its type that meets its constraints), and a changed value
 * for a property, so generated tests can create and update every type of the catalogue.
 */
import type { PropertyConstraint, PropertySchema } from "../types";

/** Strings that satisfy the few allowed_pattern constraints on required properties (device names, dates). */
const PATTERN_SAMPLES = ["/dev/vdb", "2030-01-01 00:00"];

function allowed(cs: readonly PropertyConstraint[]): unknown[] | undefined {
  for (const c of cs) if ("allowedValues" in c) return c.allowedValues;
  return undefined;
}

function stringSample(s: PropertySchema, variant: number): string {
  const cs = s.constraints ?? [];
  for (const c of cs) {
    if ("allowedPattern" in c) {
      const found = PATTERN_SAMPLES.find((p) => new RegExp(`^(?:${c.allowedPattern})$`).test(p));
      if (found) return found;
    }
  }
  const min = cs.reduce((n, c) => ("length" in c ? Math.max(n, c.length.min ?? 0) : n), 0);
  return `sample${variant}`.padEnd(min, "x");
}

function numberSample(s: PropertySchema, variant: number): number {
  const range = (s.constraints ?? []).find((c): c is Extract<PropertyConstraint, { range: unknown }> => "range" in c)?.range;
  const low = range?.min ?? 1;
  const value = low + variant;
  return range?.max !== undefined && value > range.max ? range.max : value;
}

/** A value of the property's type that meets its constraints; `variant` 1 differs from variant 0 where it can. */
export function sampleValue(s: PropertySchema, variant = 0): unknown {
  const values = allowed(s.constraints ?? []);
  if (values?.length) return s.type === "list" ? [values[variant % values.length]] : values[variant % values.length];
  switch (s.type) {
    case "string":
      return stringSample(s, variant);
    case "integer":
    case "number":
      return numberSample(s, variant);
    case "boolean":
      return variant % 2 === 1;
    case "list": {
      const min = (s.constraints ?? []).reduce((n, c) => ("length" in c ? Math.max(n, c.length.min ?? 0) : n), 1);
      return Array.from({ length: min }, (_, i) => (s.items ? sampleValue(s.items, variant + i) : `item${variant + i}`));
    }
    case "map":
      return s.schema ? sampleProperties(s.schema, variant) : { key: `value${variant}` };
    default:
      return `any${variant}`;
  }
}

/** Every required property without a default (recursively through map schemas), with a sample value. */
export function sampleProperties(schema: Record<string, PropertySchema>, variant = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(schema)) {
    if (s.required && s.default === undefined && !s.hidden) out[name] = sampleValue(s, variant);
  }
  return out;
}
