import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EventRecord } from "../engine/ports";
import { openDatabase } from "../store/database";
import { sampleStack } from "../store/stack-store.contract";
import { tempDatabaseFile, type TempDatabaseFile } from "../store/testing/temp-database";
import { PAIR } from "../../test/api/templates";
import { createHearth } from "./index";
import type { Hearth } from "./types";


let file: TempDatabaseFile;
let hearth: Hearth;

beforeEach(async () => {
  file = tempDatabaseFile();
  hearth = await createHearth({ databaseUrl: file.url, simSpeed: 0, simSeed: 7, pollIntervalMs: 10, owner: "engine-test" });
});
afterEach(async () => {
  await hearth.close();
  file.remove();
});

describe("Hearth facade (SQLite, simulated cloud at speed 0)", () => {
  it("creates a stack and shows it by name or id, with regions, resources, outputs and events", async () => {
    const handle = await hearth.create("greet", { template: PAIR, parameters: { greeting: "hi" } });
    const done = await handle.done;
    expect(`${done.action}_${done.status}`).toBe("CREATE_COMPLETE");

    const [summary] = await hearth.listStacks();
    expect(summary).toMatchObject({ id: handle.stackId, name: "greet", status: "CREATE_COMPLETE", regions: ["RegionOne", "RegionTwo"], parentId: null });
    const detail = await hearth.getStack("greet");
    expect(detail.stack.id).toBe(handle.stackId);
    expect(detail.resources.map((r) => r.name).sort()).toEqual(["first", "second"]);
    expect(await hearth.outputs("greet")).toEqual([{ key: "said", value: "hi", description: "what second stored" }]);
    expect((await hearth.getStack(handle.stackId)).stack.name).toBe("greet");

    const { resource } = await hearth.getResource("greet", "second");
    expect(resource.region).toBe("RegionTwo");
    const events = await hearth.listEvents("greet");
    expect(events[0]).toMatchObject({ resourceName: "greet", isStackEvent: true, action: "CREATE", status: "IN_PROGRESS" });
    expect(events.at(-1)).toMatchObject({ resourceName: "greet", status: "COMPLETE" });
    expect((await hearth.listEvents("greet", { resource: "first" })).every((e) => e.resourceName === "first")).toBe(true);
  });

  it("replays then streams a stack's events to subscribers", async () => {
    const first = await hearth.create("s1", { template: PAIR });
    await first.done;
    const seen: EventRecord[] = [];
    await hearth.subscribe(first.stackId, 0, (e) => seen.push(e));
    const replayed = seen.length;
    expect(replayed).toBe((await hearth.listEvents("s1")).length);
    await (await hearth.delete("s1")).done;
    await vi.waitFor(() => expect(seen.at(-1)).toMatchObject({ action: "DELETE", status: "COMPLETE", isStackEvent: true }));
    expect(seen.slice(replayed).every((e) => e.stackId === first.stackId && e.seq > seen[replayed - 1].seq)).toBe(true);
  });

  it("names an unknown stack in a NotFound error", async () => {
    await expect(hearth.getStack("nope")).rejects.toMatchObject({ code: "NotFound", message: "Stack nope not found" });
    await expect(hearth.delete("nope")).rejects.toMatchObject({ code: "NotFound" });
  });

  it("injects faults into the simulated cloud and reports them in the inventory", async () => {
    await hearth.fault({ kind: "region-offline", region: "RegionThree" });
    const inventory = await hearth.cloudInventory();
    expect(inventory.regions).toContainEqual({ name: "RegionThree", available: false });
    expect(inventory.networks.some((n) => n.region === "RegionOne")).toBe(true);
    await hearth.fault({ kind: "clear" });
    expect((await hearth.cloudInventory("RegionThree")).regions).toEqual([{ name: "RegionThree", available: true }]);
    await expect(hearth.fault({ kind: "crash-server", serverId: "missing" })).rejects.toMatchObject({ code: "NotFound" });
  });
});

describe("Hearth recovery sweep", () => {
  it("fails a stack another engine left IN_PROGRESS once its lock has expired", async () => {
    await hearth.close();
    hearth = await createHearth({ databaseUrl: file.url, simSpeed: 0, pollIntervalMs: 10, owner: "engine-live", sweepMs: 20 });
    const db = await openDatabase(file.url);
    try {
      const store = db.stacks;
      await store.createStack(sampleStack({ id: "orphan", name: "orphan", projectId: "admin", action: "CREATE", status: "IN_PROGRESS" }));
      await store.acquireLock("orphan", "engine-dead", 1);
    } finally {
      await db.close();
    }
    await vi.waitFor(async () => expect((await hearth.getStack("orphan")).stack.status).toBe("FAILED"), { timeout: 5000 });
  });
});

describe("Hearth restart", () => {
  it("keeps stacks and the simulated cloud in the database across instances", async () => {
    const handle = await hearth.create("keep", {
      template: "heat_template_version: 2018-08-31\nresources:\n  net: { type: OS::Neutron::Net, properties: { name: kept-net } }\n",
    });
    await handle.done;
    await hearth.close();
    hearth = await createHearth({ databaseUrl: file.url, simSpeed: 0, pollIntervalMs: 10, owner: "engine-test-2" });
    expect((await hearth.getStack("keep")).stack.status).toBe("COMPLETE");
    expect((await hearth.cloudInventory("RegionOne")).networks.map((n) => n.name)).toContain("kept-net");
  });
});

describe("Hearth watchStacks", () => {
  it("streams the stack-level events of the project's stacks, not resource events nor other projects' stacks", async () => {
    const seen: string[] = [];
    const stop = await hearth.watchStacks((e) => seen.push(`${e.stackName} ${e.action}_${e.status}`));
    const elsewhere: string[] = [];
    const other = hearth.forProject("demo");
    const stopOther = await other.watchStacks((e) => elsewhere.push(`${e.stackName} ${e.action}_${e.status}`));
    await (await other.create("theirs", { template: PAIR })).done;
    await (await hearth.create("greet", { template: PAIR })).done;
    await vi.waitFor(() => expect(seen).toEqual(["greet CREATE_IN_PROGRESS", "greet CREATE_COMPLETE"]));
    expect(elsewhere).toEqual(["theirs CREATE_IN_PROGRESS", "theirs CREATE_COMPLETE"]);
    stop();
    stopOther();
  });
});

describe("Hearth previewUpdate", () => {
  it("previews an update by stack name: what refers to an updated resource's attributes may change too", async () => {
    await (await hearth.create("greet", { template: PAIR })).done;
    const same = await hearth.previewUpdate("greet", {}, { existing: true });
    expect(same.resources.map((r) => [r.name, r.kind])).toEqual([["first", "none"], ["second", "none"]]);
    const changed = await hearth.previewUpdate("greet", { parameters: { greeting: "hi" } }, { existing: true });
    expect(changed.resources.map((r) => [r.name, r.kind, r.region])).toEqual([["first", "update", "RegionOne"], ["second", "update", "RegionTwo"]]);
    expect((await hearth.getStack("greet")).stack.parameters).toEqual({});
  });
});
