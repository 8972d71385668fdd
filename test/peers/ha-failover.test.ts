/**
 * Two real `hearth engine` processes racing failovers of one FailoverPolicy (issue 11, items 4 and 5),
 * on a SQLite file and on PostgreSQL (HEARTH_TEST_POSTGRES_URL or Debian's binaries): the policy is
 * signalled through both engines' APIs at once, or its active server crashes under both HA monitors;
 * the engine running the failover is killed with SIGKILL after a seeded number of steps (plus a seeded
 * pause). Then the history holds exactly one failover for the trigger, ended, with every step; the
 * volume is attached to the new active member as the cloud reports it; the survivor never crashed.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StackStore } from "../../lib/engine/ports";
import { failoverHistory, type FailoverRun } from "../../lib/engine/resources/heat/failover-history";
import { signalLeaseKey } from "../../lib/engine/stack/signal-lease";
import { seeded } from "../../lib/engine/testing";
import { openDatabase, type HearthDatabase } from "../../lib/store/database";
import type { Hearth } from "../../lib/services/types";
import { openReader, prepareDatabase } from "./cloud-check";
import { PEER_DATABASES, type PeerDatabase } from "./databases";
import { EngineFleet, freshCli, ROOT, type EngineProcess } from "./engines";
import { pause, PeerClient, type StackRef } from "./heat-client";

const PASSWORD = "ha-peers-secret";
const POLICY = "server_failover_policy";
const LEASE_MS = 2000;
/** Bound of every wait on the failover (it takes a few seconds at this cloud speed, plus a lease). */
const WAIT_MS = 60_000;

const example = (file: string) => fs.readFileSync(path.join(ROOT, "examples", "ha", file), "utf8");

/** What the test reads: the engines' APIs, a passive Hearth on the database, its stack store for leases. */
interface Rig {
  fleet: EngineFleet;
  client: PeerClient;
  reader: Hearth;
  store: StackStore;
}

/** Polls `read` until `done` holds (every 50 ms, at most `WAIT_MS`); the last value. */
async function poll<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (let i = 0; i < WAIT_MS / 50; i++) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) break;
    await pause(50);
  }
  throw new Error(`${what}: not reached within ${WAIT_MS} ms`);
}

async function history(rig: Rig, stack: StackRef): Promise<readonly FailoverRun[]> {
  return failoverHistory(await rig.reader.listEvents(stack.id, { resource: POLICY }));
}

