/**
 * When an edge needs an attribute: a property that wants a value a resource *produces* (an IP
 * address, a secret, a script, a URL) rather than the resource itself takes {get_attr: [...]}.
 * Both sides are read from the registry's schemas: a property's `takes` says which kind of value it
 * wants, an attribute's `produces` which kind it gives (and the rest of its path). A resource never
 * takes an attribute of its own type (two servers are linked by depends_on, not by one's address in
 * the other's network list).
 */
import type { PropertySchema, ResourcePlugin, TypeRegistry, ValueKind } from "../../../lib/engine/resources/types";

/** A property (or list item key) that takes an attribute, and the get_attr arguments to write. */
export interface AttributeLink {
  /** Path inside the source's properties, e.g. ["fixed_ip_address"] or ["networks"] for a list. */
  property: string;
  /** For a list of maps: the item key that takes the value (networks -> fixed_ip). */
  itemKey?: string;
  /** True when the property is a list: the value is appended. */
  list: boolean;
  attribute: (string | number)[];
  schema: PropertySchema;
}

/** The get_attr path of the first attribute of `target` that produces `kind`, if any. */
export function producedAttribute(target: ResourcePlugin, kind: ValueKind | undefined): (string | number)[] | undefined {
  if (!kind) return undefined;
  const found = Object.entries(target.attributes).find(([, a]) => a.produces?.kind === kind);
  return found ? [found[0], ...(found[1].produces?.path ?? [])] : undefined;
}

/**
 * The first property of `sourceType` that takes an attribute of `targetType`; `isFree` says whether
 * a single-valued property may be written (one the user already filled is left alone).
 */
export function findAttributeLink(registry: TypeRegistry, sourceType: string, targetType: string, isFree: (property: string) => boolean): AttributeLink | undefined {
  const source = registry.get(sourceType);
  const target = registry.get(targetType);
  if (!source || !target || sourceType === targetType) return undefined;
  for (const [name, schema] of Object.entries(source.properties)) {
    if (schema.hidden) continue;
    if (schema.type === "string" && isFree(name)) {
      const attribute = producedAttribute(target, schema.takes);
      if (attribute) return { property: name, list: false, attribute, schema };
    }
    if (schema.type === "list" && !schema.items?.schema) {
      const attribute = producedAttribute(target, schema.takes);
      if (attribute) return { property: name, list: true, attribute, schema };
    }
    for (const [key, item] of Object.entries(schema.items?.schema ?? {})) {
      if (item.hidden || item.type !== "string") continue;
      const attribute = producedAttribute(target, item.takes);
      if (attribute) return { property: name, itemKey: key, list: true, attribute, schema };
    }
  }
  return undefined;
}
