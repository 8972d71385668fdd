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
  /** Kills (at seeded moments while work runs): each SIGKILLs `together` engines at once. */
  kills: number;
  seed: number;
  /** Bound of each wait for a stack to settle. */
  settleTimeoutMs: number;
  /** Bound of the whole run. */
  deadlineMs: number;
  /** Engines killed at the same moment at each kill (default 1; fewer than the live engines). */
  together?: number;
  /** Whether killed engines are started again, before the next kill (default true). */
  restart?: boolean;
  /**
   * The stacks first go as far as a gate (those to be deleted: created and updated; every other one of
   * the rest: created), and go on all at once when every stack is there: creates, updates and deletes
   * then start together (default: no gate).
   */
  gated?: boolean;
  /**
   * Each kill comes once a create, an update and a delete are all in progress (a stack of each shows
   * it; waiting at most settleTimeoutMs), instead of after a seeded number of steps.
   */
  mixed?: boolean;
}

/** The steps of a stack, by index. */
const STEPS = ["create", "update", "delete"] as const;

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

/** One killed engine, and what became of the stacks it was running. */
export interface Takeover {
  engine: string;
  /** The stacks whose current operation had been sent to it. */
  stacks: string[];
  /** The steps (create, update, delete) in flight on any engine at the kill. */
  inFlight: string[];
  /** Per stack found: ms from the kill until a peer wrote its next event (NaN when none came). */
  ms: number[];
  /** Its stacks still in progress (or stored, not started) just after the kill: the work a peer must take over. */
  left: string[];
  /** Per stack of `left`: the reasons of its own newest events once a peer wrote (the take-over event among them). */
  resumed: string[][];
}

/** What the scenario measured. */
export interface ScenarioResult {
  outcomes: StackOutcome[];
  /** One per killed engine. */
  takeovers: Takeover[];
}

/** The engine each stack's current operation was sent to (it runs it) and its step, from the request on; and how many steps have been sent. */
interface Running {
  engines: Map<string, string>;
  steps: Map<string, number>;
  sent: number;
}

/** Where every stack waits until all have arrived (each arrives once: at its gated step, or when it ends before). */
class Gate {
  private waiting: number;
  private release!: () => void;
  readonly open = new Promise<void>((resolve) => (this.release = resolve));

  constructor(count: number) {
    this.waiting = count;
    if (count === 0) this.release();
  }

  /** Counts one stack in; resolves when the gate opens. */
  arrive(): Promise<void> {
    if (--this.waiting === 0) this.release();
    return this.open;
  }
}

/** The step a stack waits at the gate before (with `o.gated`): the delete of a stack deleted, else the create or the update, in turn. */
function gatedStep(i: number, o: ScenarioOptions): number | undefined {
  if (!o.gated) return undefined;
  return i % o.deleteEvery === 0 ? 2 : Math.floor(i / o.deleteEvery) % 2;
}

/**
 * Runs one stack's create, update and maybe delete, each through a different engine, waiting for
 * each to settle (and at the gate before its gated step).
 */
async function driveStack(client: PeerClient, fleet: EngineFleet, i: number, o: ScenarioOptions, running: Running, gate: Gate): Promise<StackOutcome> {
  const name = `peer-${i}`;
  const deletes = i % o.deleteEvery === 0;
  const outcome: StackOutcome = { name, steps: [], expected: ["CREATE_COMPLETE", "UPDATE_COMPLETE", ...(deletes ? ["GONE"] : [])], reasons: [] };
  const gated = gatedStep(i, o);
  let arrived = false;
  const step = async (index: number, send: (engine: ReturnType<EngineFleet["live"]>[number]) => Promise<StackRef>): Promise<boolean> => {
    if (index === gated) await ((arrived = true), gate.arrive());
    const live = fleet.live();
    const engine = live[(i + index) % live.length];
    running.engines.set(name, engine.name);
    running.steps.set(name, index);
    running.sent++;
    const ref = await send(engine);
    outcome.ref = ref;
    const settled: Settled = await client.settle(ref, o.settleTimeoutMs);
    running.engines.delete(name);
    running.steps.delete(name);
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
    running.steps.delete(name);
    outcome.steps.push("ERROR");
    outcome.reasons.push(error instanceof Error ? error.message : String(error));
  } finally {
    if (gated !== undefined && !arrived) void gate.arrive();
  }
  return outcome;
}

/**
 * Watches the stacks a killed engine was running (by name: a create may not have answered): ms from
 * the kill until each has a newer event (bounded), NaN when none came or the create never stored
 * it; which of them were still in progress just after the kill, and their newest own events' reasons
 * once a peer wrote.
 */
async function watchTakeover(client: PeerClient, names: string[], killedAt: number, timeoutMs: number): Promise<Pick<Takeover, "ms" | "left" | "resumed">> {
  const found = (await Promise.all(names.map((name) => client.findStack(name)))).filter((ref): ref is StackRef => ref !== undefined);
  const shown = await Promise.all(found.map((ref) => client.show(ref)));
  const pending = found.filter((_, k) => shown[k] !== "GONE" && /IN_PROGRESS$|^INIT_COMPLETE$/.test((shown[k] as { stack_status: string }).stack_status));
  const baselines = await Promise.all(found.map((ref) => client.newestEvent(ref)));
  const watched = await Promise.all(
    found.map(async (ref, k) => {
      for (let polls = 0; polls < timeoutMs / 100 && Date.now() - killedAt < timeoutMs; polls++) {
        if ((await client.newestEvent(ref)) !== baselines[k]) return { ms: Date.now() - killedAt, reasons: pending.includes(ref) ? await client.recentReasons(ref) : [] };
        await pause(100);
      }
      return { ms: Number.NaN, reasons: [] };
    }),
  );
  return { ms: watched.map((w) => w.ms), left: pending.map((ref) => ref.name), resumed: pending.map((ref) => watched[found.indexOf(ref)].reasons) };
}

