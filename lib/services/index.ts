/**
 * Server-side entry point of Hearth: `getHearth()` gives the one Hearth of this process, wired from
 * the environment (see config.ts); `createHearth(overrides)` builds a separate one (tests: a temp
 * database and speed 0). Keep this module out of client components: it opens the database.
 */
import { createEngine, systemClock } from "../engine/stack";
import type { EngineOptions } from "../engine/stack/api";
import { openDatabase } from "../store/database";
import { configFromEnv, type HearthConfig } from "./config";
import { engineOptions } from "./engine-options";
import { EventBus } from "./event-bus";
import { bootstrapOnFirstStart } from "./first-start";
import { prepareHa } from "./ha";
import { configuredFederation, regionParts } from "./federation";
import { createIdentity } from "./identity";
import { identityPort } from "./identity-port";
import { buildHearth } from "./hearth";
import { savedTemplates } from "./templates";
import { SharedSimCloud } from "./shared-cloud";
import type { Hearth } from "./types";

export type * from "./types";
export { configFromEnv, type HearthConfig } from "./config";

export { DEFAULT_REGION } from "./default-region";

/** Settings of createHearth beyond the environment's. */
export interface CreateHearthOptions extends Partial<HearthConfig> {
  /**
   * Take over operations interrupted by a crash, at start and then in the recovery sweep every
   * `sweepMs` (e.g. a CLI run or a peer engine killed mid-operation). Default true; false for a
   * short-lived process (a CLI command), which would take work over only to leave it again when it
   * exits: it leaves that work to the long-running engines (the console, `hearth engine`).
   */
  recover?: boolean;
  /** How often the event bus looks for other processes' events (default 250 ms). */
  pollIntervalMs?: number;
  /** Run the HA monitor (alarms, member health checks) in this process (default true). */
  haMonitor?: boolean;
  /** Token lifetime of the identity service (default one hour). */
  tokenTtlMs?: number;
  /** Engine tuning (concurrency, poll interval, clock, randomness); the lock TTL is `leaseMs`. */
  engine?: Pick<EngineOptions, "concurrency" | "pollIntervalMs" | "clock" | "random">;
}

/**
 * Builds a Hearth: opens the database and applies pending migrations, restores the simulated cloud
 * (shared with other processes on the same database), starts an engine publishing to an event bus,
 * and recovers interrupted operations.
 */
export async function createHearth(options: CreateHearthOptions = {}): Promise<Hearth> {
  const config = { ...configFromEnv(), ...options };
  const federation = configuredFederation();
  const db = await openDatabase(config.databaseUrl, { migrateFrom: config.root });
  try {
    const store = db.stacks;
    const persistence = db.cloudState(config.owner);
    // a region of a federation (federation.ts): its own region of the cloud, signed tokens, remote children
    const region = regionParts(federation, db.identity);
    const cloud = await SharedSimCloud.open({ persistence, speed: config.simSpeed, seed: config.simSeed, regions: region.simRegions });
    const bus = new EventBus({ store, pollIntervalMs: options.pollIntervalMs });
    const ha = await prepareHa(db.secrets, config);
    const engine = createEngine(engineOptions(config, region, { presigner: ha.presigner, identity: identityPort(db.identity), ...options.engine, store, cloud, sink: bus }));
    const identity = createIdentity(db.identity, db.loginFailures, { tokenTtlMs: options.tokenTtlMs, signed: region.signed });
    await bootstrapOnFirstStart(identity, db, { password: config.bootstrapPassword, adminProjectId: config.projectId });
    const recovers = options.recover ?? true;
    if (recovers) await engine.recover();
    const sweep = recovers ? startRecoverySweep(() => engine.recover(), config.sweepMs) : undefined;
    const haRuntime = ha.start({
      store,
      cloud,
      clock: options.engine?.clock ?? systemClock,
      signal: (stackId, resource, details) => engine.signal(stackId, resource, details),
      events: (listener) => bus.subscribeAll(listener),
      monitor: options.haMonitor,
    });
    // a region's long-running engines (as the sweep) scan its remote children for divergence and pull the other regions' revocations
    const tasks = recovers ? region.startRegionTasks?.({ store, owner: config.owner, leaseMs: config.leaseMs, identity }) : undefined;
    return buildHearth({
      engine,
      store,
      admin: cloud,
      bus,
      projectId: config.projectId,
      templates: savedTemplates(db.templates, undefined, config.limits.maxTemplateSize),
      identity,
      signalByToken: haRuntime.signalByToken,
      resolveDivergence: region.resolveDivergence,
      stop: async () => {
        clearInterval(sweep);
        await tasks?.stop();
        return haRuntime.stop();
      },
      dispose: () => db.close(),
    });
  } catch (error) {
    await db.close();
    throw error;
  }
}

/**
 * Runs `recover` every `intervalMs` (not keeping the process alive), skipping a tick while the
 * previous sweep still runs; undefined when disabled.
 */
function startRecoverySweep(recover: () => Promise<unknown>, intervalMs: number): ReturnType<typeof setInterval> | undefined {
  if (intervalMs <= 0) return undefined;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    recover()
      .catch((error: unknown) => console.error("hearth: recovery sweep failed:", error))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref?.();
  return timer;
}

/** Where the per-process instance is kept, so Next's dev reloads reuse it. */
const GLOBAL_KEY = Symbol.for("hearth.instance");
type HearthGlobal = typeof globalThis & { [GLOBAL_KEY]?: Promise<Hearth> };

/** The Hearth of this process (created on first use from the environment). */
export function getHearth(): Promise<Hearth> {
  const holder = globalThis as HearthGlobal;
  holder[GLOBAL_KEY] ??= createHearth().catch((error: unknown) => {
    holder[GLOBAL_KEY] = undefined;
    throw error;
  });
  return holder[GLOBAL_KEY];
}
