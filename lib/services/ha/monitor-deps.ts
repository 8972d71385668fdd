/** What the HA monitor (alarms and member health checks) needs from the rest of Hearth. */
import type { Clock, CloudProvider, EventRecord, StackStore } from "../../engine/ports";

/** The monitor's view of Hearth: the stored stacks and their leases, the cloud, a clock and two ways to act. */
export interface MonitorDeps {
  store: Pick<StackStore, "listStacks" | "listResources" | "acquireLock" | "releaseLock" | "getLock">;
  cloud: CloudProvider;
  clock: Clock;
  /** This engine's name in leases (the engine's lock owner). */
  owner: string;
  /** How long an engine owns what it watches without renewing (the engine's lease length). */
  leaseMs: number;
  /** Delivers a signal to a resource (engine.signal). */
  signal(stackId: string, resource: string, details: unknown): Promise<void>;
  /** POSTs to an alarm action URL (a pre-signed signal URL, verified as the route does). */
  post(url: string, details: unknown): Promise<void>;
  /**
   * Subscribes to the events of every stack as they are stored (the event bus's subscribeAll), so the
   * running monitor keeps its watch list between ticks; none: the list is read at every tick.
   */
  events?(listener: (event: EventRecord) => void): Promise<() => void>;
}

/** Runs an action in the background; the monitor waits for them on stop and reports failures. */
export type Track = (work: Promise<unknown>, what: string) => void;
