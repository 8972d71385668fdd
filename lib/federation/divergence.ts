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

/** The mark DIVERGED_KEY holds in `data`, or undefined when there is none (or an unreadable one). */
export function divergenceMarkOf(data: Record<string, string>): DivergenceMark | undefined {
  const raw = data[DIVERGED_KEY];
  if (!raw) return undefined;
  try {
    const mark = JSON.parse(raw) as DivergenceMark;
    return typeof mark === "object" && mark && typeof mark.currentDigest === "string" ? mark : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The DIVERGED_KEY value for a child found at digest `current`: the mark already in `data` when it
 * saw the same digest (so a divergence is marked, and its event written, once), else a new one.
 * Answers whether it is new.
 */
export function divergenceMark(data: Record<string, string>, seen: Omit<DivergenceMark, "detectedAt">, now: string): { value: string; fresh: boolean } {
  const previous = divergenceMarkOf(data);
  if (previous && previous.currentDigest === seen.currentDigest && previous.appliedDigest === seen.appliedDigest) return { value: data[DIVERGED_KEY], fresh: false };
  return { value: JSON.stringify({ ...seen, detectedAt: now }), fresh: true };
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

/**
 * Throws DivergedError when the child's definition is not the one `data`'s APPLIED_DIGEST_KEY digests
 * (nothing recorded: nothing to compare), after marking the resource (DIVERGED_KEY) through `remember`.
 */
export async function requireUndiverged(client: RemoteHeat, name: string, id: string, data: Record<string, string>, remember: (key: string, value: string) => Promise<void>): Promise<void> {
  const applied = data[APPLIED_DIGEST_KEY];
  if (!applied) return;
  const current = await definitionDigest(client, name, id);
  if (current === undefined || current === applied) return;
  const mark = divergenceMark(data, { region: client.region.name, child: name, childId: id, appliedDigest: applied, currentDigest: current }, new Date().toISOString());
  if (mark.fresh) await remember(DIVERGED_KEY, mark.value);
  throw new DivergedError(name, client.region.name, applied, current);
}
