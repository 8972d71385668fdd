/**
 * Engines as peers (issue 11): three real `hearth engine --listen` processes on one database (a
 * SQLite file, and PostgreSQL when HEARTH_TEST_POSTGRES_URL or Debian's binaries give one), 20
 * stacks created, updated and some deleted through their REST APIs while engines are killed with
 * SIGKILL at seeded random moments and restarted. Then every stack must have settled as expected
 * and the cloud must hold exactly what the stacks record. Take-over times are printed, not asserted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Hearth } from "../../lib/services/types";
import { cloudIds, compareCloud, openReader, prepareDatabase } from "./cloud-check";
import { PEER_DATABASES, type PeerDatabase } from "./databases";
import { EngineFleet, freshCli } from "./engines";
import { PeerClient } from "./heat-client";
import { runScenario, type ScenarioOptions } from "./scenario";

const PASSWORD = "peers-secret";

const SCENARIO: ScenarioOptions = { stacks: 20, deleteEvery: 3, kills: 3, seed: 11, settleTimeoutMs: 45_000, deadlineMs: 90_000 };

for (const { label, open } of PEER_DATABASES) {
  describe(`three engine processes as peers on ${label}`, () => {
    let db: PeerDatabase | undefined;
    let fleet: EngineFleet | undefined;
    let reader: Hearth | undefined;

    beforeAll(async () => {
      db = await open();
      if (!db) return;
      await freshCli();
      await prepareDatabase(db.url, 7);
      fleet = new EngineFleet({ databaseUrl: db.url, password: PASSWORD, simSpeed: 0.2, simSeed: 7, leaseMs: 4000, sweepMs: 500, prefix: `peer-${label}` });
      await fleet.start(3);
      reader = await openReader(db.url, PASSWORD);
    }, 120_000);

    afterAll(async () => {
      await fleet?.stopAll();
      await reader?.close();
      await db?.drop();
    }, 60_000);

    it("completes every stack's create, update and delete across kill -9 of engines, and the cloud holds exactly the stacks' resources", async (context) => {
      if (!db || !fleet || !reader) return context.skip();
      const baseline = await cloudIds(reader);
      const client = new PeerClient(fleet, PASSWORD);
      await client.login();

      const result = await runScenario(client, fleet, SCENARIO);

      for (const t of result.takeovers) console.log(`[${label}] killed ${t.engine} running ${t.stacks.join(", ") || "nothing"}: next event by a peer after ${t.ms.map((ms) => `${ms} ms`).join(", ") || "-"}`);
      expect(fleet.crashes()).toEqual([]);
      const problems = result.outcomes.filter((o) => o.steps.join() !== o.expected.join()).map((o) => `${o.name}: ${o.steps.join(" > ")} (${o.reasons.join("; ")})`);
      expect(problems).toEqual([]);
      expect(result.takeovers.length).toBe(SCENARIO.kills);

      const resources = (await Promise.all(result.outcomes.filter((o) => o.steps.at(-1) !== "GONE").map((o) => client.resources(o.ref!)))).flat();
      expect(resources.filter((r) => !r.resource_status.endsWith("COMPLETE")).map((r) => `${r.stack_name}/${r.resource_name}: ${r.resource_status}`)).toEqual([]);
      const diff = await compareCloud(reader, baseline, resources);
      console.log(`[${label}] cloud: ${diff.recorded} objects recorded by the stacks`);
      expect({ orphans: diff.orphans, missing: diff.missing, shared: diff.shared }).toEqual({ orphans: [], missing: [], shared: [] });
      // 7 cloud objects per live stack: net, subnet, port, server, volume, attachment, nested volume
      expect(diff.recorded).toBe(7 * result.outcomes.filter((o) => o.steps.at(-1) !== "GONE").length);
    }, 150_000);
  });
}
