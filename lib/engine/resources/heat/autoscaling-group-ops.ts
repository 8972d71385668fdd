/**
 * What an OS::Heat::AutoScalingGroup does to its members: create them, resize, replace given members
 * and roll a new definition out in batches, each step one update of the members' nested stack. New
 * members are created before old ones are deleted, except when that would take the group past
 * max_size: then the old ones go first.
 */
import { isNotFound } from "../support/cloud-errors";
import { shortId } from "../support/naming";
import { optMap, optNumber, optString } from "../support/props";
import type { ResourceContext } from "../types";
import type { NestedStackView } from "../../ports";
import { batchMembers, type GroupMember, needsUpdate, nextBatch, removalOrder, storedMembers } from "./autoscaling-group-members";
import { type MemberDefinition, membersTemplate } from "./group-nested";
import { nestedOf, requireComplete } from "./nested";

/** The member definition of the `resource` property. */
export function memberDefinition(props: Record<string, unknown>): MemberDefinition {
  const def = optMap(props, "resource");
  const type = optString(def, "type");
  if (!type) throw new Error("Property resource: a member definition needs a type");
  const metadata = def.metadata ? optMap(def, "metadata") : undefined;
  return { type, properties: optMap(def, "properties"), ...(metadata ? { metadata } : {}) };
}

/** min_size, max_size and the size the group should have (desired_capacity, else min_size). */
export function sizes(props: Record<string, unknown>): { min: number; max: number; desired: number } {
  const min = optNumber(props, "min_size") ?? 0;
  const max = optNumber(props, "max_size") ?? 0;
  const desired = optNumber(props, "desired_capacity") ?? min;
  return { min, max, desired };
}

const sameDefinition = (a: MemberDefinition, b: MemberDefinition) => JSON.stringify(a) === JSON.stringify(b);

function saveMembers(ctx: ResourceContext, members: GroupMember[]): void {
  ctx.setData("members", JSON.stringify(members));
}

/** Creates the group's nested stack with `count` members. */
export async function createMembers(ctx: ResourceContext, count: number): Promise<void> {
  const definition = memberDefinition(ctx.properties);
  const members = Array.from({ length: count }, () => ({ name: shortId(ctx), definition }));
  saveMembers(ctx, members);
  const view = await ctx.nested.create({ template: template(members), region: ctx.region });
  ctx.setPhysicalId(view.id);
  requireComplete(view);
}

function template(members: GroupMember[]): string {
  return membersTemplate(members.map((m) => [m.name, m.definition] as const));
}

async function requireView(ctx: ResourceContext): Promise<NestedStackView> {
  const view = await nestedOf(ctx);
  if (!view) throw new Error(`The nested stack of ${ctx.name} does not exist`);
  return view;
}

/** Moves the nested stack to `next`: one update, or two (removals first) when both at once would exceed `max`. */
async function apply(ctx: ResourceContext, current: GroupMember[], next: GroupMember[], max: number): Promise<void> {
  const view = await requireView(ctx);
  const nextNames = new Set(next.map((m) => m.name));
  const kept = current.filter((m) => nextNames.has(m.name));
  const added = next.length - kept.length;
  if (kept.length < current.length && current.length + added > max) {
    saveMembers(ctx, kept);
    requireComplete(await ctx.nested.update(view.id, { template: template(kept), region: ctx.region }));
  }
  saveMembers(ctx, next);
  requireComplete(await ctx.nested.update(view.id, { template: template(next), region: ctx.region }));
}

/**
 * Names of members that are failed: their resource is FAILED or marked unhealthy, or the server
 * behind their reference id reports unhealthy metrics (crashed, hung, in ERROR).
 */
export async function failedMembers(ctx: ResourceContext, view: NestedStackView | undefined): Promise<Set<string>> {
  const failed = new Set<string>();
  for (const r of view?.resources ?? []) {
    if (r.unhealthy || r.status.endsWith("_FAILED")) {
      failed.add(r.name);
      continue;
    }
    try {
      if (!(await ctx.cloud.compute.metrics(r.ref)).healthy) failed.add(r.name);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  return failed;
}

/** `next` in the group's age order: survivors as they were in `members`, new members last. */
function inAgeOrder(members: GroupMember[], next: GroupMember[]): GroupMember[] {
  const age = new Map(members.map((m, i) => [m.name, i]));
  return [...next].sort((a, b) => (age.get(a.name) ?? Infinity) - (age.get(b.name) ?? Infinity));
}

/** How a rolling change proceeds. */
export interface RollingOptions {
  /** Group size to reach. */
  target: number;
  /** Members that must get a new copy even if their definition is current. */
  replace: ReadonlySet<string>;
  batchSize: number;
  minInService: number;
  pauseMs: number;
}

/** Heat's batched update, from the stored members to `options.target` members all up to date. */
export async function rollMembers(ctx: ResourceContext, props: Record<string, unknown>, options: RollingOptions): Promise<void> {
  const definition = memberDefinition(props);
  const { max } = sizes(props);
  const failed = await failedMembers(ctx, await nestedOf(ctx));
  const stale = (m: GroupMember) => options.replace.has(m.name) || !sameDefinition(m.definition, definition);
  let members = storedMembers(ctx.data);
  const first = new Set([...failed, ...members.filter(stale).map((m) => m.name)]);
  for (let round = 0; ; round++) {
    const upToDate = members.filter((m) => !stale(m)).length;
    if (!needsUpdate(options.target, members.length, upToDate)) return;
    if (round > 0 && options.pauseMs > 0) await ctx.sleep?.(options.pauseMs);
    const { capacity, batch } = nextBatch(options.target, members.length, upToDate, options.batchSize, options.minInService);
    const next = inAgeOrder(members, batchMembers(removalOrder(members, first), capacity, batch, stale, definition, () => shortId(ctx)));
    ctx.note(`Batch ${round + 1}: ${capacity} members, ${batch} with the current definition`);
    await apply(ctx, members, next, max);
    members = next;
  }
}

/** Resizes the group to `target` members: new ones are added, members go in removal order. */
export async function resize(ctx: ResourceContext, props: Record<string, unknown>, target: number): Promise<void> {
  const members = storedMembers(ctx.data);
  if (target === members.length) return;
  const failed = await failedMembers(ctx, await nestedOf(ctx));
  const definition = memberDefinition(props);
  const next = inAgeOrder(members, batchMembers(removalOrder(members, failed), target, Math.max(0, target - members.length), () => false, definition, () => shortId(ctx)));
  await apply(ctx, members, next, Math.max(target, members.length));
}

/**
 * The member a replacement request names: a member name or reference id; without one, the first
 * failed member, else the oldest. Undefined when no member matches (it may have been replaced already).
 */
export async function memberToReplace(ctx: ResourceContext, requested: string | undefined): Promise<string | undefined> {
  const members = storedMembers(ctx.data);
  const view = await nestedOf(ctx);
  if (requested) {
    if (members.some((m) => m.name === requested)) return requested;
    return view?.resources?.find((r) => r.ref === requested && members.some((m) => m.name === r.name))?.name;
  }
  return removalOrder(members, await failedMembers(ctx, view))[0]?.name;
}
