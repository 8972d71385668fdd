/**
 * Engines as peers: the same load on 1 and on 3 `hearth engine --listen` processes sharing one
 * PostgreSQL database (a fresh one per run, made by lib/store/testing/postgres.ts from
 * HEARTH_TEST_POSTGRES_URL or Debian's binaries; SQLite when there is neither, said in the title),
 * with the simulated cloud's latency on. Prints the wall time of creating every stack (sent round
 * robin to the engines' REST APIs, at once) and the ratio; then kills one of 3 engines with SIGKILL
 * while it runs creates, and prints how long its peers took to write the next event of each of its
 * stacks (the take-over: lease expiry + sweep), median and max, and how those stacks ended.
 *
 *   npx tsx bench/peers.ts [--stacks 50] [--servers 9] [--speed 1] [--lease-ms 6000] [--sweep-ms 1500] [--tiny]
 *
 * --servers K gives each stack 4K+4 resources (K ports, servers, volumes and attachments, a network,
 * a subnet and two random strings): 9 makes 40.
 */
import os from "node:os";
import { prepareDatabase } from "../test/peers/cloud-check";
import { PEER_DATABASES, type PeerDatabase } from "../test/peers/databases";
import { EngineFleet, freshCli } from "../test/peers/engines";
import { pause, PeerClient, type StackRef } from "../test/peers/heat-client";
import { median, ms, numberFlag, printTable, TINY } from "./support";

const PASSWORD = "bench-peers";
const SEED = 41;

const STACKS = numberFlag("stacks", TINY ? 3 : 50);
const SERVERS = numberFlag("servers", TINY ? 1 : 9);
const SPEED = numberFlag("speed", TINY ? 0.3 : 1);
const LEASE_MS = numberFlag("lease-ms", TINY ? 2000 : 6000);
const SWEEP_MS = numberFlag("sweep-ms", TINY ? 300 : 1500);
/** Bound of each wait for stacks to settle. */
const SETTLE_TIMEOUT_MS = TINY ? 120_000 : 900_000;

/** One stack of the load: a network and subnet, then K (port, server, volume, attachment), plus two random strings. */
function loadTemplate(servers: number): object {
  const resources: Record<string, object> = {
    net: { type: "OS::Neutron::Net" },
    subnet: { type: "OS::Neutron::Subnet", properties: { network: { get_resource: "net" }, cidr: "10.40.0.0/16" } },
    key: { type: "OS::Heat::RandomString", properties: { length: 16 } },
    salt: { type: "OS::Heat::RandomString", properties: { length: 8 } },
  };
  for (let k = 0; k < servers; k++) {
    resources[`port${k}`] = { type: "OS::Neutron::Port", properties: { network: { get_resource: "net" }, fixed_ips: [{ subnet: { get_resource: "subnet" } }] } };
    resources[`server${k}`] = { type: "OS::Nova::Server", properties: { flavor: "m1.tiny", image: "cirros", networks: [{ port: { get_resource: `port${k}` } }] } };
    resources[`volume${k}`] = { type: "OS::Cinder::Volume", properties: { size: 1 } };
    resources[`attach${k}`] = { type: "OS::Cinder::VolumeAttachment", properties: { instance_uuid: { get_resource: `server${k}` }, volume_id: { get_resource: `volume${k}` } } };
  }
  return { heat_template_version: "2018-08-31", resources };
}

/** A fresh database for one run: PostgreSQL when there is a server, else a SQLite file. */
async function freshDatabase(): Promise<PeerDatabase & { kind: string }> {
  const [sqlite, postgres] = PEER_DATABASES;
  const db = await postgres.open();
  if (db) return { kind: "PostgreSQL", ...db };
  return { kind: "SQLite (no PostgreSQL found)", ...(await sqlite.open())! };
}

/** Why stacks failed, by name (printed after the tables). */
const failures = new Map<string, string>();

/** Each stack's status from one list call (name -> status); failed ones' reasons go to `failures`. */
async function statuses(client: PeerClient): Promise<Map<string, string>> {
  const answer = await client.call("GET", client.path("/stacks"));
  const stacks = answer.body.stacks as { stack_name: string; stack_status: string; stack_status_reason?: string }[];
  for (const s of stacks) if (s.stack_status.endsWith("FAILED")) failures.set(s.stack_name, `${s.stack_status}: ${s.stack_status_reason ?? ""}`);
  return new Map(stacks.map((s) => [s.stack_name, s.stack_status]));
}

/** Polls the list until none of `names` is in progress (bounded); their final statuses. */
async function settleAll(client: PeerClient, names: string[]): Promise<Map<string, string>> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (let polls = 0; polls < SETTLE_TIMEOUT_MS / 250; polls++) {
    const now = await statuses(client);
    if (names.every((n) => now.has(n) && !now.get(n)!.endsWith("IN_PROGRESS")) || Date.now() > deadline) return now;
    await pause(250);
  }
  return statuses(client);
}

/** How many of `names` ended in each status, e.g. "50 CREATE_COMPLETE". */
function tally(final: Map<string, string>, names: string[]): string {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(final.get(n) ?? "MISSING", (counts.get(final.get(n) ?? "MISSING") ?? 0) + 1);
  return [...counts].map(([status, n]) => `${n} ${status}`).join(", ");
}

/** A started fleet of `engines` on a fresh database, and a logged-in client; stop() cleans everything. */
async function startFleet(engines: number, label: string): Promise<{ kind: string; fleet: EngineFleet; client: PeerClient; stop(): Promise<void> }> {
  const db = await freshDatabase();
  await prepareDatabase(db.url, SEED);
  const fleet = new EngineFleet({ databaseUrl: db.url, password: PASSWORD, simSpeed: SPEED, simSeed: SEED, leaseMs: LEASE_MS, sweepMs: SWEEP_MS, prefix: `bench-${label}` });
  try {
    await fleet.start(engines);
    const client = new PeerClient(fleet, PASSWORD);
    await client.login();
    return { kind: db.kind, fleet, client, stop: async () => (await fleet.stopAll(), await db.drop()) };
  } catch (error) {
    await fleet.stopAll();
    await db.drop();
    throw error;
  }
}

