/**
 * A rig for tests of engines finishing each other's work: engine A ("engine-a") and engine B
 * ("engine-b") share a store, the instant cloud and a fake clock. A dies at a chosen moment, as a
 * killed process would: right after its k-th stored event, or right after the cloud carried out its
 * j-th state-changing call (whose answer is then lost). From then on A writes nothing and its cloud
 * calls never answer. B takes over with recover() once A's lease has expired.
 */
import { changesState, type CloudProvider, type RegionClient, type StackRecord, type StackStore } from "../ports";
import { FakeClock } from "./fake-clock";
import { createInstantCloud } from "./instant-cloud";
import { MemoryStackStore } from "./memory-store";
import { TestWorld } from "./plugins";
import { createTestEngine, type TestEngine } from "./test-engine";

/** When engine A dies: after its k-th stored event, or after its j-th state-changing cloud call. */
export interface CrashPoint {
  afterEvents?: number;
  afterCloudCalls?: number;
}

/** Options of takeoverRig. */
export interface TakeoverRigOptions {
  /** The shared store (default a MemoryStackStore on the rig's clock, which `clock` must then drive). */
  store?: StackStore;
  clock?: FakeClock;
  /** The lease of both engines (default 3 s). */
  lockTtlMs?: number;
}

/** Two engines on one store and cloud; A can be killed at a CrashPoint. */
export interface TakeoverRig {
  a: TestEngine;
  b: TestEngine;
  store: StackStore;
  clock: FakeClock;
  /** The cloud as the engines share it (B's view; A's calls go through a wrapper that dies with it). */
  cloud: CloudProvider;
  lockTtlMs: number;
  /** From now on, A dies at `point` (counting its events and cloud calls from here). */
  arm(point: CrashPoint): void;
  /** Whether A has died. */
  crashed(): boolean;
  /** A's stored events and state-changing cloud calls since arm(). */
  counts(): { events: number; calls: number };
  /** Resolves when A dies. */
  died: Promise<void>;
  /** Lets A's lease expire, then runs B's recovery sweep; the ids B took over. */
  takeOver(): Promise<string[]>;
  /** Runs the clock until the stack is no longer IN_PROGRESS and no live lease is on it (bounded); the stored stack. */
  settle(stackId: string): Promise<StackRecord>;
}

const never = <T>() => new Promise<T>(() => undefined);

/** Builds a TakeoverRig. */
export function takeoverRig(options: TakeoverRigOptions = {}): TakeoverRig {
  const clock = options.clock ?? new FakeClock();
  const store = options.store ?? new MemoryStackStore(() => clock.now());
  const cloud = createInstantCloud({ now: () => clock.now() });
  const world = new TestWorld();
  const lockTtlMs = options.lockTtlMs ?? 3_000;
  let point: CrashPoint | undefined;
  let events = 0;
  let calls = 0;
  let dead = false;
  let announce!: () => void;
  const died = new Promise<void>((resolve) => (announce = resolve));
  const kill = () => {
    if (dead) return;
    dead = true;
    a.engine.simulateCrash();
    announce();
  };
  const dyingStore = new Proxy(store, {
    get(target, key) {
      const value = Reflect.get(target, key) as unknown;
      if (key !== "commit" || typeof value !== "function") return typeof value === "function" ? value.bind(target) : value;
      return async (change: Parameters<StackStore["commit"]>[0]) => {
        const stored = await target.commit(change);
        events += change.events?.length ?? 0;
        if (point?.afterEvents !== undefined && events >= point.afterEvents) kill();
        return stored;
      };
    },
  });
  const dyingService = <T extends object>(service: T): T =>
    new Proxy(service, {
      get(target, key) {
        const value = Reflect.get(target, key) as unknown;
        if (typeof value !== "function") return value;
        return async (...args: unknown[]) => {
          if (dead) return never();
          const answer = (await value.apply(target, args)) as unknown;
          if (dead) return never();
          if (typeof key === "string" && changesState(key) && ++calls >= (point?.afterCloudCalls ?? Infinity)) {
            kill();
            return never();
          }
          return answer;
        };
      },
    });
  const dyingCloud: CloudProvider = {
    regions: () => cloud.regions(),
    regionNames: () => cloud.regionNames(),
    region(name, project, clientToken) {
      const client = cloud.region(name, project, clientToken);
      const wrapped: RegionClient = {
        region: client.region,
        compute: dyingService(client.compute),
        volume: dyingService(client.volume),
        network: dyingService(client.network),
        objects: dyingService(client.objects),
        quota: () => (dead ? never() : client.quota()),
      };
      return wrapped;
    },
  };
  const common = { clock, world, lockTtlMs };
  const a = createTestEngine({ ...common, store: dyingStore, cloud: dyingCloud, owner: "engine-a" });
  const b = createTestEngine({ ...common, store, cloud, owner: "engine-b" });
  return {
    a,
    b,
    store,
    clock,
    cloud,
    lockTtlMs,
    arm(p) {
      point = p;
      events = 0;
      calls = 0;
    },
    crashed: () => dead,
    counts: () => ({ events, calls }),
    died,
    async takeOver() {
      await clock.advance(lockTtlMs + 1);
      return b.engine.recover();
    },
    settle: (stackId) =>
      clock.run(
        (async () => {
          for (let i = 0; i < 100_000; i++) {
            const stack = await store.getStack(stackId);
            const lock = await store.getLock(stackId);
            if (stack && stack.status !== "IN_PROGRESS" && !(lock && lock.expiresAt > clock.now())) return stack;
            await clock.sleep(50);
          }
          throw new Error(`Stack ${stackId} did not settle`);
        })(),
      ),
  };
}
