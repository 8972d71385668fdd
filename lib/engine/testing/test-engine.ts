/**
 * Builds an engine for tests: in-memory store, fake clock, the instant in-memory cloud, the built-in
 * plugins plus the test plugins, and a log of published events.
 */
import type { CloudProvider, EventRecord, StackRecord, StackStore } from "../ports";
import type { ResourcePlugin, TypeRegistry } from "../resources/types";
import type { EngineOptions } from "../stack/api";
import type { Compiler } from "../stack/core";
import { compileStack } from "../template";
import { HearthEngine } from "../stack/engine";
import { FakeClock } from "./fake-clock";
import { createInstantCloud } from "./instant-cloud";
import { MemoryStackStore } from "./memory-store";
import { TestWorld, testRegistry } from "./plugins";

/** Options of createTestEngine; everything has a test default. */
export interface TestEngineOptions {
  /** Default: the real compileStack; engine unit tests pass handCompile. */
  compile?: Compiler;
  clock?: FakeClock;
  /** Share a store between engines (restart tests); default a new MemoryStackStore on the clock. */
  store?: StackStore;
  world?: TestWorld;
  /** Default: a new instant cloud (instant-cloud/); integration tests pass the simulator. */
  cloud?: CloudProvider;
  /** Extra plugins (after the built-ins and the test plugins). */
  plugins?: ResourcePlugin[];
  owner?: string;
  /** Seed of the engine's randomness (generated names); engines sharing a store need different ones. Default 42. */
  seed?: number;
  concurrency?: number;
  lockTtlMs?: number;
  /** Makes signal URLs (ScalingPolicy's signal_url / alarm_url); none by default. */
  presigner?: EngineOptions["presigner"];
  /** The identity service of the OS::Keystone::* types (e.g. a MemoryIdentity); none by default. */
  identity?: EngineOptions["identity"];
  /** Nested stacks of regions served elsewhere (a fake of a federation's remote Heat); none by default. */
  remoteNested?: EngineOptions["remoteNested"];
  /** Limits instead of Heat's defaults (EngineOptions.limits). */
  limits?: EngineOptions["limits"];
}

/** An engine under test with everything around it. */
export interface TestEngine {
  engine: HearthEngine;
  store: StackStore;
  clock: FakeClock;
  world: TestWorld;
  cloud: CloudProvider;
  registry: TypeRegistry;
  /** Events in the order the sink received them. */
  published: EventRecord[];
  /** Runs the fake clock until an operation's `done` settles. */
  finish(handle: { done: Promise<StackRecord> }): Promise<StackRecord>;
}

/** Creates a TestEngine (see TestEngineOptions). */
export function createTestEngine(options: TestEngineOptions = {}): TestEngine {
  const clock = options.clock ?? new FakeClock();
  const store = options.store ?? new MemoryStackStore(() => clock.now());
  const world = options.world ?? new TestWorld();
  const cloud = options.cloud ?? createInstantCloud({ now: () => clock.now() });
  const registry = testRegistry(world, options.plugins);
  const published: EventRecord[] = [];
  const engine = new HearthEngine(
    {
      store,
      cloud,
      registry,
      clock,
      sink: { publish: (e) => published.push(e) },
      owner: options.owner ?? "engine-test",
      defaultRegion: "RegionOne",
      concurrency: options.concurrency,
      lockTtlMs: options.lockTtlMs,
      random: seeded(options.seed ?? 42),
      presigner: options.presigner,
      identity: options.identity,
      remoteNested: options.remoteNested,
      limits: options.limits,
    },
    options.compile ?? compileStack,
  );
  return { engine, store, clock, world, cloud, registry, published, finish: (h) => clock.run(h.done) };
}

/** A small deterministic random generator (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