/**
 * Makes every engine serve a stack list and a validation of the load's template first, so the timed
 * run measures warm engines: a fresh process loads its lazy modules and compiles its first queries and
 * templates on its first requests (about 0.5 s of CPU each, which with 3 engines and 3 small stacks was
 * most of the run).
 */
async function warm(run: { fleet: EngineFleet; client: PeerClient }, template: object): Promise<void> {
  await Promise.all(
    run.fleet.slots.map(async (engine) => {
      await run.client.call("GET", run.client.path("/stacks"), undefined, { engine, once: true });
      const checked = await run.client.call("POST", run.client.path("/validate"), { template }, { engine, once: true });
      if (checked.status !== 200) throw new Error(`bench: ${engine.name} refused the load's template: ${checked.status} ${JSON.stringify(checked.body)}`);
    }),
  );
}

/** Wall ms of creating STACKS stacks sent round robin to `engines` engines at once, and how they ended. */
async function throughput(engines: number): Promise<{ kind: string; wallMs: number; cpuS: number; ended: string }> {
  const run = await startFleet(engines, `x${engines}`);
  try {
    const template = loadTemplate(SERVERS);
    const names = Array.from({ length: STACKS }, (_, i) => `load${engines}-${i}`);
    await warm(run, template);
    const cpu0 = run.fleet.cpuSeconds();
    const t0 = performance.now();
    await Promise.all(names.map((name, i) => run.client.createStack(name, template, {}, run.fleet.slots[i % engines])));
    const final = await settleAll(run.client, names);
    const wallMs = performance.now() - t0;
    return { kind: run.kind, wallMs, cpuS: run.fleet.cpuSeconds() - cpu0, ended: tally(final, names) };
  } finally {
    await run.stop();
  }
}

/**
 * Kills the engine running a few creates; per stack still in progress at the kill, ms from the kill
 * until a peer's next event; how many had already ended (nothing to take over), and how all ended.
 */
async function takeover(): Promise<{ ms: number[]; finishedBefore: number; ended: string }> {
  const run = await startFleet(3, "takeover");
  try {
    const victim = run.fleet.slots[0];
    const names = Array.from({ length: Math.max(2, Math.min(STACKS, 6)) }, (_, i) => `taken-${i}`);
    const refs: StackRef[] = await Promise.all(names.map((name) => run.client.createStack(name, loadTemplate(SERVERS), {}, victim)));
    // kill once every stack has begun (its first resource event is stored)
    for (let polls = 0; polls < 200; polls++) {
      const begun = await Promise.all(refs.map(async (ref) => (await run.client.resources(ref)).some((r) => r.resource_status !== "INIT_COMPLETE")));
      if (begun.every(Boolean)) break;
      await pause(50);
    }
    await run.fleet.kill(0);
    const killedAt = performance.now();
    const atKill = await statuses(run.client);
    const open = refs.filter((ref) => atKill.get(ref.name)?.endsWith("IN_PROGRESS"));
    const baselines = await Promise.all(open.map((ref) => run.client.newestEvent(ref)));
    const taken = await Promise.all(
      open.map(async (ref, k) => {
        for (let polls = 0; polls < SETTLE_TIMEOUT_MS / 100; polls++) {
          if ((await run.client.newestEvent(ref)) !== baselines[k]) return performance.now() - killedAt;
          await pause(100);
        }
        return Number.NaN;
      }),
    );
    const final = await settleAll(run.client, names);
    return { ms: taken, finishedBefore: refs.length - open.length, ended: tally(final, names) };
  } finally {
    await run.stop();
  }
}

await freshCli();
const one = await throughput(1);
const three = await throughput(3);
const resources = 4 * SERVERS + 4;
/** A row of the throughput table; "engine cores busy" is the engines' CPU seconds over the wall time. */
const row = (engines: number, r: typeof one) => [
  engines,
  STACKS,
  STACKS * resources,
  ms(r.wallMs),
  (STACKS / (r.wallMs / 1000)).toFixed(2),
  `${(one.wallMs / r.wallMs).toFixed(2)}x`,
  r.cpuS.toFixed(1),
  (r.cpuS / (r.wallMs / 1000)).toFixed(2),
  r.ended,
];
printTable(
  ["engines", "stacks", "resources", "wall ms", "stacks/s", "speed-up", "engine CPU s", "engine cores busy", "ended"],
  [row(1, one), row(3, three)],
  `Creates of ${STACKS} stacks x ${resources} resources on ${one.kind}, sim speed ${SPEED}, lease ${LEASE_MS} ms, sweep ${SWEEP_MS} ms, ${os.availableParallelism()} cores, load ${os.loadavg()[0].toFixed(1)}`,
);
const t = await takeover();
const seen = t.ms.filter((v) => Number.isFinite(v));
printTable(
  ["stacks of the killed engine", "ended before the kill", "taken over", "median ms", "max ms", "lease + sweep ms", "ended"],
  [[t.ms.length + t.finishedBefore, t.finishedBefore, seen.length, seen.length ? ms(median(seen)) : "-", seen.length ? ms(Math.max(...seen)) : "-", LEASE_MS + SWEEP_MS, t.ended]],
  "Take-over after kill -9 of one of 3 engines (ms from the kill to a peer's next event of each of its stacks)",
);
for (const [name, why] of failures) console.log(`failed: ${name}: ${why}`);
