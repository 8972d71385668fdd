/**
 * Converts between Heat's resource type schema (GET /resource_types/{type}, as heat-types.json keeps
 * it) and Hearth's plugin schema (PropertySchema / AttributeSchema), both ways. The reverse renders
 * properties with the registry's own propertyDoc, so a round trip that equals Heat's answer proves that
 * `GET /resource_types/{type}` can serve Heat's schemas from Hearth's format.
 */
import type { HeatAttributeDoc, HeatCatalogEntry, HeatSupportStatus, HeatTypeShow } from "./heat-catalog";
import { propertyDoc, type PropertySchemaDoc } from "../type-schema";
import type { AttributeSchema, PropertyConstraint, PropertySchema, PropertyType, SupportStatus } from "../types";

/** A type's schema in Hearth's format, with what Hearth's format cannot hold kept beside it. */
export interface CatalogTypeSchema {
  type: string;
  description: string;
  /** Hearth's coarse status: HIDDEN and UNKNOWN have no Hearth spelling and become UNSUPPORTED. */
  supportStatus: SupportStatus;
  /** Heat's full status (HIDDEN, message, version, previous status), which SupportStatus cannot say. */
  heatSupportStatus: HeatSupportStatus;
  /** Shown properties, plus Heat's hidden ones flagged `hidden` (accepted, not shown). */
  properties: Record<string, PropertySchema>;
  /** Shown attributes; an attribute Heat gives no description gets "". */
  attributes: Record<string, AttributeSchema>;
  /** Heat's hidden attributes (resolvable, not shown): AttributeSchema has no `hidden` flag. */
  hiddenAttributes: Record<string, AttributeSchema>;
}

const PROPERTY_TYPES: readonly PropertyType[] = ["string", "integer", "number", "boolean", "list", "map", "any"];

function propertyType(type: string, where: string): PropertyType {
  const t = PROPERTY_TYPES.find((p) => p === type);
  if (!t) throw new Error(`${where}: Heat type "${type}" has no Hearth spelling`);
  return t;
}

/** One Heat constraint ({range: {min}}, {allowed_values: [...]} ...) in Hearth's spelling. */
export function constraintFromHeat(c: Record<string, unknown>, where: string): PropertyConstraint {
  const description = typeof c.description === "string" ? { description: c.description } : {};
  const kinds = Object.keys(c).filter((k) => k !== "description");
  if (kinds.length !== 1) throw new Error(`${where}: constraint with kinds [${kinds.join(", ")}]`);
  const value = c[kinds[0]];
  switch (kinds[0]) {
    case "range":
      return { range: value as { min?: number; max?: number }, ...description };
    case "length":
      return { length: value as { min?: number; max?: number }, ...description };
    case "modulo":
      return { modulo: value as { step: number; offset: number }, ...description };
    case "allowed_values":
      return { allowedValues: value as unknown[], ...description };
    case "allowed_pattern":
      return { allowedPattern: value as string, ...description };
    case "custom_constraint":
      return { customConstraint: value as string, ...description };
    default:
      throw new Error(`${where}: unknown constraint kind ${kinds[0]}`);
  }
}

/** One Heat property (recursively: list items under "*", map keys) in Hearth's format. */
export function propertyFromHeat(doc: PropertySchemaDoc, where: string): PropertySchema {
  const type = propertyType(doc.type, where);
  const s: PropertySchema = { type };
  if (doc.description !== undefined) s.description = doc.description;
  if (doc.required) s.required = true;
  if (doc.default !== undefined) s.default = doc.default;
  if (doc.update_allowed) s.updateAllowed = true;
  if (doc.immutable) s.immutable = true;
  if (doc.constraints?.length) s.constraints = doc.constraints.map((c) => constraintFromHeat(c, where));
  if (doc.schema) {
    if (type === "list") {
      const keys = Object.keys(doc.schema);
      if (keys.length !== 1 || keys[0] !== "*") throw new Error(`${where}: list schema keyed [${keys.join(", ")}]`);
      s.items = propertyFromHeat(doc.schema["*"], `${where}.*`);
    } else {
      s.schema = mapValues(doc.schema, (v, k) => propertyFromHeat(v, `${where}.${k}`));
    }
  }
  return s;
}

function attributeFromHeat(doc: HeatAttributeDoc, where: string): AttributeSchema {
  return { description: doc.description ?? "", ...(doc.type ? { type: propertyType(doc.type, where) } : {}) };
}

function attributeDoc(a: AttributeSchema): HeatAttributeDoc {
  return { ...(a.description ? { description: a.description } : {}), ...(a.type ? { type: a.type } : {}) };
}

function coarseStatus(s: HeatSupportStatus): SupportStatus {
  return s.status === "SUPPORTED" || s.status === "DEPRECATED" ? s.status : "UNSUPPORTED";
}

/** A catalogue entry (Heat's answer and its hidden properties/attributes) in Hearth's format. */
export function typeFromHeat(entry: HeatCatalogEntry): CatalogTypeSchema {
  const { show } = entry;
  const at = (name: string) => `${show.resource_type} ${name}`;
  const hidden = mapValues(entry.hidden_properties ?? {}, (d, k) => ({ ...propertyFromHeat(d, at(k)), hidden: true }));
  return {
    type: show.resource_type,
    description: show.description,
    supportStatus: coarseStatus(show.support_status),
    heatSupportStatus: show.support_status,
    properties: { ...mapValues(show.properties, (d, k) => propertyFromHeat(d, at(k))), ...hidden },
    attributes: mapValues(show.attributes, (d, k) => attributeFromHeat(d, at(k))),
    hiddenAttributes: mapValues(entry.hidden_attributes ?? {}, (d, k) => attributeFromHeat(d, at(k))),
  };
}

/** What GET /resource_types/{type}?with_description=true answers for a schema in Hearth's format. */
export function typeToHeat(schema: CatalogTypeSchema): HeatTypeShow {
  const shown = Object.entries(schema.properties).filter(([, s]) => !s.hidden);
  return {
    resource_type: schema.type,
    description: schema.description,
    properties: Object.fromEntries(shown.map(([k, s]) => [k, propertyDoc(s)])),
    attributes: mapValues(schema.attributes, attributeDoc),
    support_status: schema.heatSupportStatus,
  };
}

function mapValues<A, B>(o: Record<string, A>, f: (v: A, k: string) => B): Record<string, B> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v, k)]));
}
