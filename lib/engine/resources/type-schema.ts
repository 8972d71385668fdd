/**
 * Renders a plugin's schema as Heat's `GET /resource_types/{type}` answers it (snake_case keys,
 * constraints as HOT writes them, list item schemas under "*", the base `show` attribute added).
 * The console, the REST API and the docs all read this shape.
 */
import type { AttributeSchema, PropertyConstraint, PropertySchema, ResourcePlugin, SupportStatus } from "./types";

/** A property as Heat's resource-type schema shows it. */
export interface PropertySchemaDoc {
  type: string;
  description?: string;
  default?: unknown;
  required: boolean;
  update_allowed: boolean;
  immutable: boolean;
  constraints?: Record<string, unknown>[];
  schema?: Record<string, PropertySchemaDoc>;
}

/** The whole answer of `GET /resource_types/{type}`. */
export interface ResourceTypeSchemaDoc {
  resource_type: string;
  description: string;
  properties: Record<string, PropertySchemaDoc>;
  attributes: Record<string, { description: string; type?: string }>;
  support_status: { status: SupportStatus; message: string | null; version: string | null; previous_status: null };
}

/** One constraint in HOT's spelling: {range: {min, max}}, {allowed_values: [...]}, {custom_constraint: "nova.flavor"}. */
export function constraintDoc(c: PropertyConstraint): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if ("length" in c) out.length = c.length;
  else if ("range" in c) out.range = c.range;
  else if ("modulo" in c) out.modulo = c.modulo;
  else if ("allowedValues" in c) out.allowed_values = c.allowedValues;
  else if ("allowedPattern" in c) out.allowed_pattern = c.allowedPattern;
  else out.custom_constraint = c.customConstraint;
  if (c.description) out.description = c.description;
  return out;
}

/** One property (recursively) in Heat's spelling. */
export function propertyDoc(s: PropertySchema): PropertySchemaDoc {
  const doc: PropertySchemaDoc = {
    type: s.type,
    ...(s.description !== undefined ? { description: s.description } : {}),
    ...(s.default !== undefined && s.default !== null ? { default: s.default } : {}),
    required: s.required === true,
    update_allowed: s.updateAllowed === true,
    immutable: s.immutable === true,
  };
  if (s.constraints?.length) doc.constraints = s.constraints.map(constraintDoc);
  if (s.items) doc.schema = { "*": propertyDoc(s.items) };
  else if (s.schema) doc.schema = Object.fromEntries(Object.entries(s.schema).map(([k, v]) => [k, propertyDoc(v)]));
  return doc;
}

const SHOW: AttributeSchema = { description: "Detailed information about resource.", type: "map" };

/** The schema document of a plugin; hidden properties are left out, as Heat hides them. */
export function pluginSchemaDoc(plugin: ResourcePlugin): ResourceTypeSchemaDoc {
  const properties = Object.entries(plugin.properties)
    .filter(([, s]) => !s.hidden)
    .map(([k, s]) => [k, propertyDoc(s)] as const);
  const attributes = Object.entries({ ...plugin.attributes, show: plugin.attributes.show ?? SHOW }).map(
    ([k, a]) => [k, { description: a.description, ...(a.type ? { type: a.type } : {}) }] as const,
  );
  return {
    resource_type: plugin.type,
    description: plugin.description,
    properties: Object.fromEntries(properties),
    attributes: Object.fromEntries(attributes),
    support_status: { status: plugin.supportStatus ?? "SUPPORTED", message: null, version: null, previous_status: null },
  };
}