async function launch(rig: Rig, name: string): Promise<StackRef> {
  const body = { stack_name: name, template: example("active-passive.yaml"), files: { "ha_server.yaml": example("ha_server.yaml") }, timeout_mins: 10 };
  const answer = await rig.client.call("POST", rig.client.path("/stacks"), body);
  if (answer.status !== 201) throw new Error(`create ${name} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  const stack = { name, id: answer.body.stack.id as string };
  expect(await rig.client.settle(stack, WAIT_MS)).toMatchObject({ status: "CREATE_COMPLETE" });
  return stack;
}

/** The engine of the fleet holding the lease on the policy's signals (the one running the failover). */
async function holder(rig: Rig, stack: StackRef): Promise<EngineProcess | undefined> {
  const lease = await rig.store.getLock(signalLeaseKey(stack.id, POLICY));
  return rig.fleet.slots.find((e) => e.alive && e.name === lease?.owner);
}

/**
 * Waits until the failover has done `steps` steps (seeded), pauses a seeded moment, and SIGKILLs the
 * engine running it; returns whether the failover was still running then.
 */
async function killMidFailover(rig: Rig, stack: StackRef, random: () => number): Promise<{ killed: EngineProcess; running: boolean }> {
  const steps = Math.floor(random() * 6);
  await poll(`failover step ${steps}`, () => history(rig, stack), (runs) => (runs.at(-1)?.steps.length ?? -1) >= steps);
  await pause(Math.floor(random() * 200));
  const engine = await poll("the failover's engine", () => holder(rig, stack), (e) => e !== undefined);
  const running = (await history(rig, stack)).at(-1)?.state === "running";
  await rig.fleet.kill(rig.fleet.slots.indexOf(engine!));
  console.log(`killed ${engine!.name} after step ${steps} of the failover (${running ? "still running" : "already ended"})`);
  return { killed: engine!, running };
}

/** Waits until no failover of the policy runs or is left unfinished, and checks the one failover and the cloud. */
async function expectOneEndedFailover(rig: Rig, stack: StackRef, from: string, wasRunning: boolean): Promise<void> {
  const policyDone = async () => {
    const rec = (await rig.store.listResources(stack.id)).find((r) => r.name === POLICY)!;
    const lease = await rig.store.getLock(signalLeaseKey(stack.id, POLICY));
    return { unfinished: !!rec.data.failover, leased: !!lease && lease.expiresAt > Date.now(), runs: await history(rig, stack) };
  };
  const story = async () => {
    const lines = (await rig.reader.listEvents(stack.id, { nested: true })).map((e) => `${e.time} ${e.resourceName} ${e.action}_${e.status} ${e.reason}`);
    return `${lines.slice(-60).join("\n")}\n${rig.fleet.slots.map((e) => `${e.name}: ${e.stderr.slice(-3000)}`).join("\n")}`;
  };
  const done = await poll("the failover's end", policyDone, (s) => !s.unfinished && !s.leased && s.runs.every((r) => r.state !== "running")).catch(async (e: unknown) => {
    throw new Error(`${String(e)}\n${await story()}`);
  });
  expect(done.runs.map((r) => [r.from, r.state, r.error]), await story()).toEqual([[from, "completed", null]]);
  expect(done.runs[0].steps.map((s) => s.step)).toEqual(["quiesce", "detach", "promote", "attach", "activate", "replace"]);
  const events = await rig.reader.listEvents(stack.id, { resource: POLICY });
  if (wasRunning) expect(events.some((e) => /carried on after the engine running it went down/.test(e.reason))).toBe(true);
  const { attributes } = await rig.reader.getResource(stack.id, POLICY);
  const volumeId = (await rig.reader.getResource(stack.id, "volume")).resource.physicalId;
  const volume = (await rig.reader.cloudInventory()).volumes.find((v) => v.id === volumeId)!;
  expect(attributes.active_member).not.toBe(from);
  expect(volume.attachments.map((a) => a.serverId)).toEqual([attributes.active_member]);
  expect(rig.fleet.crashes()).toEqual([]);
}

/** The active member's name (the policy's data) and its server id. */
async function activeMember(rig: Rig, stack: StackRef): Promise<{ name: string; server: string }> {
  const { resource, attributes } = await rig.reader.getResource(stack.id, POLICY);
  return { name: resource.data.active, server: attributes.active_member as string };
}

/** Registers the tests on the database `open` gives (undefined: skipped). */
function haPeersOn(label: string, open: () => Promise<PeerDatabase | undefined>): void {
  describe(`two engine processes racing failovers of one policy on ${label}`, () => {
    let db: PeerDatabase | undefined;
    let handle: HearthDatabase | undefined;
    let rig: Rig | undefined;
    // HEARTH_TEST_SEED moves the kill moments elsewhere (each seed gives the same moments on every run)
    const random = seeded(Number(process.env.HEARTH_TEST_SEED ?? 0) + label.length * 7919);

    beforeAll(async () => {
      db = await open();
      if (!db) return;
      await freshCli();
      await prepareDatabase(db.url, 5);
      const fleet = new EngineFleet({ databaseUrl: db.url, password: PASSWORD, simSpeed: 0.2, simSeed: 5, leaseMs: LEASE_MS, sweepMs: 500, prefix: `ha-${label}` });
      await fleet.start(2);
      const reader = await openReader(db.url, PASSWORD);
      handle = await openDatabase(db.url);
      const client = new PeerClient(fleet, PASSWORD);
      await client.login();
      rig = { fleet, client, reader, store: handle.stacks };
    }, 120_000);

    afterAll(async () => {
      await rig?.fleet.stopAll();
      await rig?.reader.close();
      await handle?.close();
      await db?.drop();
    }, 60_000);

    it("a failover signalled through both engines, the one running it killed mid-way: one failover, carried to its end by the other", async (context) => {
      if (!rig) return context.skip();
      const stack = await launch(rig, "ha-signalled");
      const from = await activeMember(rig, stack);
      const path = rig.client.path(`/stacks/${stack.name}/${stack.id}/resources/${POLICY}/signal`);
      // status 0: the answer was lost (its engine was killed)
      const signal = (engine: EngineProcess) => rig!.client.call("POST", path, { reason: `operator at ${engine.name}` }, { engine, once: true }).then((a) => a.status);
      const answers = rig.fleet.slots.map(signal);
      const { killed, running } = await killMidFailover(rig, stack, random);
      await expectOneEndedFailover(rig, stack, from.name, running);
      const survivor = rig.fleet.slots.find((e) => e !== killed)!;
      expect(await answers[rig.fleet.slots.indexOf(survivor)]).toBe(200);
    }, 180_000);

    it("a crashed active server seen by both HA monitors, the engine failing over killed mid-way: one failover, carried to its end", async (context) => {
      if (!rig) return context.skip();
      for (const [slot, engine] of rig.fleet.slots.entries()) if (!engine.alive) await rig.fleet.restart(slot); // the kill of the test before
      const stack = await launch(rig, "ha-crashed");
      const from = await activeMember(rig, stack);
      await rig.reader.fault({ kind: "crash-server", serverId: from.server });
      const { running } = await killMidFailover(rig, stack, random);
      await expectOneEndedFailover(rig, stack, from.name, running);
    }, 180_000);
  });
}

for (const { label, open } of PEER_DATABASES) haPeersOn(label, open);
