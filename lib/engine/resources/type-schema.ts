/**
 * Renders a plugin's schema as Heat's `GET /resource_types/{type}` answers it (snake_case keys,
 * constraints as HOT writes them, list item schemas under "*", support statuses as Heat's dicts).
 * Heat's view: hidden properties and attributes are left out, and Hearth's extensions too (a relaxed
 * Heat property shows Heat's own schema), so a Heat type renders exactly as Heat answers.
 * The console, the REST API, the CLI and the docs all read this shape.
 */
import type { AttributeSchema, PropertyConstraint, PropertySchema, ResourcePlugin, SupportStatus, SupportStatusName } from "./types";

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

/** An attribute as Heat shows it (a template resource's output may have neither key). */
export interface AttributeSchemaDoc {
  description?: string;
  type?: string;
}

/** A support status as Heat's SupportStatus.to_dict() renders it. */
export interface SupportStatusDoc {
  status: SupportStatusName;
  message: string | null;
  version: string | null;
  previous_status: SupportStatusDoc | null;
}

/** The whole answer of `GET /resource_types/{type}?with_description=true`. */
export interface ResourceTypeSchemaDoc {
  resource_type: string;
  description: string;
  properties: Record<string, PropertySchemaDoc>;
  attributes: Record<string, AttributeSchemaDoc>;
  support_status: SupportStatusDoc;
}

/** What pluginSchemaDoc reads of a type: a plugin, or a catalogue schema. */
export type TypeSchemaSource = Pick<ResourcePlugin, "type" | "description" | "supportStatus" | "properties" | "attributes">;

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

/** A property Heat's view shows: neither hidden nor one Hearth added. */
function shownInHeat(s: PropertySchema): boolean {
  return !s.hidden && (s.extension === undefined || s.heat !== undefined);
}

/** One property (recursively) in Heat's spelling, as Heat's schema has it (Hearth's extensions left out). */
export function propertyDoc(property: PropertySchema): PropertySchemaDoc {
  const s = property.heat ?? property;
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
  else if (s.schema) doc.schema = propertiesDoc(s.schema);
  return doc;
}

function propertiesDoc(properties: Record<string, PropertySchema>): Record<string, PropertySchemaDoc> {
  return Object.fromEntries(Object.entries(properties).filter(([, s]) => shownInHeat(s)).map(([k, s]) => [k, propertyDoc(s)]));
}

/** A status in Heat's spelling; absent means plainly SUPPORTED. */
export function supportStatusDoc(s: SupportStatus | undefined): SupportStatusDoc {
  if (!s) return { status: "SUPPORTED", message: null, version: null, previous_status: null };
  return { status: s.status, message: s.message, version: s.version, previous_status: s.previousStatus ? supportStatusDoc(s.previousStatus) : null };
}

function attributeDoc(a: AttributeSchema): AttributeSchemaDoc {
  return { ...(a.description !== undefined ? { description: a.description } : {}), ...(a.type ? { type: a.type } : {}) };
}

/** The schema document of a plugin or catalogue type (GET /resource_types/{type}): shown properties and attributes only. */
export function pluginSchemaDoc(source: TypeSchemaSource): ResourceTypeSchemaDoc {
  const attributes = Object.entries(source.attributes).filter(([, a]) => !a.hidden && a.extension === undefined);
  return {
    resource_type: source.type,
    description: source.description,
    properties: propertiesDoc(source.properties),
    attributes: Object.fromEntries(attributes.map(([k, a]) => [k, attributeDoc(a)])),
    support_status: supportStatusDoc(source.supportStatus),
  };
}
