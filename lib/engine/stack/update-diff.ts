/**
 * Deciding what an update does to one resource, as Heat does: nothing when its resolved properties
 * are unchanged; in place when every changed property is update_allowed and the plugin has an update
 * hook; otherwise replace. A changed type, an unhealthy, FAILED or half-deleted resource is replaced;
 * a changed immutable property is refused.
 */
import type { PropertyChange, ResourcePlugin } from "../resources/types";
import type { ResourceRecord } from "../ports";

/** What to do with one existing resource. */
export type UpdateDecision = { kind: "none" } | { kind: "update"; change: PropertyChange } | { kind: "replace" };

/** Heat's refusal to change an immutable property. */
export class ImmutablePropertyError extends Error {
  constructor(properties: string[]) {
    super(`The following properties are immutable and cannot be updated: ${properties.join(", ")}`);
    this.name = "NotSupported";
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The top-level property names whose values differ. */
export function changedProperties(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !same(before[k], after[k]));
}

/**
 * Whether `rec` must be replaced whatever its new properties are: a new type, unhealthy, FAILED, or
 * caught in a delete (a break-before-make replacement an engine crash interrupted).
 */
export function mustReplace(rec: ResourceRecord, type: string): boolean {
  return rec.type !== type || rec.unhealthy || rec.status === "FAILED" || rec.action === "DELETE";
}

/** Decides in place / replace / nothing from the old record and the newly resolved properties. */
export function decideUpdate(rec: ResourceRecord, plugin: ResourcePlugin, after: Record<string, unknown>): UpdateDecision {
  const changed = changedProperties(rec.properties, after);
  if (changed.length === 0) return { kind: "none" };
  const immutable = changed.filter((k) => plugin.properties[k]?.immutable);
  if (immutable.length) throw new ImmutablePropertyError(immutable);
  const change: PropertyChange = { before: rec.properties, after, changed };
  const allowed = changed.every((k) => plugin.properties[k]?.updateAllowed ?? plugin.openProperties === true);
  if (!allowed || !plugin.handlers.update || plugin.handlers.needsReplace?.(change)) return { kind: "replace" };
  return { kind: "update", change };
}
