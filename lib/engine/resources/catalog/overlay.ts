/**
 * Lays a hand-written plugin over Heat's schema of its type: the plugin keeps its hooks and what Hearth
 * adds (region rules, references, takes/produces, expectedMs, group readers ...), and the schema is
 * Heat's own (names, types, required, defaults, constraints, update_allowed, statuses, hidden ones).
 * A plugin that means to differ from Heat says so with `extension` (a property or attribute Heat lacks,
 * or a Heat property Hearth relaxes, whose Heat schema is then kept in `heat`); any other difference
 * between what a plugin writes and Heat's schema is an error, so no hand-written schema drifts: thrown
 * where the plugin's properties or attributes are first read (the overlay is lazy), and overlay.test.ts
 * reads every built-in plugin's.
 */
import { heatEntry, serviceOf } from "./heat-catalog";
import { typeFromHeat, typeHeaderFromHeat, type CatalogTypeSchema } from "./heat-schema";
import { constraintDoc } from "../type-schema";
import { canonical } from "./schema-diff";
import type { AttributeSchema, PropertySchema, ResourcePlugin } from "../types";

/** A property as a plugin over a Heat type writes it: Hearth's annotations, or an extension. */
export type PropertyOverlay = Partial<Omit<PropertySchema, "items" | "schema">> & {
  items?: PropertyOverlay;
  schema?: Record<string, PropertyOverlay>;
};

/**
 * What a plugin module declares. Over a Heat type, `description`, `service`, properties and attributes
 * may be left out or written as overlays; a type of Hearth's own gives them all in full.
 */
export interface PluginDefinition extends Omit<ResourcePlugin, "description" | "service" | "properties" | "attributes"> {
  description?: string;
  service?: string;
  properties?: Record<string, PropertyOverlay>;
  attributes?: Record<string, AttributeSchema>;
}

/** Fields Hearth adds to a Heat property (never in Heat's answer). */
const PROPERTY_ANNOTATIONS = ["region", "references", "takes"] as const;
/** Fields of Heat's schema a plugin may repeat but not change (without `extension`). */
const SCHEMA_FIELDS = ["type", "required", "default", "updateAllowed", "immutable", "constraints"] as const;

const cache = new Map<string, CatalogTypeSchema>();

/** Heat's schema of a type in Hearth's format, or undefined for a type Heat does not have. */
export function catalogSchema(type: string): CatalogTypeSchema | undefined {
  const entry = heatEntry(type);
  if (!entry) return undefined;
  let schema = cache.get(type);
  if (!schema) cache.set(type, (schema = typeFromHeat(entry)));
  return schema;
}

function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function fieldOf(s: PropertyOverlay, field: (typeof SCHEMA_FIELDS)[number]): unknown {
  const v = s[field];
  return field === "constraints" ? (v as PropertySchema["constraints"] | undefined)?.map(constraintDoc) ?? [] : (v ?? (field === "required" || field === "updateAllowed" || field === "immutable" ? false : undefined));
}

function annotations(o: PropertyOverlay): Partial<PropertySchema> {
  return Object.fromEntries(PROPERTY_ANNOTATIONS.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
}

/** A property Hearth adds (no Heat schema under it): written in full, with its extension note. */
function hearthProperty(o: PropertyOverlay, where: string): PropertySchema {
  if (o.extension === undefined || o.type === undefined) throw new Error(`${where}: not in Heat's schema; a Hearth property needs a type and an extension note`);
  const { items, schema, ...rest } = o;
  return {
    ...rest,
    type: o.type,
    ...(items ? { items: hearthProperty({ extension: o.extension, ...items }, `${where}.*`) } : {}),
    ...(schema ? { schema: Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, hearthProperty({ extension: o.extension, ...v }, `${where}.${k}`)])) } : {}),
  };
}

/** Heat's property with the plugin's overlay laid over it. */
function overlayProperty(heat: PropertySchema, o: PropertyOverlay, where: string): PropertySchema {
  if (o.extension !== undefined) {
    const { items, schema, ...rest } = o;
    const relaxed: PropertySchema = { ...heat, ...rest, type: o.type ?? heat.type, heat };
    if (items) relaxed.items = heat.items ? overlayProperty(heat.items, items, `${where}.*`) : hearthProperty({ extension: o.extension, ...items }, `${where}.*`);
    if (schema) relaxed.schema = overlayProperties(heat.schema ?? {}, schema, where, o.extension);
    return relaxed;
  }
  for (const field of SCHEMA_FIELDS) {
    if (o[field] !== undefined && !same(fieldOf(o, field), fieldOf(heat, field))) {
      throw new Error(`${where}: ${field} ${JSON.stringify(fieldOf(o, field))} differs from Heat's ${JSON.stringify(fieldOf(heat, field))}; drop it, or mark the property an extension`);
    }
  }
  const out: PropertySchema = { ...heat, ...annotations(o) };
  if (o.items) {
    if (!heat.items) throw new Error(`${where}: Heat's schema has no list items`);
    out.items = overlayProperty(heat.items, o.items, `${where}.*`);
  }
  if (o.schema) out.schema = overlayProperties(heat.schema ?? {}, o.schema, where);
  return out;
}

