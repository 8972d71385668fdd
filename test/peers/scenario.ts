/**
 * The peers scenario: stacks created, updated and (some) deleted through the REST APIs of several
 * engine processes at once, while engines are killed with SIGKILL at seeded random moments and
 * restarted. Every loop is bounded in count and time. What it returns is read back from the engines'
 * APIs; the caller asserts.
 */
import { seeded } from "../../lib/engine/testing";
import type { EngineFleet } from "./engines";
import { pause, type PeerClient, type Settled, type StackRef } from "./heat-client";

/** A small tree: a network, subnet and port, a server on the port, a volume attached to it, a nested stack with a volume. */
export const PEER_TEMPLATE = {
  heat_template_version: "2018-08-31",
  parameters: { server_name: { type: "string", default: "peer" }, size: { type: "number", default: 1 } },
  resources: {
    net: { type: "OS::Neutron::Net" },
    subnet: { type: "OS::Neutron::Subnet", properties: { network: { get_resource: "net" }, cidr: "10.30.0.0/24" } },
    port: { type: "OS::Neutron::Port", properties: { network: { get_resource: "net" }, fixed_ips: [{ subnet: { get_resource: "subnet" } }] } },
    server: { type: "OS::Nova::Server", properties: { name: { get_param: "server_name" }, flavor: "m1.tiny", image: "cirros", networks: [{ port: { get_resource: "port" } }] } },
    volume: { type: "OS::Cinder::Volume", properties: { size: 1 } },
    attach: { type: "OS::Cinder::VolumeAttachment", properties: { instance_uuid: { get_resource: "server" }, volume_id: { get_resource: "volume" } } },
    inner: {
      type: "OS::Heat::Stack",
      properties: {
        parameters: { size: { get_param: "size" } },
        template: JSON.stringify({
          heat_template_version: "2018-08-31",
          parameters: { size: { type: "number" } },
          resources: { data: { type: "OS::Cinder::Volume", properties: { size: { get_param: "size" } } } },
        }),
      },
    },
  },
};

/**
 * Parameters of the update every stack gets: the server renamed and the nested volume extended, in
 * place (a new flavor would replace the server, whose port the old one still holds: see docs/peers.md).
 */
export const UPDATE_PARAMETERS = { server_name: "peer-renamed", size: 2 };

/** The scenario's size and pace. */
export interface ScenarioOptions {
  stacks: number;
  /** Every n-th stack is deleted after its update. */
  deleteEvery: number;
  /** Engines killed with SIGKILL (at seeded moments while work runs; each restarted). */
  kills: number;
  seed: number;
  /** Bound of each wait for a stack to settle. */
  settleTimeoutMs: number;
  /** Bound of the whole run. */
  deadlineMs: number;
}

/** One stack's path through the scenario. */
export interface StackOutcome {
  name: string;
  /** The statuses each step settled in, e.g. [CREATE_COMPLETE, UPDATE_COMPLETE, GONE]. */
  steps: string[];
  expected: string[];
  /** Reasons of the steps that did not settle as expected. */
  reasons: string[];
  ref?: StackRef;
}

/** What the scenario measured. */
export interface ScenarioResult {
  outcomes: StackOutcome[];
  /** Per kill: the engine, and ms from the kill until a peer wrote the next event of each stack it was running. */
  takeovers: { engine: string; stacks: string[]; ms: number[] }[];
}

/** The engine each stack's current operation was sent to (it runs it), from the request on; and how many steps have been sent. */
interface Running {
  engines: Map<string, string>;
  sent: number;
}

/** Runs one stack's create, update and maybe delete, each through a different engine, waiting for each to settle. */
async function driveStack(client: PeerClient, fleet: EngineFleet, i: number, o: ScenarioOptions, running: Running): Promise<StackOutcome> {
  const name = `peer-${i}`;
  const deletes = i % o.deleteEvery === 0;
  const outcome: StackOutcome = { name, steps: [], expected: ["CREATE_COMPLETE", "UPDATE_COMPLETE", ...(deletes ? ["GONE"] : [])], reasons: [] };
  const step = async (index: number, send: (engine: ReturnType<EngineFleet["live"]>[number]) => Promise<StackRef>): Promise<boolean> => {
    const live = fleet.live();
    const engine = live[(i + index) % live.length];
    running.engines.set(name, engine.name);
    running.sent++;
    const ref = await send(engine);
    outcome.ref = ref;
    const settled: Settled = await client.settle(ref, o.settleTimeoutMs);
    running.engines.delete(name);
    outcome.steps.push(settled.status);
    if (settled.status !== outcome.expected[index]) outcome.reasons.push(`${settled.status}: ${settled.reason}`);
    return settled.status === outcome.expected[index];
  };
  try {
    if (!(await step(0, (e) => client.createStack(name, PEER_TEMPLATE, {}, e)))) return outcome;
    const ref = outcome.ref!;
    if (!(await step(1, (e) => client.updateStack(ref, UPDATE_PARAMETERS, e).then(() => ref)))) return outcome;
    if (deletes) await step(2, (e) => client.deleteStack(ref, e).then(() => ref));
  } catch (error) {
    running.engines.delete(name);
    outcome.steps.push("ERROR");
    outcome.reasons.push(error instanceof Error ? error.message : String(error));
  }
  return outcome;
}

