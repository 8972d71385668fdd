/**
 * One check of one parent stack by the divergence scan (divergence-scan.ts): under the stack's own
 * lease (so no operation of the stack, and no other scan, writes its resources meanwhile), each of its
 * remote children has its definition digest read from its region and compared with the one the
 * parent last applied. A changed child is marked (DIVERGED_KEY) with one event on the resource, in
 * one store commit, once per divergence; a child found as applied again loses its mark.
 */
import type { ResourceRecord, StackRecord, StackStore } from "../engine/ports";
import { REMOTE_REGION_KEY } from "../engine/stack/nested-remote";
import { APPLIED_DIGEST_KEY, DIVERGED_KEY, DivergedError, definitionDigest, divergenceMark } from "./divergence";
import { RegionUnavailableError, type RemoteHeat } from "./remote-heat";
import { remoteChildName } from "./remote-nested";

/** The stack lease owner of `engine`'s scan checks. */
export function scanLeaseOwner(engine: string): string {
  return `${engine}/divergence-scan`;
}

/** Whether a stack lease's `owner` is a scan check (held for a few requests, so worth waiting for). */
export function isScanLease(owner: string | undefined): boolean {
  return owner?.endsWith("/divergence-scan") ?? false;
}

/** What a check needs: the store, a client per region and project, and the lease owner of scans. */
export interface CheckDeps {
  store: Pick<StackStore, "getStack" | "listStacks" | "listResources" | "acquireLock" | "releaseLock" | "commit">;
  /** This region's name: children here are local, not checked. */
  self: string;
  /** A client of `region`'s Heat for `projectId`; undefined for a region the catalog does not list. */
  client(region: string, projectId: string): RemoteHeat | undefined;
  /** The lease owner of this engine's scans (not the engine's own owner, whose operations may take the lease again). */
  leaseOwner: string;
  leaseMs: number;
}

/** What a check found. */
export interface CheckResult {
  /** The stack has children in other regions (so it stays tracked). */
  remote: boolean;
  /** Regions that did not answer (their children were not checked). */
  unreachable: Set<string>;
  /** Children newly marked diverged. */
  marked: number;
}

/**
 * The regions as one tick of the scan finds them: the first request of the tick to a region runs
 * alone and the others wait for its answer, so a region that does not answer is asked once a tick
 * however many checks run at once.
 */
export class TickRegions {
  /** Region -> whether its first request of the tick got through to it. */
  private readonly first = new Map<string, Promise<boolean>>();

  /** `call`'s answer, or undefined without calling when the region's first request found it unreachable; a RegionUnavailableError of `call` is thrown. */
  async ask<T>(region: string, call: () => Promise<T>): Promise<{ value: T } | undefined> {
    const gate = this.first.get(region);
    if (gate) return (await gate) ? { value: await call() } : undefined;
    let open!: (reached: boolean) => void;
    this.first.set(region, new Promise((resolve) => (open = resolve)));
    try {
      const value = await call();
      open(true);
      return { value };
    } catch (error) {
      open(!(error instanceof RegionUnavailableError));
      throw error;
    }
  }
}

/** The resources of `resources` owning a child in another region, with the digest their parent applied. */
export function remoteChildren(resources: readonly ResourceRecord[], self: string): ResourceRecord[] {
  return resources.filter((r) => ownsRemoteChild(r, self) && r.data[APPLIED_DIGEST_KEY]);
}

/** Whether resource `r` of a stack in region `self` owns a live child stack in another region. */
export function ownsRemoteChild(r: ResourceRecord, self: string): boolean {
  const region = r.data[REMOTE_REGION_KEY];
  return Boolean(region && region !== self && r.physicalId && !r.replacedBy && r.action !== "DELETE");
}

/**
 * Checks the remote children of stack `stackId`; skips (remote: true, nothing done) a stack being
 * operated on or whose lease another holder has. `regions` is the tick's view of the regions: one
 * found unreachable in this tick is not asked again.
 */
export async function checkStack(deps: CheckDeps, stackId: string, regions: TickRegions): Promise<CheckResult> {
  const result: CheckResult = { remote: false, unreachable: new Set(), marked: 0 };
  const listed = await deps.store.getStack(stackId);
  if (!listed || listed.deletedAt || listed.action === "DELETE") return result;
  const children = remoteChildren(await deps.store.listResources(stackId), deps.self);
  if (!children.length) return result;
  result.remote = true;
  if (listed.status === "IN_PROGRESS" || !(await deps.store.acquireLock(stackId, deps.leaseOwner, deps.leaseMs))) return result;
  try {
    // read again under the lease: an operation may have written the stack since it was listed
    const stack = await deps.store.getStack(stackId);
    if (!stack || stack.status === "IN_PROGRESS" || stack.deletedAt) return result;
    for (const rec of remoteChildren(await deps.store.listResources(stackId), deps.self)) {
      const region = rec.data[REMOTE_REGION_KEY];
      const client = deps.client(region, stack.projectId);
      if (!client) continue;
      try {
        const checked = await regions.ask(region, () => checkChild(deps, stack, rec, client));
        if (!checked) result.unreachable.add(region);
        else if (checked.value) result.marked++;
      } catch (error) {
        if (!(error instanceof RegionUnavailableError)) throw error;
        result.unreachable.add(region);
      }
    }
  } finally {
    await deps.store.releaseLock(stackId, deps.leaseOwner);
  }
  return result;
}

/** Compares one child with its applied digest and writes what changed; true when it was newly marked. */
async function checkChild(deps: CheckDeps, stack: StackRecord, rec: ResourceRecord, client: RemoteHeat): Promise<boolean> {
  const name = remoteChildName({ stackName: stack.name, resource: rec.name, resourceId: rec.id });
  const applied = rec.data[APPLIED_DIGEST_KEY];
  const current = await definitionDigest(client, name, rec.physicalId!);
  // a child gone from its region is left to the owner's next update (which makes it again) or delete
  if (current === undefined) return false;
  if (current === applied) {
    if (!rec.data[DIVERGED_KEY]) return false;
    const data = { ...rec.data };
    delete data[DIVERGED_KEY];
    await deps.store.commit({ resources: [{ ...rec, data }], events: [eventOf(stack, rec, `Nested stack ${name} in region ${client.region.name} is again as its owner last applied it`)] });
    return false;
  }
  const now = new Date().toISOString();
  const mark = divergenceMark(rec.data, { region: client.region.name, child: name, childId: rec.physicalId!, appliedDigest: applied, currentDigest: current }, now);
  if (!mark.fresh) return false;
  const reason = `${new DivergedError(name, client.region.name, applied, current).message} (found by the divergence scan)`;
  await deps.store.commit({ resources: [{ ...rec, data: { ...rec.data, [DIVERGED_KEY]: mark.value } }], events: [eventOf(stack, rec, reason, now)] });
  return true;
}

/** An event on `rec` that keeps its state and says `reason`. */
function eventOf(stack: StackRecord, rec: ResourceRecord, reason: string, time = new Date().toISOString()) {
  return { stackId: stack.id, stackName: stack.name, resourceName: rec.name, physicalResourceId: rec.physicalId, resourceType: rec.type, isStackEvent: false, action: rec.action, status: rec.status, reason, time };
}
