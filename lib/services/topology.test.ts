import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../store/database";
import { sampleStack } from "../store/stack-store.contract";
import { tempDatabaseFile, type TempDatabaseFile } from "../store/testing/temp-database";
import { createHearth } from "./index";
import type { Hearth } from "./types";

/** A chain across two regions plus a nested stack whose second resource fails. */
const TEMPLATE = `heat_template_version: 2018-08-31
resources:
  net:
    type: OS::Heat::TestResource
  server:
    type: OS::Heat::TestResource
    region: RegionTwo
    properties: { value: { get_attr: [net, output] } }
  inner:
    type: OS::Heat::Stack
    depends_on: server
    properties:
      template: |
        heat_template_version: 2018-08-31
        resources:
          ok: { type: OS::Heat::TestResource }
          bad: { type: OS::Heat::TestResource, depends_on: ok, properties: { fail: true } }
`;

let file: TempDatabaseFile;
let hearth: Hearth;

beforeEach(async () => {
  file = tempDatabaseFile();
  hearth = await createHearth({ databaseUrl: file.url, simSpeed: 0, pollIntervalMs: 10, owner: "engine-topology" });
});
afterEach(async () => {
  await hearth.close();
  file.remove();
});

describe("Hearth.topology", () => {
  it("gives each resource's region and the dependencies the compiler found", async () => {
    const handle = await hearth.create("topo", { template: TEMPLATE });
    await handle.done;
    const topology = await hearth.topology("topo");
    expect(topology.stackId).toBe(handle.stackId);
    expect(topology.error).toBeUndefined();
    const byName = Object.fromEntries(topology.resources.map((r) => [r.name, r]));
    expect(byName.net).toEqual({ name: "net", type: "OS::Heat::TestResource", region: "RegionOne", dependsOn: [] });
    expect(byName.server).toMatchObject({ region: "RegionTwo", dependsOn: ["net"] });
    expect(byName.inner).toMatchObject({ type: "OS::Heat::Stack", dependsOn: ["server"] });
  });

  it("reports a stored template that no longer compiles instead of failing the page", async () => {
    await hearth.close();
    const db = await openDatabase(file.url);
    try {
      const broken = "heat_template_version: 2018-08-31\nresources:\n  a: { type: OS::Heat::None, depends_on: missing }\n";
      await db.stacks.createStack(sampleStack({ id: "old", name: "old", projectId: "admin", status: "COMPLETE", template: broken, parameters: {}, environments: [], files: {} }));
    } finally {
      await db.close();
    }
    hearth = await createHearth({ databaseUrl: file.url, simSpeed: 0, pollIntervalMs: 10, owner: "engine-topology" });
    const topology = await hearth.topology("old");
    expect(topology.resources).toEqual([]);
    expect(topology.error).toContain("missing");
  });
});

describe("Hearth.listEvents with nested", () => {
  it("adds the nested stacks' events in sequence order, as a subscription replays them", async () => {
    const handle = await hearth.create("family", { template: TEMPLATE });
    await handle.done;
    const own = await hearth.listEvents("family");
    const all = await hearth.listEvents("family", { nested: true });
    expect(own.every((e) => e.stackId === handle.stackId)).toBe(true);
    expect(all.length).toBeGreaterThan(own.length);
    expect(all.some((e) => e.resourceName === "bad" && e.status === "FAILED")).toBe(true);
    expect(all.map((e) => e.seq)).toEqual(all.map((e) => e.seq).toSorted((a, b) => a - b));
    const replayed: number[] = [];
    (await hearth.subscribe(handle.stackId, 0, (e) => replayed.push(e.seq)))();
    expect(all.map((e) => e.seq)).toEqual(replayed);
  });
});
