/**
 * Split-brain detection for remote children: after each operation it completes on a child, the
 * parent remembers a digest of the child's definition (template and parameters, as the child's region
 * shows them) in its resource's data. Before it updates or checks the child again, it reads the
 * digest anew: a child changed without its owner (say, directly in its region while the parent's
 * region was down) has another digest, and the parent's operation fails on that resource with a
 * DivergedError (an event with the reason), instead of overwriting the child silently.
 */
import { createHash } from "node:crypto";
import type { RemoteHeat } from "./remote-heat";

/** The resource data key of the digest of the definition the parent last applied. */
export const APPLIED_DIGEST_KEY = "hearth.remote_applied_digest";

/**
 * The resource data key of a divergence the owner's region detected (by its scan or by an update or
 * check refused with DivergedError): a JSON DivergenceMark. Cleared by a resolution.
 */
export const DIVERGED_KEY = "hearth.remote_diverged";

/** What DIVERGED_KEY holds (as JSON): which child diverged, from which digest to which, and when it was seen. */
export interface DivergenceMark {
  region: string;
  child: string;
  childId: string;
  appliedDigest: string;
  currentDigest: string;
  detectedAt: string;
}

/** A child whose definition changed since its owner last applied one. */
export class DivergedError extends Error {
  constructor(readonly childName: string, readonly region: string, readonly applied: string, readonly current: string) {
    super(
      `Nested stack ${childName} in region ${region} has diverged: it was changed without its owner (definition digest ${applied.slice(0, 12)} applied by the owner, ${current.slice(0, 12)} now); the owner does not overwrite it`,
    );
    this.name = "DivergedError";
  }
}

/** Stable JSON: object keys sorted, so equal definitions digest equally. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** The digest of a child's current definition; undefined when the child is gone. */
export async function definitionDigest(client: RemoteHeat, name: string, id: string): Promise<string | undefined> {
  const definition = await client.definition(name, id);
  if (!definition) return undefined;
  return createHash("sha256").update(canonical(definition)).digest("hex");
}

/** Throws DivergedError when the child's definition is not the one `applied` digests (nothing recorded: nothing to compare). */
export async function requireUndiverged(client: RemoteHeat, name: string, id: string, applied: string | undefined): Promise<void> {
  if (!applied) return;
  const current = await definitionDigest(client, name, id);
  if (current !== undefined && current !== applied) throw new DivergedError(name, client.region.name, applied, current);
}
