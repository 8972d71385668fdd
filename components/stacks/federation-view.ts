/**
 * What the stack page shows of a federation (issue 15), read on the server from the stack's records:
 * the owner a remote child's tags record, and the remote children of a parent that diverged — marked
 * in the resource's data by the owner region's scan (`hearth.remote_diverged`), or, before a scan saw
 * it, the DivergedError reason of the update or check that refused to overwrite the child.
 * Plain data, so the client components get it as props.
 */
import type { ResourceRecord, StackRecord } from "@/lib/engine/ports";
import { REMOTE_REGION_KEY } from "@/lib/engine/stack/nested-remote";
import { divergenceMarkOf } from "@/lib/federation/divergence";
import { ownerOf } from "@/lib/federation/ownership";

/** A child stack's owner as the page shows it. */
export interface OwnerView {
  region: string;
  stackId: string;
  resource: string;
  generation: number;
  /** The owner is a stack of this region (the page links to it). */
  local: boolean;
}

/** A diverged remote child of one of the stack's resources. */
export interface DivergenceView {
  /** The parent's resource owning the child. */
  resource: string;
  region: string;
  /** The child's name (as its region shows it) and id. */
  child: string;
  childId: string | null;
  /** When it was detected (the scan's time, else the refused operation's). */
  detectedAt: string | null;
  /** What the page says about it. */
  reason: string;
  /** Digests of the definition the owner applied and of the child's now (short), when the scan recorded them. */
  appliedDigest?: string;
  currentDigest?: string;
}

/** The reason a DivergedError gives (lib/federation/divergence.ts): the child's name and region. */
const DIVERGED_REASON = /Nested stack (\S+) in region (\S+) has diverged/;

/** The owner `stack` records in its tags (undefined for a stack nobody owns); `local` when the owner is in the stack's region. */
export function ownerView(stack: Pick<StackRecord, "tags" | "region">): OwnerView | undefined {
  const owner = ownerOf(stack.tags);
  return owner ? { ...owner, local: owner.region === stack.region } : undefined;
}

/** The scan's mark on `rec` (lib/federation/divergence.ts), or undefined when it has none (or an unreadable one). */
function markOf(rec: ResourceRecord): DivergenceView | undefined {
  const mark = divergenceMarkOf(rec.data);
  if (!mark) return undefined;
  const region = mark.region || rec.data[REMOTE_REGION_KEY] || "";
  const child = mark.child || rec.physicalId || "";
  const [applied, current] = [mark.appliedDigest?.slice(0, 12), mark.currentDigest.slice(0, 12)];
  return {
    resource: rec.name,
    region,
    child,
    childId: mark.childId || rec.physicalId,
    detectedAt: mark.detectedAt || rec.updatedAt,
    reason: `Nested stack ${child} in region ${region} was changed without its owner${applied ? ` (definition digest ${applied} applied by the owner, ${current} now)` : ""}; the owner does not overwrite it.`,
    ...(applied ? { appliedDigest: applied } : {}),
    currentDigest: current,
  };
}

/** `rec`'s divergence from the reason of a refused update or check, or undefined. */
function refusalOf(rec: ResourceRecord): DivergenceView | undefined {
  if (!rec.status.endsWith("FAILED")) return undefined;
  const match = DIVERGED_REASON.exec(rec.statusReason);
  if (!match) return undefined;
  // from "Nested stack ...": the engine's "DivergedError: resources.<name>: " prefix says nothing more here
  return { resource: rec.name, region: match[2], child: match[1], childId: rec.physicalId, detectedAt: rec.updatedAt, reason: rec.statusReason.slice(match.index) };
}

/** The diverged remote children among `resources` (current records only), in resource order. */
export function divergencesOf(resources: readonly ResourceRecord[]): DivergenceView[] {
  return resources.filter((r) => !r.replacedBy).flatMap((r) => markOf(r) ?? refusalOf(r) ?? []);
}
