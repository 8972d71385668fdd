/**
 * A small test harness for one resource plugin: builds a ResourceContext over an optional cloud,
 * nested-stack fake and peers, and runs start+poll hooks to completion on a fake clock (each poll
 * advances it by `pollStepMs`, so waits never sleep). The engine's real runner lives in lib/engine/stack.
 */
import type { CloudProvider, NestedStackOps, RegionClient } from "../ports";
import type { PeerResource, PropertySchema, ResourceContext, ResourcePlugin, Token } from "./types";

/** A manual clock; harnesses that share one (and a sim cloud reading it) see the same time. */
export interface ManualClock {
  now(): number;
  advance(ms: number): void;
}

/** A manual clock starting at `startMs` (default 1.7e12). */
export function createManualClock(startMs = 1_700_000_000_000): ManualClock {
  let t = startMs;
  return {
    now: () => t,
    advance(ms) {
      t += ms;
    },
  };
}

/** Options of `createHarness`. */
export interface HarnessOptions {
  properties?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  name?: string;
  stackName?: string;
  region?: string;
  cloud?: CloudProvider;
  nested?: NestedStackOps;
  /** Other resources of the stack, by reference id (for ctx.peer). */
  peers?: (refId: string) => PeerResource | undefined;
  random?: () => number;
  /** The fake clock (default: a new one). */
  clock?: ManualClock;
  /** Fake time that passes between two polls (default 1000 ms). */
  pollStepMs?: number;
  /** Polls before the harness gives up (default 500). */
  maxPolls?: number;
}

/** A plugin under test with its context and lifecycle drivers. */
export interface ResourceHarness {
  ctx: ResourceContext;
  /** Progress notes the plugin wrote. */
  notes: string[];
  /** Current fake time; `advance` moves it. */
  now(): number;
  advance(ms: number): void;
  create(): Promise<void>;
  /** Applies new properties: "in-place" after running the update hooks, or "replace" (nothing run). */
  update(properties: Record<string, unknown>): Promise<"in-place" | "replace" | "no-change">;
  delete(): Promise<void>;
  suspend(): Promise<void>;
  resume(): Promise<void>;
  check(): Promise<void>;
  signal(details: unknown): Promise<void>;
  attribute(name: string, path?: (string | number)[]): Promise<unknown>;
  referenceId(): string | undefined;
  /** This resource as another resource's `ctx.peer` sees it. */
  asPeer(): PeerResource;
}

/** Harnesses that share one cloud and one clock, so plugins reach each other's objects (a port's network). */
export interface CloudBench<C extends CloudProvider = CloudProvider> {
  cloud: C;
  clock: ManualClock;
  harness(plugin: ResourcePlugin, options?: HarnessOptions): ResourceHarness;
}

/** A CloudBench over `cloud`, on `clock` (default: a new manual clock). */
export function createCloudBench<C extends CloudProvider>(cloud: C, clock: ManualClock = createManualClock()): CloudBench<C> {
  return { cloud, clock, harness: (plugin, options = {}) => createHarness(plugin, { cloud, clock, ...options }) };
}

/** Fills in schema defaults, recursing into maps with a schema and lists of such maps. */
export function withDefaults(
  schema: Record<string, PropertySchema>,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  for (const [key, s] of Object.entries(schema)) {
    if (out[key] === undefined || out[key] === null) {
      if (s.default !== undefined) out[key] = structuredClone(s.default);
      else continue;
    }
    out[key] = nestedDefaults(s, out[key]);
  }
  return out;
}

function nestedDefaults(s: PropertySchema, value: unknown): unknown {
  const isMap = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
  if (s.type === "map" && s.schema && isMap(value)) return withDefaults(s.schema, value);
  if (s.type === "list" && s.items && Array.isArray(value)) return value.map((v) => nestedDefaults(s.items!, v));
  return value;
}

const noNested = (): never => {
  throw new Error("nested stacks are not available in this harness");
};

/** Builds a harness for `plugin` (see HarnessOptions). */
export function createHarness(plugin: ResourcePlugin, options: HarnessOptions = {}): ResourceHarness {
  const clock = options.clock ?? createManualClock();
  const step = options.pollStepMs ?? 1000;
  const maxPolls = options.maxPolls ?? 500;
  const notes: string[] = [];
  const region = options.region ?? "RegionOne";
  const regionClient = (name: string): RegionClient => {
    if (!options.cloud) throw new Error("no cloud in this harness");
    return options.cloud.region(name);
  };
  const ctx: ResourceContext = {
    stack: { id: "stack-id", name: options.stackName ?? "teststack", projectId: "project", region },
    name: options.name ?? "res",
    type: plugin.type,
    region,
    properties: withDefaults(plugin.properties, options.properties ?? {}),
    physicalId: undefined,
    setPhysicalId(id) {
      ctx.physicalId = id;
    },
    data: {},
    setData(key, value) {
      if (value === undefined) delete ctx.data[key];
      else ctx.data[key] = value;
    },
    metadata: options.metadata ?? {},
    get cloud() {
      return regionClient(region);
    },
    cloudFor: regionClient,
    nested: options.nested ?? {
      create: noNested, update: noNested, delete: noNested, get: noNested,
      suspend: noNested, resume: noNested, check: noNested,
    },
    abort: new AbortController().signal,
    random: options.random ?? Math.random,
    now: () => clock.now(),
    note: (reason) => notes.push(reason),
    peer: async (refId) => options.peers?.(refId),
  };

  async function run(
    start: ((c: ResourceContext) => Promise<Token>) | undefined,
    check: ((c: ResourceContext, t: Token) => Promise<boolean>) | undefined,
  ): Promise<void> {
    if (!start) return;
    const token = await start(ctx);
    if (!check) return;
    for (let i = 0; i < maxPolls; i++) {
      if (await check(ctx, token)) return;
      clock.advance(step);
    }
    throw new Error(`${plugin.type} did not complete after ${maxPolls} polls`);
  }

  const h = plugin.handlers;
  return {
    ctx,
    notes,
    now: () => clock.now(),
    advance: (ms) => clock.advance(ms),
    create: () => run(h.create, h.checkCreateComplete),
    async update(properties) {
      const after = withDefaults(plugin.properties, properties);
      const before = ctx.properties;
      const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
      const changed = [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
      if (changed.length === 0) return "no-change";
      const inPlace = changed.every((k) => plugin.properties[k]?.updateAllowed ?? plugin.openProperties === true);
      const change = { before, after, changed };
      if (!inPlace || !h.update || h.needsReplace?.(change)) return "replace";
      ctx.properties = after;
      await run((c) => h.update!(c, change), h.checkUpdateComplete);
      return "in-place";
    },
    delete: () => run(h.delete, h.checkDeleteComplete),
    suspend: () => run(h.suspend, h.checkSuspendComplete),
    resume: () => run(h.resume, h.checkResumeComplete),
    check: async () => h.check?.(ctx),
    signal: async (details) => {
      if (!h.signal) throw new Error(`${plugin.type} does not take signals`);
      await h.signal(ctx, details);
    },
    async attribute(name, path = []) {
      if (h.attributeAt) return h.attributeAt(ctx, name, path);
      let value = await h.attribute?.(ctx, name);
      for (const key of path) value = (value as Record<string | number, unknown> | undefined)?.[key];
      return value;
    },
    referenceId: () => (h.referenceId ? h.referenceId(ctx) : ctx.physicalId),
    asPeer: () => ({ name: ctx.name, type: plugin.type, physicalId: ctx.physicalId, data: ctx.data }),
  };
}