/**
 * When each kill comes: after a seeded number of the scenario's steps (creates, updates, deletes) has
 * been sent, spread over the first 80% of them, so every kill lands while there is work to take over.
 */
function killMoments(o: ScenarioOptions, random: () => number): number[] {
  const steps = 2 * o.stacks + Math.ceil(o.stacks / o.deleteEvery);
  return Array.from({ length: o.kills }, (_, k) => Math.max(1, Math.floor(((k + random()) / o.kills) * 0.8 * steps)));
}

/** The steps in flight now, e.g. ["create", "update"]. */
function inFlight(running: Running): string[] {
  return [...new Set(running.steps.values())].sort().map((index) => STEPS[index]);
}

/** Whether a create, an update and a delete are all in progress now: a stack of each kind in flight shows its action IN_PROGRESS. */
async function allKindsInProgress(client: PeerClient, running: Running): Promise<boolean> {
  const entries = [...running.steps];
  const shown = await Promise.all(entries.map(async ([name, index]) => `${STEPS[index].toUpperCase()}_IN_PROGRESS` === (await client.statusOf(name))));
  return new Set(entries.filter((_, k) => shown[k]).map(([, index]) => index)).size === STEPS.length;
}

/** Waits (bounded) until `moment` steps have been sent or, with `o.mixed`, until a create, an update and a delete are in progress. */
async function awaitMoment(client: PeerClient, o: ScenarioOptions, running: Running, moment: number, done: () => boolean): Promise<void> {
  const ready = o.mixed ? () => allKindsInProgress(client, running) : async () => running.sent >= moment;
  const bound = o.mixed ? o.settleTimeoutMs : o.deadlineMs;
  const deadline = Date.now() + bound;
  for (let polls = 0; polls < bound / 50 && Date.now() < deadline && !done() && !(await ready()); polls++) await pause(50);
}

/**
 * `count` live slots to kill (always leaving one): engines running a delete first (the shortest
 * step, the least often caught), then the others running operations, then idle ones; in seeded
 * random order within each.
 */
function victims(fleet: EngineFleet, running: Running, count: number, random: () => number): number[] {
  const busy = new Set(running.engines.values());
  const deleting = new Set([...running.steps].filter(([, index]) => STEPS[index] === "delete").map(([name]) => running.engines.get(name)));
  const rank = (name: string) => (deleting.has(name) ? 0 : busy.has(name) ? 1 : 2);
  const live = fleet.slots.map((engine, slot) => ({ engine, slot, key: rank(engine.name) + random() })).filter(({ engine }) => engine.alive);
  return live
    .sort((a, b) => a.key - b.key)
    .slice(0, Math.min(count, live.length - 1))
    .map(({ slot }) => slot);
}

/**
 * Kills `o.kills` times at seeded moments, each time `o.together` engines at once (those running
 * operations first), restarted before the next kill unless `o.restart` is false.
 */
async function killer(client: PeerClient, fleet: EngineFleet, o: ScenarioOptions, running: Running, done: () => boolean): Promise<Takeover[]> {
  const random = seeded(o.seed);
  const takeovers: Takeover[] = [];
  const waits: Promise<unknown>[] = [];
  for (const moment of killMoments(o, random)) {
    await awaitMoment(client, o, running, moment, done);
    if (done()) break;
    const slots = victims(fleet, running, o.together ?? 1, random);
    const steps = inFlight(running);
    const killed = slots.map((slot) => ({ slot, engine: fleet.slots[slot].name, names: [...running.engines].filter(([, engine]) => engine === fleet.slots[slot].name).map(([name]) => name) }));
    // every SIGKILL is sent before any exit is awaited: the engines die at the same moment
    await Promise.all(slots.map((slot) => fleet.kill(slot)));
    const killedAt = Date.now();
    for (const { engine, names } of killed) {
      const record: Takeover = { engine, stacks: names, inFlight: steps, ms: [], left: [], resumed: [] };
      takeovers.push(record);
      const failed = { ms: names.map(() => Number.NaN), left: [], resumed: [] };
      waits.push(watchTakeover(client, names, killedAt, o.settleTimeoutMs).catch(() => failed).then((seen) => void Object.assign(record, seen)));
    }
    // one kill at a time: the next waits for these engines' restart
    if (o.restart !== false) await Promise.all(slots.map((slot) => fleet.restart(slot)));
  }
  await Promise.all(waits);
  return takeovers;
}

/** Runs the scenario on a started fleet with a logged-in client. */
export async function runScenario(client: PeerClient, fleet: EngineFleet, o: ScenarioOptions): Promise<ScenarioResult> {
  const running: Running = { engines: new Map(), steps: new Map(), sent: 0 };
  let finished = false;
  const deadline = Date.now() + o.deadlineMs;
  const gate = new Gate(o.gated ? o.stacks : 0);
  const stacks = Promise.all(Array.from({ length: o.stacks }, (_, i) => driveStack(client, fleet, i, o, running, gate))).finally(() => (finished = true));
  const takeovers = killer(client, fleet, o, running, () => finished || Date.now() > deadline);
  return { outcomes: await stacks, takeovers: await takeovers };
}
