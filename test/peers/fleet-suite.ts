/**
 * What the multi-process peers suites share: a fresh database of one kind, migrated, with its
 * simulated cloud seeded and unlimited, a fleet of engine processes on it and a passive reader (all
 * removed after the suite, processes by pid); and the checks every scenario ends with.
 */
import { afterAll, beforeAll, expect } from "vitest";
import type { Hearth } from "../../lib/services/types";
import { cloudIds, compareCloud, openReader, prepareDatabase } from "./cloud-check";
import type { PeerDatabase } from "./databases";
import { EngineFleet, freshCli, type FleetOptions } from "./engines";
import { PeerClient } from "./heat-client";
import type { ScenarioResult } from "./scenario";

/** A suite's database, fleet and reader, set by its beforeAll; undefined when there is no database of the kind (the test skips). */
export interface FleetSuite {
  db?: PeerDatabase;
  fleet?: EngineFleet;
  reader?: Hearth;
}

/** Registers the beforeAll and afterAll of a suite of `engines` engines on a database from `open`. */
export function fleetSuite(open: () => Promise<PeerDatabase | undefined>, options: Omit<FleetOptions, "databaseUrl">, engines = 3): FleetSuite {
  const suite: FleetSuite = {};
  beforeAll(async () => {
    suite.db = await open();
    if (!suite.db) return;
    await freshCli();
    await prepareDatabase(suite.db.url, options.simSeed);
    suite.fleet = new EngineFleet({ ...options, databaseUrl: suite.db.url });
    await suite.fleet.start(engines);
    suite.reader = await openReader(suite.db.url, options.password);
  }, 120_000);
  afterAll(async () => {
    await suite.fleet?.stopAll();
    await suite.reader?.close();
    await suite.db?.drop();
  }, 60_000);
  return suite;
}

/** What a scenario test starts from: the suite's parts, a logged-in client, the cloud's ids before any stack. */
export interface ScenarioStart extends Required<FleetSuite> {
  client: PeerClient;
  baseline: Set<string>;
}

/** Reads the cloud's ids and logs a client in as the admin; undefined when the suite has no database. */
export async function scenarioStart(suite: FleetSuite, password: string): Promise<ScenarioStart | undefined> {
  const { db, fleet, reader } = suite;
  if (!db || !fleet || !reader) return undefined;
  const baseline = await cloudIds(reader);
  const client = new PeerClient(fleet, password);
  await client.login();
  return { db, fleet, reader, client, baseline };
}

/**
 * The end of every scenario: no engine crashed, every stack settled as expected, every live stack's
 * resources are COMPLETE, and the cloud holds exactly what existed before (`baseline`) plus the
 * stacks' resources: no orphan, nothing missing, no id recorded twice (`perStack` objects each).
 */
export async function expectSettled(label: string, { client, fleet, reader, baseline }: ScenarioStart, result: ScenarioResult, perStack: number): Promise<void> {
  expect(fleet.crashes()).toEqual([]);
  const problems = result.outcomes.filter((o) => o.steps.join() !== o.expected.join()).map((o) => `${o.name}: ${o.steps.join(" > ")} (${o.reasons.join("; ")})`);
  expect(problems).toEqual([]);
  const live = result.outcomes.filter((o) => o.steps.at(-1) !== "GONE");
  const resources = (await Promise.all(live.map((o) => client.resources(o.ref!)))).flat();
  expect(resources.filter((r) => !r.resource_status.endsWith("COMPLETE")).map((r) => `${r.stack_name}/${r.resource_name}: ${r.resource_status}`)).toEqual([]);
  const diff = await compareCloud(reader, baseline, resources);
  console.log(`[${label}] cloud: ${diff.recorded} objects recorded by the ${live.length} stacks left`);
  expect({ orphans: diff.orphans, missing: diff.missing, shared: diff.shared }).toEqual({ orphans: [], missing: [], shared: [] });
  expect(diff.recorded).toBe(perStack * live.length);
}
