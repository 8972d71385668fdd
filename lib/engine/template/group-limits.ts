/**
 * Group sizes at validation: a group type declares how many members its properties ask for
 * (ResourcePlugin.memberCount: a ResourceGroup's count, an AutoScalingGroup's max_size or
 * desired_capacity). Where that value is known before create (a literal, a parameter), the stack's
 * resources plus every group's members must stay within max_resources_per_stack, as Heat counts a
 * nested stack's resources into its root; the group that goes over is refused at the property that
 * sizes it, before any member is allocated. A size that reads other resources is left to create.
 */
import { FnCall, isMapping } from "../functions";
import { exceeds, limitMessage, TOO_MANY_RESOURCES } from "../limits";
import type { MemberCount } from "../resources/types";
import { readsResources } from "./properties";
import type { ResourceEntry } from "./resources";
import { report, type CompileState } from "./state";

/** The properties of `entry` whose values are known now, resolved; the rest left out. */
function knownProperties(state: CompileState, entry: ResourceEntry): Record<string, unknown> {
  const resolve = (snippet: unknown): unknown => state.contexts.compileCtx.resolve(snippet);
  if (entry.properties instanceof FnCall) {
    if (readsResources(entry.properties)) return {};
    const whole = resolve(entry.properties);
    return isMapping(whole) ? whole : {};
  }
  if (!isMapping(entry.properties)) return {};
  const known: Record<string, unknown> = {};
  for (const [key, snippet] of Object.entries(entry.properties)) if (!readsResources(snippet)) known[key] = resolve(snippet);
  return known;
}

/** How many members `entry` asks for, when its type is a group and the size is known now. */
function membersOf(state: CompileState, entry: ResourceEntry): MemberCount | undefined {
  const plugin = state.options.registry.get(entry.type);
  if (!plugin?.memberCount) return undefined;
  try {
    return plugin.memberCount(knownProperties(state, entry));
  } catch {
    return undefined; // an unresolvable or ill-typed size is reported by the checks that own it
  }
}

/**
 * Refuses the first group whose members take the stack (its `defined` resources plus the members of
 * the groups before it) over `limit` (max_resources_per_stack; -1 is off), at the group's sizing property.
 */
export function checkGroupSizes(state: CompileState, entries: Iterable<ResourceEntry>, defined: number, limit: number): void {
  if (limit < 0) return;
  let total = defined;
  for (const entry of entries) {
    const size = membersOf(state, entry);
    if (!size) continue;
    total += Math.max(size.members, 0);
    if (!exceeds(total, limit)) continue;
    report(state, "error", "limit.exceeded", limitMessage(TOO_MANY_RESOURCES), ["resources", entry.name, "properties", size.property]);
    return;
  }
}
