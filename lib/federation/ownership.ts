/**
 * How a remote child records its owner: Heat stack tags `hearth.owner.<field>=<value>` (region,
 * stack, resource, generation), set when the parent creates it, so `openstack stack show` and the
 * API show who owns a stack, and the child's region can tell an owned stack from a free one.
 */
import type { NestedOwner } from "../engine/ports";

/** The owner as the child's tags record it. */
export interface RecordedOwner {
  region: string;
  stackId: string;
  resource: string;
  generation: number;
}

const PREFIX = "hearth.owner.";

/** The tags recording `owner` on a child. */
export function ownerTags(owner: NestedOwner): string[] {
  return [`${PREFIX}region=${owner.region}`, `${PREFIX}stack=${owner.stackId}`, `${PREFIX}resource=${owner.resource}`, `${PREFIX}generation=${owner.generation}`];
}

/** The owner a stack's tags record; undefined for a stack nobody owns. */
export function ownerOf(tags: readonly string[] | null | undefined): RecordedOwner | undefined {
  const fields = new Map<string, string>();
  for (const tag of tags ?? []) {
    if (!tag.startsWith(PREFIX)) continue;
    const eq = tag.indexOf("=");
    if (eq > 0) fields.set(tag.slice(PREFIX.length, eq), tag.slice(eq + 1));
  }
  const region = fields.get("region");
  const stackId = fields.get("stack");
  const resource = fields.get("resource");
  const generation = Number(fields.get("generation"));
  if (!region || !stackId || !resource || !Number.isInteger(generation)) return undefined;
  return { region, stackId, resource, generation };
}
