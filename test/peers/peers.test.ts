/**
 * Engines as peers (issue 11): three real `hearth engine --listen` processes on one database (a
 * SQLite file, and PostgreSQL when HEARTH_TEST_POSTGRES_URL or Debian's binaries give one), 20
 * stacks created, updated and some deleted through their REST APIs while engines are killed with
 * SIGKILL at seeded random moments and restarted. Then every stack must have settled as expected
 * and the cloud must hold exactly what the stacks record. Take-over times are printed, not asserted.
 */
import { describe, expect, it } from "vitest";
import { PEER_DATABASES } from "./databases";
import { expectSettled, fleetSuite, scenarioStart } from "./fleet-suite";
import { runScenario, type ScenarioOptions } from "./scenario";

const PASSWORD = "peers-secret";

const SCENARIO: ScenarioOptions = { stacks: 20, deleteEvery: 3, kills: 3, seed: 11, settleTimeoutMs: 45_000, deadlineMs: 90_000 };

for (const { label, open } of PEER_DATABASES) {
  describe(`three engine processes as peers on ${label}`, () => {
    const suite = fleetSuite(open, { password: PASSWORD, simSpeed: 0.2, simSeed: 7, leaseMs: 4000, sweepMs: 500, prefix: `peer-${label}` });

    it("completes every stack's create, update and delete across kill -9 of engines, and the cloud holds exactly the stacks' resources", async (context) => {
      const start = await scenarioStart(suite, PASSWORD);
      if (!start) return context.skip();
      const { client, fleet } = start;

      const result = await runScenario(client, fleet, SCENARIO);

      for (const t of result.takeovers) console.log(`[${label}] killed ${t.engine} running ${t.stacks.join(", ") || "nothing"}: next event by a peer after ${t.ms.map((ms) => `${ms} ms`).join(", ") || "-"}`);
      // 7 cloud objects per live stack: net, subnet, port, server, volume, attachment, nested volume
      await expectSettled(label, start, result, 7);
      expect(result.takeovers.length).toBe(SCENARIO.kills);
    }, 150_000);
  });
}
