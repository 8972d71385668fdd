/**
 * The console's regions view: every region of the federation's catalog with its endpoints, whether it
 * answers now and how fast (lib/services/region-probe.ts, every region pinged at once), how many
 * stacks the user's project has there, and the owned children: stacks in another region whose owner
 * is a stack here (from this region's parent resources and the other region's owner tags), and stacks
 * here owned from elsewhere, each marked when diverged (the parent resource's `hearth.remote_diverged`
 * mark, or a status reason saying "has diverged"). Without a federation it lists the simulated regions
 * this single process serves.
 */
import type { ResourceRecord, StackRecord } from "../engine/ports";
import { REMOTE_REGION_KEY } from "../engine/stack/nested-remote";
import type { Federation } from "../federation/catalog";
import { DIVERGED_KEY, divergenceMarkOf } from "../federation/divergence";
import { ownsRemoteChild } from "../federation/divergence-check";
import { ownerOf } from "../federation/ownership";
import type { RemoteHeat, RemoteStack } from "../federation/remote-heat";
import { remoteChildName } from "../federation/remote-nested";
import { combinedStatus } from "./hearth";
import { DEFAULT_PROBE_TIMEOUT_MS, failureReason, listRegion, pingRegion, probeClient, type Reachability, type StackListing } from "./region-probe";
import type { Hearth } from "./types";

export type { Reachability } from "./region-probe";

/** The parent of an owned child. */
export interface ChildParent {
  region: string;
  stackId: string;
  /** Known when the parent is a stack of this region. */
  stackName?: string;
  resource: string;
  /** The parent is a stack of this region (the console can link to it). */
  local: boolean;
}

/** A stack owned by a stack of another region (its hearth.owner.* tags, or the parent's resource). */
export interface OwnedChild {
  id: string;
  name: string;
  region: string;
  /** As the child's region shows it; undefined when that region could not be read. */
  status?: string;
  /** The child is a stack of this region (the console can link to it). */
  local: boolean;
  parent: ChildParent;
  diverged: boolean;
  /** Why it counts as diverged, or why that could not be read. */
  note?: string;
}

/** How this process serves a region of the embedded default (no probe: it is this process). */
export interface InProcess {
  state: "in-process";
  /** false while the simulated region is offline (fault injection). */
  available: boolean;
}

/** One region as the view shows it. */
export interface RegionView {
  name: string;
  /** The region this console serves. */
  self: boolean;
  heat: string;
  identity: string;
  reachability: Reachability | InProcess;
  /** The project's top-level stacks there; undefined when unknown (stacksError says why). */
  stacks?: number;
  stacksError?: string;
  children: OwnedChild[];
}

/** The whole view. */
export interface RegionsOverview {
  /** Set when this console is a region of a federation. */
  federation?: { source: string; self: string };
  probeTimeoutMs: number;
  regions: RegionView[];
}

/** A local parent resource of a child in another region (the engine's remote region data key). */
interface RemoteParent {
  stack: StackRecord;
  resource: ResourceRecord;
  region: string;
}

/** Whether a parent resource records a divergence of its child, and why. */
function divergenceOf(resource: { reason: string; data?: Record<string, string> }): { diverged: boolean; note?: string } {
  if (resource.reason.includes("has diverged")) return { diverged: true, note: resource.reason };
  if (!resource.data?.[DIVERGED_KEY]) return { diverged: false };
  const mark = divergenceMarkOf(resource.data);
  return { diverged: true, note: `Changed without its owner (detected ${mark?.detectedAt ?? "by the owner's scan"})` };
}

/** The project's top-level stacks of `region`. */
function topLevelIn(records: StackRecord[], region: string): number {
  return records.filter((s) => !s.parentId && s.region === region).length;
}

/**
 * The resources of this region's stacks that own a child in another region. Only stacks whose
 * template names a `region_name` are read (an OS::Heat::Stack's context.region_name makes the child remote).
 */
async function remoteParents(hearth: Hearth, records: StackRecord[]): Promise<RemoteParent[]> {
  const candidates = records.filter((s) => s.template.includes("region_name"));
  const details = await Promise.all(candidates.map((s) => hearth.getStack(s.id).catch(() => undefined)));
  return details.flatMap((detail) =>
    (detail?.resources ?? []).flatMap((resource) => {
      const region = resource.data[REMOTE_REGION_KEY];
      return ownsRemoteChild(resource, detail!.stack.region) ? [{ stack: detail!.stack, resource, region }] : [];
    }),
  );
}

