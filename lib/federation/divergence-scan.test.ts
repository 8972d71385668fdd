import { describe, expect, it } from "vitest";
import type { ResourceRecord, StackRecord } from "../engine/ports";
import { REMOTE_REGION_KEY } from "../engine/stack/nested-remote";
import { MemoryStackStore } from "../engine/testing/memory-store";
import type { CheckDeps } from "./divergence-check";
import { APPLIED_DIGEST_KEY, DIVERGED_KEY, definitionDigest, divergenceMarkOf, requireUndiverged } from "./divergence";
import { DivergenceScan, scanLeaseKey } from "./divergence-scan";
import { RegionUnavailableError, type RemoteHeat } from "./remote-heat";
import { remoteChildName } from "./remote-nested";

const region = { name: "RegionTwo", heat: "http://10.0.0.2/heat-api", identity: "http://10.0.0.2/identity" };

/** RegionTwo as the scan sees it: the child's definition (changed by tests), up or down; counts the reads. */
function fakeRegion() {
  const state = { size: "4", down: false, reads: 0, inFlight: 0, maxInFlight: 0, delayMs: 0 };
  const client = {
    region,
    definition: async () => {
      state.reads++;
      state.maxInFlight = Math.max(state.maxInFlight, ++state.inFlight);
      if (state.delayMs) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
      state.inFlight--;
      if (state.down) throw new RegionUnavailableError(region, "ECONNREFUSED");
      return { template: { resources: {} }, parameters: { size: state.size } };
    },
  } as unknown as RemoteHeat;
  return { state, client };
}

function stackRecord(id: string, generation = 1): StackRecord {
  return {
    id, name: id, projectId: "admin", parentId: null, parentResource: null, region: "RegionOne", action: "CREATE", status: "COMPLETE", statusReason: "", template: "{}",
    templateName: null, environments: [], files: {}, parameters: {}, previous: null, disableRollback: true, timeoutMins: null, tags: [], generation, createdAt: new Date(0).toISOString(), updatedAt: null, deletedAt: null,
  };
}

function childResource(stackId: string, data: Record<string, string>): ResourceRecord {
  return {
    id: `${stackId}-two`, stackId, name: "two", type: "OS::Heat::Stack", region: "RegionOne", physicalId: `child-of-${stackId}`, action: "CREATE", status: "COMPLETE", statusReason: "",
    properties: {}, attributes: {}, data, nestedStackId: null, unhealthy: false, replacedBy: null, createdAt: new Date(0).toISOString(), updatedAt: null,
  };
}

/** A store with parent stacks p0..p{n-1}, each with a child in RegionTwo applied at size 4, and `plain` stacks with no remote child. */
async function setup(parents: number, plain = 0) {
  const store = new MemoryStackStore();
  const remote = fakeRegion();
  const applied = (await definitionDigest(remote.client, "x", "y"))!;
  remote.state.reads = 0;
  for (let i = 0; i < parents; i++) {
    await store.createStack(stackRecord(`p${i}`));
    await store.saveResource(childResource(`p${i}`, { [REMOTE_REGION_KEY]: "RegionTwo", [APPLIED_DIGEST_KEY]: applied }));
  }
  for (let i = 0; i < plain; i++) await store.createStack(stackRecord(`local${i}`));
  const errors: string[] = [];
  const deps: CheckDeps = { store, self: "RegionOne", client: (r) => (r === "RegionTwo" ? remote.client : undefined), leaseOwner: "engine-a/divergence-scan", leaseMs: 60_000 };
  const scan = new DivergenceScan(deps, { intervalMs: 10, perTick: 5, owner: "engine-a", onError: (e, what) => errors.push(`${what}: ${e}`) });
  return { store, remote, scan, errors, applied };
}

const markOf = async (store: MemoryStackStore, stackId: string) => divergenceMarkOf((await store.listResources(stackId))[0].data);
const divergedEvents = async (store: MemoryStackStore, stackId: string) => (await store.listEvents(stackId)).filter((e) => e.reason.includes("has diverged"));

