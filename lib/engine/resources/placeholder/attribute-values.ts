/**
 * Plausible attribute values for a placeholder object (ports/objects.ts), derived from the object and
 * the attribute's name and type, deterministically: the same object always answers the same values.
 * An attribute named like a property gives the property's value; ids, names, statuses, URLs,
 * addresses and times look like what OpenStack would answer; otherwise the type's plain value.
 */
import type { CloudObject } from "../../ports";
import type { AttributeSchema } from "../types";

/** A 32-bit FNV-1a hash of `text`. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A UUID-shaped id derived from the object and the attribute. */
function derivedId(object: CloudObject, name: string): string {
  const hex = [0, 1, 2, 3].map((i) => hash(`${object.id}/${name}/${i}`).toString(16).padStart(8, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The service part of a type's URL host ("OS::Octavia::LoadBalancer" -> "octavia"). */
function host(object: CloudObject): string {
  return (object.kind.split("::")[1] ?? "cloud").toLowerCase();
}

/** A string value the attribute's name suggests, or undefined when it suggests none. */
function namedString(object: CloudObject, name: string, projectId: string): string | undefined {
  const n = name.toLowerCase();
  if (n === "id" || n === "uuid") return object.id;
  if (n === "name") return object.name;
  if (n === "status") return object.status;
  if (/(^|_)(tenant|project)(_id)?$/.test(n)) return projectId;
  if (/(^|_)(id|uuid)$/.test(n)) return derivedId(object, name);
  if (/url|href|endpoint|uri/.test(n)) return `https://${host(object)}.${object.region.toLowerCase()}.hearth.test/v1/${object.id}`;
  if (/mac/.test(n)) return `fa:16:3e:${[0, 8, 16].map((s) => ((hash(object.id + name) >>> s) & 0xff).toString(16).padStart(2, "0")).join(":")}`;
  if (/(^|_)ip|address/.test(n)) return `10.${[0, 8, 16].map((s) => (hash(object.id + name) >>> s) & 0xfe || 1).join(".")}`;
  if (/(_at|time|date)$/.test(n)) return object.updatedAt;
  return undefined;
}

/** The attribute `show`: the object's details, as Heat's show gives the service's answer. */
export function showValue(object: CloudObject): Record<string, unknown> {
  return { ...object.properties, id: object.id, name: object.name, status: object.status, created_at: object.createdAt, updated_at: object.updatedAt };
}

/** The value of attribute `name` of a placeholder object (null for a name its schema does not have). */
export function placeholderAttribute(object: CloudObject, name: string, schema: AttributeSchema | undefined, projectId: string): unknown {
  if (name === "show") return showValue(object);
  if (!schema) return null;
  const property = object.properties[name];
  if (property !== undefined && property !== null) return schema.type === "string" && typeof property !== "string" ? JSON.stringify(property) : property;
  switch (schema.type) {
    case "integer":
      return 0;
    case "number":
      return 0;
    case "boolean":
      return /enabled|active|up$/.test(name);
    case "list":
      return [];
    case "map":
      return {};
    default:
      return namedString(object, name, projectId) ?? `${name}-${object.id}`;
  }
}
