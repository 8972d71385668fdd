/**
 * HA services wiring for createHearth: before the engine exists, the signing secret (from the
 * database) and the presigner it gives the engine; once the engine runs, the signal URL dispatcher
 * (for the route and alarm actions) and the HA monitor, started in this process until stop().
 */
import type { Clock, CloudProvider } from "../../engine/ports";
import type { SignalPresigner } from "../../engine/stack/api";
import type { SecretStore } from "../../store/ports";
import type { HearthConfig } from "../config";
import { HaMonitor } from "./monitor";
import type { MonitorDeps } from "./monitor-deps";
import { createPresigner, type SignalTarget } from "./presign";
import { signalBaseUrl, type SignalSites } from "./public-url";
import { loadOrCreateSecret } from "./secret";
import { createSignalDispatcher, type ReadDetails } from "./signal-urls";

/** What the HA runtime needs once the engine exists. */
export interface HaParts {
  store: MonitorDeps["store"];
  cloud: CloudProvider;
  clock: Clock;
  signal(stackId: string, resource: string, details: unknown): Promise<void>;
  /** The events of every stack as they are stored (see MonitorDeps.events). */
  events?: MonitorDeps["events"];
  /** Run the monitor (default true). */
  monitor?: boolean;
  /** The monitor's tick (default 1000 ms). */
  tickMs?: number;
}

/** The running HA services. */
export interface HaRuntime {
  /** Verifies a signal URL token and delivers its signal. */
  signalByToken(token: string, readDetails: ReadDetails): Promise<SignalTarget>;
  /** Stops the monitor and waits for the actions it started. */
  stop(): Promise<void>;
}

/** The first phase: the secret and the engine's presigner; `start` is the second. */
export interface HaWiring {
  presigner: SignalPresigner;
  start(parts: HaParts): HaRuntime;
}

/**
 * Loads (or creates) the signing secret, settles the signal URLs' base URL and prepares the HA services;
 * the monitor holds its leases as `owner` for `leaseMs`, as the engine does.
 */
export async function prepareHa(secrets: SecretStore, sites: SignalSites & Pick<HearthConfig, "owner" | "leaseMs">): Promise<HaWiring> {
  const secret = await loadOrCreateSecret(secrets);
  return {
    presigner: createPresigner(secret, await signalBaseUrl(secrets, sites)),
    start(parts) {
      const dispatch = createSignalDispatcher(secret, parts.signal);
      const { store, cloud, clock, signal, events } = parts;
      const monitor = new HaMonitor({ store, cloud, clock, signal, events, owner: sites.owner, leaseMs: sites.leaseMs, post: dispatch.byUrl }, { tickMs: parts.tickMs });
      if (parts.monitor ?? true) monitor.start();
      return { signalByToken: dispatch.byToken, stop: () => monitor.stop() };
    },
  };
}