function overlayProperties(
  heat: Record<string, PropertySchema>,
  overlay: Record<string, PropertyOverlay>,
  where: string,
  inherited?: string,
): Record<string, PropertySchema> {
  const out = { ...heat };
  for (const [name, o] of Object.entries(overlay)) {
    const at = `${where}.${name}`;
    const withNote = inherited !== undefined && o.extension === undefined ? { extension: inherited, ...o } : o;
    out[name] = heat[name] ? overlayProperty(heat[name], withNote, at) : hearthProperty(withNote, at);
  }
  return out;
}

function overlayAttributes(heat: Record<string, AttributeSchema>, overlay: Record<string, AttributeSchema>, type: string): Record<string, AttributeSchema> {
  const out = { ...heat };
  for (const [name, o] of Object.entries(overlay)) {
    const where = `${type} attribute ${name}`;
    const base = heat[name];
    if (!base) {
      if (o.extension === undefined) throw new Error(`${where}: not in Heat's schema; a Hearth attribute needs an extension note`);
      out[name] = o;
      continue;
    }
    if (o.type !== undefined && o.type !== base.type) throw new Error(`${where}: type ${o.type} differs from Heat's ${base.type ?? "none"}`);
    out[name] = { ...base, ...(o.produces ? { produces: o.produces } : {}) };
  }
  return out;
}

const SHOW: AttributeSchema = { description: "Detailed information about resource.", type: "map" };

/**
 * The plugin a definition makes: over Heat's schema when Heat has the type, else as written (a type of
 * Hearth's own, which must give its description, service, properties and attributes; `show` is added).
 * Over a Heat type, properties and attributes are laid over Heat's schema on their first read (a
 * command that runs a few types converts only their schemas), so a plugin that drifts from Heat's
 * schema throws there; catalog/overlay.test.ts reads every built-in plugin's.
 */
export function buildPlugin(def: PluginDefinition): ResourcePlugin {
  const entry = heatEntry(def.type);
  if (!entry) {
    const { description, service, properties, attributes } = def;
    if (description === undefined || service === undefined || !properties || !attributes) {
      throw new Error(`${def.type} is not a Heat type: give its description, service, properties and attributes`);
    }
    const full = Object.fromEntries(Object.entries(properties).map(([k, o]) => [k, checkFull(o, `${def.type} ${k}`)]));
    return { ...def, description, service, properties: full, attributes: { show: SHOW, ...attributes } };
  }
  const heat = typeHeaderFromHeat(entry);
  const { properties, attributes, ...rest } = def;
  const plugin = {
    ...rest,
    description: heat.description,
    service: def.service ?? serviceOf(def.type),
    ...(heat.supportStatus ? { supportStatus: heat.supportStatus } : {}),
    ...(heat.openAttributes || def.openAttributes ? { openAttributes: true } : {}),
    ...(heat.openProperties || def.openProperties ? { openProperties: true } : {}),
  } as ResourcePlugin;
  lazily(plugin, "properties", () => overlayProperties(catalogSchema(def.type)!.properties, properties ?? {}, def.type));
  lazily(plugin, "attributes", () => overlayAttributes(catalogSchema(def.type)!.attributes, attributes ?? {}, def.type));
  return plugin;
}

/** Makes `plugin[key]` computed on its first read, a plain property from then on (a throw is not kept). */
function lazily<K extends "properties" | "attributes">(plugin: ResourcePlugin, key: K, compute: () => ResourcePlugin[K]): void {
  const settle = (value: ResourcePlugin[K]) => {
    Object.defineProperty(plugin, key, { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  Object.defineProperty(plugin, key, { get: () => settle(compute()), set: settle, enumerable: true, configurable: true });
}

/** A property of a Hearth type, checked to be whole (it has a type, down its items and keys). */
function checkFull(o: PropertyOverlay, where: string): PropertySchema {
  if (o.type === undefined) throw new Error(`${where}: a property of a Hearth type needs a type`);
  if (o.items) checkFull(o.items, `${where}.*`);
  for (const [k, v] of Object.entries(o.schema ?? {})) checkFull(v, `${where}.${k}`);
  return o as PropertySchema;
}
