/**
 * Converts between Heat's resource type schema (GET /resource_types/{type}, as heat-types.json keeps
 * it) and Hearth's plugin schema (PropertySchema / AttributeSchema), both ways. What Heat's answer
 * leaves out comes in too: hidden properties (with the successor Heat translates them to), properties
 * not implemented, hidden attributes, support statuses. The reverse is the registry's own rendering
 * (heatTypeDoc), so a round trip that equals Heat's answer proves `GET /resource_types/{type}` serves
 * Heat's schemas from Hearth's format.
 */
import type { HeatCatalogEntry } from "./heat-catalog";
import { pluginSchemaDoc, type AttributeSchemaDoc, type PropertySchemaDoc, type ResourceTypeSchemaDoc, type SupportStatusDoc } from "../type-schema";
import type { AttributeSchema, PropertyConstraint, PropertySchema, PropertyType, SupportStatus } from "../types";

/** A type's schema in Hearth's format: what the registry lays a plugin's hooks over. */
export interface CatalogTypeSchema {
  type: string;
  description: string;
  /** Absent when SUPPORTED with no message or version (Heat's default). */
  supportStatus?: SupportStatus;
  /** Shown properties, plus Heat's hidden (`hidden`, maybe `translateTo`) and not-implemented ones. */
  properties: Record<string, PropertySchema>;
  /** Shown attributes, plus Heat's hidden ones (`hidden`). */
  attributes: Record<string, AttributeSchema>;
  /** Heat's plugin resolves get_attr names beyond its schema. */
  openAttributes: boolean;
  /** Heat's plugin accepts any property (NoneResource). */
  openProperties: boolean;
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

/** Heat's status dict in Hearth's spelling. */
export function statusFromHeat(s: SupportStatusDoc): SupportStatus {
  return { status: s.status, message: s.message, version: s.version, previousStatus: s.previous_status ? statusFromHeat(s.previous_status) : null };
}

/** Hearth's status in Heat's spelling (SupportStatus.to_dict()). */
export function statusToHeat(s: SupportStatus): SupportStatusDoc {
  return { status: s.status, message: s.message, version: s.version, previous_status: s.previousStatus ? statusToHeat(s.previousStatus) : null };
}

const PLAIN_SUPPORTED = (s: SupportStatusDoc) => s.status === "SUPPORTED" && s.message === null && s.version === null && s.previous_status === null;

function attributeFromHeat(doc: AttributeSchemaDoc, where: string): AttributeSchema {
  return { ...(doc.description !== undefined ? { description: doc.description } : {}), ...(doc.type ? { type: propertyType(doc.type, where) } : {}) };
}

/** The property a dotted status path ("fixed_ips.*.subnet_id") names, or undefined. */
function propertyAt(properties: Record<string, PropertySchema>, path: string): PropertySchema | undefined {
  const [first, ...rest] = path.split(".");
  let s: PropertySchema | undefined = properties[first];
  for (const key of rest) s = key === "*" ? s?.items : s?.schema?.[key];
  return s;
}

/** The property Heat's deprecation message names ("Use property network."), this status or an earlier one. */
function successorNamed(status: SupportStatusDoc | null): string | undefined {
  for (let s = status; s; s = s.previous_status) {
    const m = /^Use property (\w+)/.exec(s.message ?? "");
    if (m) return m[1];
  }
  return undefined;
}

/**
 * The successor a hidden property translates to (Heat's REPLACE translation rules): the property its
 * status names, when the value fits it as is or as the one item of a list.
 */
function translationOf(hidden: PropertySchema, status: SupportStatusDoc | undefined, shown: Record<string, PropertySchema>): string | undefined {
  const name = successorNamed(status ?? null);
  const target = name ? shown[name] : undefined;
  if (!target || !name) return undefined;
  return target.type === hidden.type || target.items?.type === hidden.type ? name : undefined;
}

/** What a type's schema says beside its properties and attributes (a cheap read of the entry). */
export type CatalogTypeHeader = Omit<CatalogTypeSchema, "properties" | "attributes">;

/** A catalogue entry's type, description, status and openness in Hearth's format. */
export function typeHeaderFromHeat(entry: HeatCatalogEntry): CatalogTypeHeader {
  const { show } = entry;
  return {
    type: show.resource_type,
    description: show.description,
    ...(PLAIN_SUPPORTED(show.support_status) ? {} : { supportStatus: statusFromHeat(show.support_status) }),
    openAttributes: entry.open_attributes === true,
    openProperties: entry.open_properties === true,
  };
}

/**
 * Whether a resource of the type can change in place: it takes any property, or one of its
 * properties (shown, hidden or not implemented, as typeFromHeat gathers them) is update_allowed.
 */
export function updatesInPlace(entry: HeatCatalogEntry): boolean {
  const all = [entry.show.properties, entry.hidden_properties ?? {}, entry.unimplemented_properties ?? {}];
  return entry.open_properties === true || all.some((properties) => Object.values(properties).some((p) => p.update_allowed === true));
}

/** A catalogue entry (Heat's answer and what it leaves out) in Hearth's format. */
export function typeFromHeat(entry: HeatCatalogEntry): CatalogTypeSchema {
  const { show } = entry;
  const at = (name: string) => `${show.resource_type} ${name}`;
  const shown = mapValues(show.properties, (d, k) => propertyFromHeat(d, at(k)));
  const hidden = mapValues(entry.hidden_properties ?? {}, (d, k) => {
    const s: PropertySchema = { ...propertyFromHeat(d, at(k)), hidden: true };
    const to = translationOf(s, entry.property_status?.[k], shown);
    return to ? { ...s, translateTo: to } : s;
  });
  const unimplemented = mapValues(entry.unimplemented_properties ?? {}, (d, k): PropertySchema => ({ ...propertyFromHeat(d, at(k)), hidden: true, implemented: false }));
  const properties = { ...shown, ...hidden, ...unimplemented };
  for (const [path, status] of Object.entries(entry.property_status ?? {})) {
    const s = propertyAt(properties, path);
    if (!s) continue;
    s.status = statusFromHeat(status);
    // a renamed key inside list items or maps (fixed_ips.*.subnet_id -> subnet) translates too
    const parent = path.includes(".") ? propertyAt(properties, path.slice(0, path.lastIndexOf("."))) : undefined;
    const to = parent?.schema && status.status === "HIDDEN" ? translationOf(s, status, parent.schema) : undefined;
    if (to) s.translateTo = to;
  }
  const attributes = {
    ...mapValues(show.attributes, (d, k) => attributeFromHeat(d, at(k))),
    ...mapValues(entry.hidden_attributes ?? {}, (d, k): AttributeSchema => ({ ...attributeFromHeat(d, at(k)), hidden: true })),
  };
  for (const [name, status] of Object.entries(entry.attribute_status ?? {})) {
    if (attributes[name] && !PLAIN_SUPPORTED(status)) attributes[name].status = statusFromHeat(status);
  }
  return { ...typeHeaderFromHeat(entry), properties, attributes };
}

/** What GET /resource_types/{type}?with_description=true answers for a schema in Hearth's format. */
export function typeToHeat(schema: CatalogTypeSchema): ResourceTypeSchemaDoc {
  return pluginSchemaDoc(schema);
}

function mapValues<A, B>(o: Record<string, A>, f: (v: A, k: string) => B): Record<string, B> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v, k)]));
}
