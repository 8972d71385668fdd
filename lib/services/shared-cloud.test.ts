import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type HearthDatabase } from "../store/database";
import { openTempDatabase, type TempPorts } from "../store/testing/temp-database";
import { SharedSimCloud } from "./shared-cloud";

let db: TempPorts;
let cliDatabase: HearthDatabase;
beforeEach(async () => {
  db = await openTempDatabase();
  cliDatabase = await openDatabase(db.url);
});
afterEach(async () => {
  await cliDatabase.close();
  await db.cleanup();
});

/** Names of RegionOne's networks as one process sees them. */
async function networkNames(cloud: SharedSimCloud): Promise<string[]> {
  return (await cloud.region("RegionOne").network.listNetworks()).map((n) => n.name).sort();
}

describe("SharedSimCloud (two processes on one database)", () => {
  it("reloads what another process changed before its next call, so ids never collide", async () => {
    const consoleCloud = await SharedSimCloud.open({ persistence: db.database.cloudState("console"), seed: 5 });
    await consoleCloud.use((sim) => sim.flush());
    const cliCloud = await SharedSimCloud.open({ persistence: cliDatabase.cloudState("cli"), seed: 5 });
    const region = consoleCloud.region("RegionOne");

    const fromCli = await cliCloud.region("RegionOne").network.createNetwork({ name: "from-cli" });
    await cliCloud.use((sim) => sim.flush());
    expect(await networkNames(consoleCloud)).toContain("from-cli");

    const fromConsole = await region.network.createNetwork({ name: "from-console" });
    await consoleCloud.use((sim) => sim.flush());
    expect(fromConsole.id).not.toBe(fromCli.id);
    expect(await networkNames(cliCloud)).toEqual(expect.arrayContaining(["from-cli", "from-console"]));
    expect((await consoleCloud.use((sim) => sim.inventory("RegionOne"))).networks.map((n) => n.id)).toEqual(expect.arrayContaining([fromCli.id, fromConsole.id]));
  });

  it("carries out a client token's create once across processes, counting one client's calls across reloads", async () => {
    const consoleCloud = await SharedSimCloud.open({ persistence: db.database.cloudState("console"), seed: 5 });
    await consoleCloud.use((sim) => sim.flush());
    const cliCloud = await SharedSimCloud.open({ persistence: cliDatabase.cloudState("cli"), seed: 5 });
    const first = consoleCloud.region("RegionOne", undefined, "engine-1");
    const a = await first.network.createNetwork({ name: "tok" });
    await consoleCloud.use((sim) => sim.flush());
    await cliCloud.region("RegionOne").network.createNetwork({ name: "other" });
    await cliCloud.use((sim) => sim.flush());
    const b = await first.network.createNetwork({ name: "tok" });
    await consoleCloud.use((sim) => sim.flush());
    const takeover = cliCloud.region("RegionOne", undefined, "engine-1");
    expect([(await takeover.network.createNetwork({ name: "tok" })).id, (await takeover.network.createNetwork({ name: "tok" })).id]).toEqual([a.id, b.id]);
    expect((await networkNames(cliCloud)).filter((n) => n === "tok")).toHaveLength(2);
  });

  it("keeps unknown regions an error, as the sim reports it", async () => {
    const cloud = await SharedSimCloud.open({ persistence: db.database.cloudState("p"), seed: 1 });
    expect(() => cloud.region("Atlantis")).toThrow(/Atlantis/);
    expect(cloud.regionNames()).toEqual(["RegionOne", "RegionTwo", "RegionThree"]);
  });
});