describe("the divergence scan", () => {
  it("marks a changed child once, with one event, and clears the mark when the child is as applied again", async () => {
    const { store, remote, scan, errors, applied } = await setup(1);
    expect((await scan.tick()).marked).toBe(0);
    expect(await markOf(store, "p0")).toBeUndefined();

    remote.state.size = "6";
    expect((await scan.tick()).marked).toBe(1);
    const mark = (await markOf(store, "p0"))!;
    expect(mark).toMatchObject({ region: "RegionTwo", child: remoteChildName({ stackName: "p0", resource: "two", resourceId: "p0-two" }), childId: "child-of-p0", appliedDigest: applied });
    expect(mark.currentDigest).not.toBe(applied);
    for (let i = 0; i < 3; i++) expect((await scan.tick()).marked).toBe(0);
    const events = await divergedEvents(store, "p0");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ resourceName: "two", action: "CREATE", status: "COMPLETE" });
    expect((await store.listResources("p0"))[0].status).toBe("COMPLETE");

    // changed again: a new divergence, a new mark and event
    remote.state.size = "7";
    expect((await scan.tick()).marked).toBe(1);
    expect((await markOf(store, "p0"))!.currentDigest).not.toBe(mark.currentDigest);
    expect(await divergedEvents(store, "p0")).toHaveLength(2);

    remote.state.size = "4";
    await scan.tick();
    expect(await markOf(store, "p0")).toBeUndefined();
    expect((await store.listEvents("p0")).at(-1)!.reason).toContain("is again as its owner last applied it");
    expect(errors).toEqual([]);
  });

  it("checks at most perTick stacks a tick, and reads a stack without remote children once", async () => {
    const { store, remote, scan } = await setup(12, 3);
    const reads = { list: 0 };
    const listResources = store.listResources.bind(store);
    store.listResources = async (id: string) => (id.startsWith("local") && reads.list++, listResources(id));
    const checked: number[] = [];
    for (let i = 0; i < 6; i++) checked.push((await scan.tick()).checked);
    expect(Math.max(...checked)).toBe(5);
    // 15 stacks in passes of 5 a tick: the 12 parents' children read twice in 6 ticks, the 3 local stacks read in the first pass only
    expect(remote.state.reads).toBe(24);
    expect(reads.list).toBe(3);
  });

  it("checks the stacks of a tick a few at once, and still asks a region that does not answer once", async () => {
    const { remote, scan } = await setup(5);
    remote.state.delayMs = 5;
    remote.state.size = "6";
    expect((await scan.tick()).marked).toBe(5);
    expect(remote.state.maxInFlight).toBeGreaterThan(1);
    expect(remote.state.maxInFlight).toBeLessThanOrEqual(5);
    remote.state.reads = 0;
    remote.state.down = true;
    remote.state.size = "7";
    await scan.tick();
    expect(remote.state.reads).toBe(1);
  });

  it("asks a region that does not answer once a tick, and checks its stacks first at the tick after it answers", async () => {
    const { store, remote, scan } = await setup(8);
    remote.state.down = true;
    remote.state.size = "6";
    await scan.tick();
    expect(remote.state.reads).toBe(1);
    remote.state.reads = 0;
    await scan.tick();
    expect(remote.state.reads).toBe(1);
    remote.state.down = false;
    // the 5 stacks seen while the region was down come first; the rest follow in the same tick's budget
    expect((await scan.tick()).marked).toBe(5);
    const marked = await Promise.all([...Array(8).keys()].map(async (i) => (await markOf(store, `p${i}`)) !== undefined));
    expect(marked.filter(Boolean)).toHaveLength(5);
  });

  it("leaves a stack being operated on (its lease held, or IN_PROGRESS), and scans only while it holds the region's scan lease", async () => {
    const { store, remote, scan } = await setup(2);
    remote.state.size = "6";
    await store.acquireLock("p0", "engine-b", 60_000);
    await store.updateStack("p1", { status: "IN_PROGRESS", action: "UPDATE" });
    await scan.tick();
    expect([await markOf(store, "p0"), await markOf(store, "p1")]).toEqual([undefined, undefined]);
    expect(remote.state.reads).toBe(0);

    await store.releaseLock("p0", "engine-b");
    // engine-a's scan lease let go (as a stop does) and taken by engine-b
    await store.releaseLock(scanLeaseKey("RegionOne"), "engine-a");
    expect(await store.acquireLock(scanLeaseKey("RegionOne"), "engine-b", 60_000)).toBe(true);
    expect(await scan.tick()).toEqual({ leader: false, checked: 0, marked: 0 });
    await store.releaseLock(scanLeaseKey("RegionOne"), "engine-b");
    for (let i = 0; i < 2; i++) await scan.tick();
    expect(await markOf(store, "p0")).toBeDefined();
    expect(await markOf(store, "p1")).toBeUndefined();
  });
});

describe("a divergence found by an update or check", () => {
  it("marks the resource as the scan does, so the scan writes no second event", async () => {
    const { store, remote, scan } = await setup(1);
    const rec = (await store.listResources("p0"))[0];
    remote.state.size = "6";
    const remember = async (key: string, value: string) => {
      rec.data[key] = value;
      await store.saveResource(rec);
    };
    await expect(requireUndiverged(remote.client, "child", "child-of-p0", rec.data, remember)).rejects.toThrow("has diverged");
    expect(divergenceMarkOf(rec.data)).toMatchObject({ region: "RegionTwo", childId: "child-of-p0" });
    const detectedAt = divergenceMarkOf(rec.data)!.detectedAt;
    await expect(requireUndiverged(remote.client, "child", "child-of-p0", rec.data, remember)).rejects.toThrow("has diverged");
    expect(divergenceMarkOf(rec.data)!.detectedAt).toBe(detectedAt);
    expect((await scan.tick()).marked).toBe(0);
    expect(await divergedEvents(store, "p0")).toHaveLength(0);
    expect(rec.data[DIVERGED_KEY]).toBeDefined();
  });
});