/**
 * Watches the stacks a killed engine was running (by name: a create may not have answered): ms from
 * the kill until each has a newer event (bounded); NaN when none came, or the create never stored it.
 */
async function watchTakeover(client: PeerClient, names: string[], killedAt: number, timeoutMs: number): Promise<number[]> {
  const found = await Promise.all(names.map((name) => client.findStack(name)));
  const refs = found.filter((ref): ref is StackRef => ref !== undefined);
  const baselines = await Promise.all(refs.map((ref) => client.newestEvent(ref)));
  return Promise.all(
    refs.map(async (ref, k) => {
      for (let polls = 0; polls < timeoutMs / 100 && Date.now() - killedAt < timeoutMs; polls++) {
        if ((await client.newestEvent(ref)) !== baselines[k]) return Date.now() - killedAt;
        await pause(100);
      }
      return Number.NaN;
    }),
  );
}

/**
 * When each kill comes: after a seeded number of the scenario's steps (creates, updates, deletes) has
 * been sent, spread over the first 80% of them, so every kill lands while there is work to take over.
 */
function killMoments(o: ScenarioOptions, random: () => number): number[] {
  const steps = 2 * o.stacks + Math.ceil(o.stacks / o.deleteEvery);
  return Array.from({ length: o.kills }, (_, k) => Math.max(1, Math.floor(((k + random()) / o.kills) * 0.8 * steps)));
}

/**
 * Kills `o.kills` engines at seeded moments: each time one that runs operations (picked at random
 * among those), restarted before the next kill, so one engine at most is down at a time.
 */
async function killer(client: PeerClient, fleet: EngineFleet, o: ScenarioOptions, running: Running, done: () => boolean): Promise<ScenarioResult["takeovers"]> {
  const random = seeded(o.seed);
  const takeovers: ScenarioResult["takeovers"] = [];
  const waits: Promise<unknown>[] = [];
  for (const moment of killMoments(o, random)) {
    for (let polls = 0; polls < o.deadlineMs / 50 && !done() && running.sent < moment; polls++) await pause(50);
    if (done()) break;
    const busy = new Set(running.engines.values());
    const live = fleet.slots.map((engine, slot) => ({ engine, slot })).filter(({ engine }) => engine.alive);
    const candidates = live.some(({ engine }) => busy.has(engine.name)) ? live.filter(({ engine }) => busy.has(engine.name)) : live;
    const { engine: victim, slot } = candidates[Math.floor(random() * candidates.length)];
    const names = [...running.engines].filter(([, engine]) => engine === victim.name).map(([name]) => name);
    await fleet.kill(slot);
    const killedAt = Date.now();
    const record = { engine: victim.name, stacks: names, ms: [] as number[] };
    takeovers.push(record);
    const watched = watchTakeover(client, names, killedAt, o.settleTimeoutMs).catch(() => names.map(() => Number.NaN));
    waits.push(watched.then((ms) => void (record.ms = ms)));
    // one engine down at a time: the next kill waits for this one's restart
    await fleet.restart(slot);
  }
  await Promise.all(waits);
  return takeovers;
}

/** Runs the scenario on a started fleet with a logged-in client. */
export async function runScenario(client: PeerClient, fleet: EngineFleet, o: ScenarioOptions): Promise<ScenarioResult> {
  const running: Running = { engines: new Map(), sent: 0 };
  let finished = false;
  const deadline = Date.now() + o.deadlineMs;
  const stacks = Promise.all(Array.from({ length: o.stacks }, (_, i) => driveStack(client, fleet, i, o, running))).finally(() => (finished = true));
  const takeovers = killer(client, fleet, o, running, () => finished || Date.now() > deadline);
  return { outcomes: await stacks, takeovers: await takeovers };
}
