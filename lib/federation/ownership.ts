/**
 * How a remote child records its owner: Heat stack tags `hearth.owner.<field>=<value>` (region,
 * stack, resource, generation), set when the parent creates it, so `openstack stack show` and the
 * API show who owns a stack, and the child's region can tell an owned stack from a free one.
 */
import { conflict } from "../engine/errors";
import type { NestedOwner } from "../engine/ports";

/** The owner as the child's tags record it. */
export interface RecordedOwner {
  region: string;
  stackId: string;
  resource: string;
  generation: number;
}

/** The prefix of every owner tag. */
export const OWNER_TAG_PREFIX = "hearth.owner.";

/** The tags recording `owner` on a child. */
export function ownerTags(owner: NestedOwner): string[] {
  return [`${OWNER_TAG_PREFIX}region=${owner.region}`, `${OWNER_TAG_PREFIX}stack=${owner.stackId}`, `${OWNER_TAG_PREFIX}resource=${owner.resource}`, `${OWNER_TAG_PREFIX}generation=${owner.generation}`];
}

/** The owner a stack's tags record; undefined for a stack nobody owns. */
export function ownerOf(tags: readonly string[] | null | undefined): RecordedOwner | undefined {
  const fields = new Map<string, string>();
  for (const tag of tags ?? []) {
    if (!tag.startsWith(OWNER_TAG_PREFIX)) continue;
    const eq = tag.indexOf("=");
    if (eq > 0) fields.set(tag.slice(OWNER_TAG_PREFIX.length, eq), tag.slice(eq + 1));
  }
  const region = fields.get("region");
  const stackId = fields.get("stack");
  const resource = fields.get("resource");
  const generation = Number(fields.get("generation"));
  if (!region || !stackId || !resource || !Number.isInteger(generation)) return undefined;
  return { region, stackId, resource, generation };
}

/** What a change to a stack may carry: `overrideOwner` lets it change a stack that has an owner. */
export interface OwnerOverride {
  /** API: `?override_owner=true`; CLI: `--override-owner`. The owner's own calls set it. */
  overrideOwner?: boolean;
}

/**
 * Refuses (a Conflict, HTTP 409) a change to a stack that records an owner, naming the owner, unless
 * `override` is set: a child is changed through its parent, or deliberately here (say, while the
 * parent's region is down), which the parent will then see as divergence.
 */
export function requireOwnerOverride(stack: { name: string; tags: readonly string[] }, change: string, override: OwnerOverride | undefined): void {
  const owner = ownerOf(stack.tags);
  if (!owner || override?.overrideOwner === true) return;
  throw conflict(
    `Stack ${stack.name} is owned by resource ${owner.resource} of stack ${owner.stackId} in region ${owner.region} (generation ${owner.generation}): ${change} it through its owner, or pass override_owner=true (CLI: --override-owner) to change it here; the owner will then see it as diverged`,
  );
}
