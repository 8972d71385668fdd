/**
 * When an edge needs an attribute: a property that wants a value a resource *produces* (an IP
 * address, a secret, a script, a URL) rather than the resource itself takes {get_attr: [...]}.
 * What a property wants is read from its name (so it covers every type, present and future); what
 * a type produces is this small table of attribute paths, each checked against the type's own
 * attribute schema. A resource never takes an attribute of its own type (two servers are linked by
 * depends_on, not by one's address in the other's network list).
 */
import type { PropertySchema, ResourcePlugin, TypeRegistry } from "../../../lib/engine/resources/types";

/** Kinds of value a property can want from another resource. */
export type ValueKind = "ip" | "secret" | "script" | "url";

/** Which property names want which kind of value. */
const WANTS: [ValueKind, RegExp][] = [
  ["ip", /(^|_)ip(_address)?$/],
  ["secret", /(^|_)(pass|password|secret|salt)$/],
  ["script", /^user_data$/],
  ["url", /_(actions|url)$/],
];

/** Attributes that produce each kind, per type: [kind, attribute path]. */
export const PRODUCES: Record<string, [ValueKind, (string | number)[]][]> = {
  "OS::Nova::Server": [["ip", ["first_address"]]],
  "OS::Neutron::Port": [["ip", ["fixed_ips", 0, "ip_address"]]],
  "OS::Neutron::FloatingIP": [["ip", ["floating_ip_address"]]],
  "OS::Heat::RandomString": [["secret", ["value"]]],
  "OS::Heat::SoftwareConfig": [["script", ["config"]]],
  "OS::Heat::WaitConditionHandle": [
    ["script", ["curl_cli"]],
    ["url", ["endpoint"]],
  ],
  "OS::Heat::ScalingPolicy": [["url", ["alarm_url"]]],
};

/** The kind of value a property wants, from its name; undefined for anything else. */
export function wantedKind(property: string): ValueKind | undefined {
  return WANTS.find(([, pattern]) => pattern.test(property))?.[0];
}

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

/** The attribute path of `target` that produces what `property` wants, if any. */
function produced(target: ResourcePlugin, property: string): (string | number)[] | undefined {
  const kind = wantedKind(property);
  return kind ? PRODUCES[target.type]?.find(([k]) => k === kind)?.[1] : undefined;
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
      const attribute = produced(target, name);
      if (attribute) return { property: name, list: false, attribute, schema };
    }
    if (schema.type === "list" && !schema.items?.schema) {
      const attribute = produced(target, name);
      if (attribute) return { property: name, list: true, attribute, schema };
    }
    for (const [key, item] of Object.entries(schema.items?.schema ?? {})) {
      if (item.hidden || item.type !== "string") continue;
      const attribute = produced(target, key);
      if (attribute) return { property: name, itemKey: key, list: true, attribute, schema };
    }
  }
  return undefined;
}
