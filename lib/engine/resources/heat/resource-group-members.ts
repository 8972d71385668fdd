/**
 * Member bookkeeping of OS::Heat::ResourceGroup, as Heat does it: members are named "0", "1", ...;
 * names removed through removal_policies go to a skiplist (resource data "name_blacklist") and are
 * never reused; the nested template holds one resource per member with index_var substituted.
 */
import { optList, optMap, optNumber, optString } from "../support/props";
import { membersTemplate } from "./group-nested";

/** The skiplist stored in a group's data. */
export function currentSkiplist(data: Record<string, string>): string[] {
  return data.name_blacklist ? data.name_blacklist.split(",") : [];
}

/**
 * The skiplist after applying `props.removal_policies`: each entry is a member name, or a member's
 * reference id (looked up in `refs`, name -> ref id, when the group exists).
 */
export function nextSkiplist(
  props: Record<string, unknown>,
  current: string[],
  refs: Record<string, string> | undefined,
): string[] {
  const result = new Set(optString(props, "removal_policies_mode") === "update" ? [] : current);
  for (const policy of optList<Record<string, unknown>>(props, "removal_policies")) {
    for (const entry of optList<unknown>(policy, "resource_list")) {
      const name = String(entry);
      if (current.includes(name) || !refs || name in refs) {
        result.add(name);
        continue;
      }
      const byRef = Object.entries(refs).find(([, ref]) => ref === entry);
      if (byRef) result.add(byRef[0]);
    }
  }
  return [...result].sort();
}

/** The first `count` names "0", "1", ... that are not skipped. */
export function memberNames(count: number, skiplist: readonly string[]): string[] {
  const names: string[] = [];
  for (let i = 0; names.length < count; i++) if (!skiplist.includes(String(i))) names.push(String(i));
  return names;
}

function substitute(value: unknown, indexVar: string, name: string): unknown {
  if (typeof value === "string") return value.split(indexVar).join(name);
  if (Array.isArray(value)) return value.map((v) => substitute(v, indexVar, name));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, indexVar, name)]));
  }
  return value;
}

/** The nested template (JSON text) with one member per name, index_var substituted in each. */
export function memberTemplate(props: Record<string, unknown>, names: readonly string[]): string {
  const def = optMap(props, "resource_def");
  const indexVar = optString(props, "index_var") ?? "%index%";
  const properties = optMap(def, "properties");
  const metadata = def.metadata ? optMap(def, "metadata") : undefined;
  return membersTemplate(
    names.map((name) => [name, { type: optString(def, "type") as string, properties: substitute(properties, indexVar, name) as Record<string, unknown>, metadata }] as const),
  );
}

/** The group's size property (default 1). */
export function groupCount(props: Record<string, unknown>): number {
  return optNumber(props, "count") ?? 1;
}
