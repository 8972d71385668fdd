/**
 * What OS::Heat::ResourceGroup and OS::Heat::AutoScalingGroup share: the nested template holding one
 * resource per member, and the group attributes read from the members (resource.<name>[.attr], refs,
 * refs_map, attributes + name, and any other name as the list of that attribute over the members).
 */
import { selectPath } from "../support/props";
import type { PropertySchema } from "../types";
import type { NestedStackView } from "../../ports";

/** A member's resource definition, as a group's resource_def / resource property gives it. */
export interface MemberDefinition {
  type: string;
  properties?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

/** Schema of a member definition property (a group's resource_def / resource, a FailoverPolicy's resource). */
export function memberDefinitionSchema(description: string, members: string, metadata = true): PropertySchema {
  return {
    type: "map",
    description,
    required: true,
    updateAllowed: true,
    schema: {
      type: { type: "string", description: `The type of the ${members}.`, required: true },
      properties: { type: "map", description: `Property values for the ${members}.` },
      ...(metadata ? { metadata: { type: "map", description: `Supplied metadata for the ${members}.` } } : {}),
    },
  };
}

/** The nested template (JSON text, HOT 2015-04-30) with one resource per member, in order. */
export function membersTemplate(members: readonly (readonly [string, MemberDefinition])[]): string {
  const resources: Record<string, unknown> = {};
  for (const [name, def] of members) {
    const properties = Object.fromEntries(Object.entries(def.properties ?? {}).filter(([, v]) => v !== null && v !== undefined));
    resources[name] = {
      type: def.type,
      ...(Object.keys(properties).length ? { properties } : {}),
      ...(def.metadata ? { metadata: def.metadata } : {}),
    };
  }
  return JSON.stringify({ heat_template_version: "2015-04-30", resources });
}

/** A member's reference id (empty path) or attribute; null when the member does not exist. */
export async function memberValue(view: NestedStackView | undefined, name: string, path: (string | number)[]): Promise<unknown> {
  if (!view || !(name in view.resourceRefs)) return null;
  if (path.length === 0) return view.resourceRefs[name];
  return view.attribute(name, String(path[0]), path.slice(1));
}

/** How a group names itself and resolves `resource.<key>` to a member name. */
export interface GroupShape {
  /** The group's logical name (for messages). */
  group: string;
  /** Member names, in the group's order (refs and the lists follow it). */
  names: string[];
  /** Maps the key after "resource." to a member name (an AutoScalingGroup also accepts an index). */
  memberName?(key: string): string;
}

/** The value of one group attribute; undefined for a key the caller handles itself. */
export async function groupAttribute(view: NestedStackView | undefined, shape: GroupShape, key: string, path: (string | number)[]): Promise<unknown> {
  const { names } = shape;
  if (key.startsWith("resource.")) {
    // "resource.<name>[.<attribute>]": the attribute part may itself contain dots.
    const rest = key.slice("resource.".length);
    const dot = rest.indexOf(".");
    const raw = dot < 0 ? rest : rest.slice(0, dot);
    const name = shape.memberName ? shape.memberName(raw) : raw;
    const attr = dot < 0 ? undefined : rest.slice(dot + 1);
    if (attr === undefined && path.length === 0 && view && !(name in view.resourceRefs)) {
      throw new Error(`Member '${raw}' not found in group resource '${shape.group}'.`);
    }
    return memberValue(view, name, attr === undefined ? path : [attr, ...path]);
  }
  if (key === "refs") return selectPath(await Promise.all(names.map((n) => memberValue(view, n, []))), path);
  if (key === "refs_map") {
    return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await memberValue(view, n, [])])));
  }
  if (key === "attributes") {
    if (path.length === 0) throw new Error(`The Referenced Attribute (${shape.group} attributes) is incorrect.`);
    return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await memberValue(view, n, path)])));
  }
  return Promise.all(names.map((n) => memberValue(view, n, [key, ...path])));
}