/** The children in `region` owned by stacks of `self`: the local parents' records merged with the region's owner tags. */
function childrenThere(region: string, self: string, parents: RemoteParent[], listed: RemoteStack[] | undefined, byId: Map<string, StackRecord>): OwnedChild[] {
  const children = new Map<string, OwnedChild>();
  for (const { stack, resource } of parents.filter((p) => p.region === region)) {
    const id = resource.physicalId!;
    const name = remoteChildName({ stackName: stack.name, resource: resource.name, resourceId: resource.id });
    const parent = { region: self, stackId: stack.id, stackName: stack.name, resource: resource.name, local: true };
    children.set(id, { id, name, region, local: false, parent, ...divergenceOf({ reason: resource.statusReason, data: resource.data }) });
  }
  for (const stack of listed ?? []) {
    const owner = ownerOf(stack.tags);
    if (owner?.region !== self) continue;
    const known = children.get(stack.id);
    if (known) {
      Object.assign(known, { name: stack.stack_name, status: stack.stack_status });
      continue;
    }
    // owned by a stack here by its tags, though no resource here records it: its parent is gone or detached it
    const parentRecord = byId.get(owner.stackId);
    const parent = { region: self, stackId: owner.stackId, stackName: parentRecord?.name, resource: owner.resource, local: parentRecord !== undefined };
    const note = parentRecord ? `The parent has no resource ${owner.resource} owning it` : "Its parent is not a stack of this region (deleted?)";
    children.set(stack.id, { id: stack.id, name: stack.stack_name, region, status: stack.stack_status, local: false, parent, diverged: false, note });
  }
  return [...children.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The stacks of this region owned from another region, each parent resource read through its region's API. */
async function childrenHere(records: StackRecord[], self: string, clients: Map<string, RemoteHeat>, down: Map<string, string>, timeoutMs: number): Promise<OwnedChild[]> {
  const owned = records.flatMap((stack) => {
    const owner = ownerOf(stack.tags);
    return owner && owner.region !== self ? [{ stack, owner }] : [];
  });
  const children = await Promise.all(
    owned.map(async ({ stack, owner }): Promise<OwnedChild> => {
      const base = { id: stack.id, name: stack.name, region: self, status: combinedStatus(stack), local: true };
      const parent = { region: owner.region, stackId: owner.stackId, resource: owner.resource, local: false };
      const client = clients.get(owner.region);
      if (!client) return { ...base, parent, diverged: false, note: `Region ${owner.region} is not in the catalog` };
      if (down.has(owner.region)) return { ...base, parent, diverged: false, note: `Owner not read: region ${owner.region} is unreachable (${down.get(owner.region)})` };
      try {
        const resource = await client.resourceStatus(owner.stackId, owner.resource);
        if (!resource) return { ...base, parent, diverged: false, note: `The owner's resource is gone from region ${owner.region}` };
        return { ...base, parent, ...divergenceOf({ reason: resource.reason }) };
      } catch (error) {
        return { ...base, parent, diverged: false, note: `Owner not read: ${failureReason(error, timeoutMs)}` };
      }
    }),
  );
  return children.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The regions view of a console serving `federation.self`, for the user's `token` (the session's):
 * every region pinged at once (`timeoutMs` per request), then the regions that answered asked for the
 * project's stacks while this region's own stacks and parent resources are read from its store.
 */
export async function federatedRegions(hearth: Hearth, federation: Federation, token: string, timeoutMs = DEFAULT_PROBE_TIMEOUT_MS): Promise<RegionsOverview> {
  const self = federation.self.name;
  const clients = new Map(federation.regions.map((r) => [r.name, probeClient(r, token, timeoutMs)]));
  const reach = await Promise.all(federation.regions.map((r) => pingRegion(clients.get(r.name)!, timeoutMs)));
  const down = new Map(federation.regions.flatMap((r, i) => (reach[i].state === "unreachable" ? [[r.name, reach[i].reason] as const] : [])));
  const local = (async () => {
    const records = await hearth.listStackRecords({ includeNested: true });
    const [parents, here] = await Promise.all([remoteParents(hearth, records), childrenHere(records, self, clients, down, timeoutMs)]);
    return { records, parents, here };
  })();
  const listed = Promise.all(
    federation.regions.map((r): StackListing | Promise<StackListing> =>
      r.name === self ? {} : down.has(r.name) ? { stacksError: down.get(r.name) } : listRegion(clients.get(r.name)!, timeoutMs),
    ),
  );
  const [{ records, parents, here }, lists] = await Promise.all([local, listed]);
  const byId = new Map(records.map((s) => [s.id, s]));
  const regions = federation.regions.map((region, i): RegionView => {
    const isSelf = region.name === self;
    const stacks = isSelf ? { stacks: topLevelIn(records, self) } : { stacks: lists[i].stacks?.length, stacksError: lists[i].stacksError };
    const children = isSelf ? here : childrenThere(region.name, self, parents, lists[i].stacks, byId);
    return { name: region.name, self: isSelf, heat: region.heat, identity: region.identity, reachability: reach[i], ...stacks, children };
  });
  return { federation: { source: federation.source, self }, probeTimeoutMs: timeoutMs, regions };
}

/**
 * The regions view of the embedded default: the simulated regions this one process serves (each with
 * its endpoint from `endpoints`), their availability and the project's stacks whose home each one is.
 */
export async function embeddedRegions(hearth: Hearth, endpoints: (region: string) => { heat: string; identity: string }): Promise<RegionsOverview> {
  const [inventory, records] = await Promise.all([hearth.cloudInventory(), hearth.listStackRecords()]);
  const regions = inventory.regions.map((region): RegionView => ({
    name: region.name,
    self: true,
    ...endpoints(region.name),
    reachability: { state: "in-process", available: region.available },
    stacks: topLevelIn(records, region.name),
    children: [],
  }));
  return { probeTimeoutMs: 0, regions };
}
