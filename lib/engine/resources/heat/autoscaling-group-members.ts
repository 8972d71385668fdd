/**
 * Member bookkeeping of OS::Heat::AutoScalingGroup, as Heat's scaling code does it: the members in
 * creation order (kept in the resource data "members"), Heat's removal order (failed first, then the
 * oldest, then by name), Heat's rolling-update batch arithmetic (heat/scaling/rolling_update.py) and
 * the member list each batch leads to (heat/scaling/template.py's member_definitions).
 */
import type { MemberDefinition } from "./group-nested";

/** One member: its name in the nested stack and the definition it was created with. */
export interface GroupMember {
  name: string;
  definition: MemberDefinition;
}

/** The members stored in a group's data, oldest first. */
export function storedMembers(data: Record<string, string>): GroupMember[] {
  return data.members ? (JSON.parse(data.members) as GroupMember[]) : [];
}

/** The names of the members stored in a group's data, oldest first (the plugin's GroupReader). */
export function storedMemberNames(data: Record<string, string>): string[] {
  return storedMembers(data).map((m) => m.name);
}

/** Whether more batches are needed: Heat's rolling_update.needs_update. */
export function needsUpdate(target: number, current: number, upToDate: number): boolean {
  return !(upToDate >= current && current === target);
}

/**
 * The next batch of a rolling update: Heat's rolling_update.next_batch. Returns the group's size after
 * the batch and how many members get the new definition in it (new members included).
 */
export function nextBatch(target: number, current: number, upToDate: number, batchSize: number, minInService: number): { capacity: number; batch: number } {
  if (upToDate > current) throw new Error(`${upToDate} members up to date out of ${current}`);
  const effectiveMin = Math.min(minInService, target, current);
  const batch = Math.min(batchSize, Math.max(target - upToDate, 0));
  return { capacity: batch + Math.max(Math.min(current, target - batch), effectiveMin), batch };
}

/**
 * Members sorted in the order they are removed or replaced: those in `first` (failed or asked to be
 * replaced) first, then the oldest, then by name.
 */
export function removalOrder(members: readonly GroupMember[], first: ReadonlySet<string>): GroupMember[] {
  const age = new Map(members.map((m, i) => [m.name, i]));
  const rank = (m: GroupMember) => (first.has(m.name) ? 0 : 1);
  return [...members].sort((a, b) => rank(a) - rank(b) || age.get(a.name)! - age.get(b.name)! || a.name.localeCompare(b.name));
}

/**
 * The members after one batch (member_definitions): keep the last `capacity` members of `ordered`
 * (removal order, so the first ones go), give `batch` of them the new definition, new members
 * included. A member getting the new definition is replaced by a new one (a new name from `newName`),
 * which takes the old one's place in the age order.
 */
export function batchMembers(
  ordered: readonly GroupMember[],
  capacity: number,
  batch: number,
  isStale: (m: GroupMember) => boolean,
  definition: MemberDefinition,
  newName: () => string,
): GroupMember[] {
  const kept = ordered.slice(Math.max(0, ordered.length - capacity));
  const creating = capacity - kept.length;
  let replacing = batch - creating;
  const result: GroupMember[] = [];
  for (const m of kept) {
    if (isStale(m) && replacing > 0) {
      replacing--;
      result.push({ name: newName(), definition });
    } else {
      result.push(m);
    }
  }
  for (let i = 0; i < creating; i++) result.push({ name: newName(), definition });
  return result;
}

/** Heat's percent/exact/change capacity rules: scalingutil.calculate_new_capacity. */
export function newCapacity(current: number, adjustment: number, type: string, minStep: number | undefined, min: number, max: number): number {
  let capacity: number;
  if (type === "change_in_capacity") capacity = current + adjustment;
  else if (type === "exact_capacity") capacity = adjustment;
  else if (type === "percent_change_in_capacity") {
    const delta = (current * adjustment) / 100;
    let rounded = Math.abs(delta) < 1 ? (delta > 0 ? Math.ceil(delta) : Math.floor(delta)) : delta > 0 ? Math.floor(delta) : Math.ceil(delta);
    if (minStep && minStep > Math.abs(rounded)) rounded = rounded > 0 ? minStep : -minStep;
    capacity = current + rounded;
  } else {
    throw new Error(`Unknown adjustment_type ${type}: expected change_in_capacity, exact_capacity or percent_change_in_capacity`);
  }
  return Math.min(max, Math.max(min, capacity));
}
