/**
 * Two of three engines killed at the same moment (issue 11): three real `hearth engine --listen`
 * processes on one database (a SQLite file, and PostgreSQL when HEARTH_TEST_POSTGRES_URL or Debian's
 * binaries give one), 8 stacks brought to a gate and let go together so that creates, updates and
 * deletes all run; once a stack of each shows it in progress, two engines running operations get
 * SIGKILL together and are not restarted. The one left must take over every operation they left in
 * progress (its take-over event names them) and run all the rest; then every stack has settled as
 * expected and the cloud holds exactly the stacks' resources.
 */
import { describe, expect, it } from "vitest";
import { PEER_DATABASES } from "./databases";
import { expectSettled, fleetSuite, scenarioStart } from "./fleet-suite";
import { runScenario, type ScenarioOptions, type Takeover } from "./scenario";

const PASSWORD = "double-kill-secret";

/** The loopback ports this file's engines listen on. */
const PORTS = [4200, 4299] as const;

const SCENARIO: ScenarioOptions = {
  stacks: 8,
  deleteEvery: 2,
  kills: 1,
  together: 2,
  restart: false,
  gated: true,
  mixed: true,
  seed: 5,
  settleTimeoutMs: 45_000,
  deadlineMs: 90_000,
};

/** The log line of one killed engine: what ran, what it left and which action the survivor resumed. */
function describeKill(label: string, t: Takeover): string {
  const resumed = t.left.map((name, k) => `${name} (${t.resumed[k].map((r) => / resumed stack (\w+)$/.exec(r)?.[1]).find(Boolean) ?? "?"})`);
  return `[${label}] killed ${t.engine} (${t.inFlight.join(", ")} in flight) running ${t.stacks.join(", ") || "nothing"}; left in progress: ${resumed.join(", ") || "-"}; next event after ${t.ms.map((ms) => `${ms} ms`).join(", ") || "-"}`;
}

for (const { label, open } of PEER_DATABASES) {
  describe(`two of three engines killed at once on ${label}`, () => {
    const suite = fleetSuite(open, { password: PASSWORD, simSpeed: 0.2, simSeed: 9, leaseMs: 6000, sweepMs: 500, prefix: `double-${label}`, ports: PORTS });

    it("leaves all the work to the survivor, which takes over every operation left in progress and settles every stack, with the cloud holding exactly the stacks' resources", async (context) => {
      const start = await scenarioStart(suite, PASSWORD);
      if (!start) return context.skip();
      const { client, fleet } = start;

      const result = await runScenario(client, fleet, SCENARIO);

      for (const t of result.takeovers) console.log(describeKill(label, t));
      // 7 cloud objects per live stack: net, subnet, port, server, volume, attachment, nested volume
      await expectSettled(label, start, result, 7);
      const survivors = fleet.live();
      expect(survivors).toHaveLength(1);
      expect(result.takeovers).toHaveLength(2);
      expect(result.takeovers[0].inFlight).toEqual(["create", "update", "delete"]);
      // every operation a killed engine left in progress was resumed by the survivor, naming the dead engine
      // ("An engine" for a create stored but not started, which has no lease yet); an operation the client
      // sent again because the dead engine had not started it is the survivor's own
      const left = result.takeovers.flatMap((t) => t.left.map((name, k) => ({ name, dead: t.engine, reasons: t.resumed[k] }))).filter(({ name }) => !client.resent.has(name));
      expect(left.length).toBeGreaterThan(0);
      const resumedBy = (dead: string) => new RegExp(`^(Engine ${dead}|An engine) went down; ${survivors[0].name} resumed stack `);
      const notResumed = left.filter(({ dead, reasons }) => !reasons.some((r) => resumedBy(dead).test(r)));
      expect(notResumed.map(({ name, reasons }) => `${name}: ${reasons.slice(0, 3).join(" | ")}`)).toEqual([]);
    }, 150_000);
  });
}
