/**
 * The HA monitor: runs in every engine process (createHearth starts it, close stops it) and, every
 * tick, evaluates the alarms and member health checks of the live stacks holding them (watch-list.ts:
 * one indexed query, kept between ticks while the event bus tells of changes; no other stack is read)
 * and carries on failovers left unfinished, each of them in one engine at a time: the one holding its
 * lease (ownership.ts).
 * What they decide is done in the background (signals, alarm action POSTs), so one long failover does
 * not hold up detection elsewhere; stop() waits for it and lets the leases go.
 */
import type { ResourceRecord } from "../../engine/ports";
import { AlarmEvaluator } from "./alarm-evaluator";
import { FailoverResumer } from "./failover-resumer";
import { HealthChecker } from "./health-checker";
import type { MonitorDeps } from "./monitor-deps";
import { Ownership } from "./ownership";
import { WatchList } from "./watch-list";

/** The resource types the monitor watches. */
const WATCHED = new Set(["OS::Aodh::Alarm", "OS::Heat::AutoScalingGroup", "OS::Heat::FailoverPolicy"]);

function watched(rec: ResourceRecord): boolean {
  return WATCHED.has(rec.type) && !!rec.physicalId && (rec.type !== "OS::Heat::AutoScalingGroup" || !!rec.properties.health_check);
}

/** Options of the monitor. */
export interface MonitorOptions {
  /** How often to look at alarms and groups (each has its own period or interval on top). Default 1000 ms. */
  tickMs?: number;
  /** Reports a failed tick or action (default: console.error). */
  onError?(error: unknown, what: string): void;
}

/** The HA monitor. */
export class HaMonitor {
  private readonly alarms: AlarmEvaluator;
  private readonly health: HealthChecker;
  private readonly failovers: FailoverResumer;
  private readonly ownership: Ownership;
  private readonly watchList: WatchList;
  private readonly pending = new Set<Promise<unknown>>();
  private stopper: AbortController | undefined;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly deps: MonitorDeps,
    private readonly options: MonitorOptions = {},
  ) {
    const track = (work: Promise<unknown>, what: string) => {
      const p = work.catch((error: unknown) => this.report(error, what));
      this.pending.add(p);
      void p.finally(() => this.pending.delete(p));
    };
    this.alarms = new AlarmEvaluator(deps, track);
    this.health = new HealthChecker(deps, track);
    this.failovers = new FailoverResumer(deps, track);
    this.ownership = new Ownership(deps);
    this.watchList = new WatchList(deps.store, [...WATCHED]);
  }

  private report(error: unknown, what: string): void {
    (this.options.onError ?? ((e, w) => console.error(`hearth: HA monitor: ${w} failed:`, e)))(error, what);
  }

  /** One pass over the alarms, health-checked groups and failover policies of the live stacks that this engine owns. */
  async tick(): Promise<void> {
    const stacks = await this.watchList.stacks();
    const mine = new Set<string>();
    for (const stack of stacks) {
      if (stack.deletedAt || stack.action === "DELETE") continue;
      const resources = (await this.deps.store.listResources(stack.id)).filter((r) => !r.replacedBy && r.action !== "DELETE");
      for (const rec of resources) {
        if (!watched(rec) || !(await this.ownership.own(rec.id))) continue;
        mine.add(rec.id);
        if (rec.type === "OS::Aodh::Alarm") await this.alarms.evaluate(stack.id, rec);
        else if (rec.type === "OS::Heat::AutoScalingGroup") await this.health.check(stack.id, rec, resources);
        else await this.failovers.check(stack.id, rec);
      }
    }
    // what another engine owns now starts afresh if it comes back to this one
    this.alarms.retain(mine);
    this.health.retain(mine);
    await this.ownership.retain(mine);
  }

  /** Starts ticking on the deps' clock (again after a stop). */
  start(): void {
    if (this.stopper) return;
    const stopper = (this.stopper = new AbortController());
    const tickMs = this.options.tickMs ?? 1000;
    this.loop = (async () => {
      const unfollow = await this.follow();
      while (!stopper.signal.aborted) {
        await this.tick().catch((error: unknown) => this.report(error, "tick"));
        await this.deps.clock.sleep(tickMs, stopper.signal).catch(() => undefined);
      }
      unfollow();
    })();
  }

  /** Keeps the watch list between ticks while the deps' event feed tells of changes; returns how to stop. */
  private async follow(): Promise<() => void> {
    if (!this.deps.events) return () => undefined;
    try {
      const unsubscribe = await this.deps.events((event) => this.watchList.observe(event));
      this.watchList.follow();
      return () => {
        unsubscribe();
        this.watchList.unfollow();
      };
    } catch (error) {
      this.report(error, "following the events (the watch list is read at every tick)");
      return () => undefined;
    }
  }

  /** Resolves when every action started so far has finished. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Stops ticking, waits for running actions and lets this engine's leases go. */
  async stop(): Promise<void> {
    this.stopper?.abort();
    this.stopper = undefined;
    await this.loop;
    await this.settled();
    await this.ownership.releaseAll().catch((error: unknown) => this.report(error, "releasing the HA leases"));
  }
}
