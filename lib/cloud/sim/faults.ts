/**
 * Fault injection for the simulated cloud (`sim.faults`). Faults are part of the region state, so they
 * are persisted and survive a restart like everything else.
 */
import { CloudError, type CloudErrorCode } from "../../engine/ports";
import { serverNotFound } from "./errors";
import { OPERATION_NAMES } from "./region-client";
import type { ServerRecord } from "./records";
import type { RegionState } from "./region-state";
import { settle } from "./settle";

/** The fault state of one region, for display (`hearth cloud fault list`, the console). */
export interface FaultSummary {
  region: string;
  online: boolean;
  failNext: { operation: string; count: number; code: CloudErrorCode; message?: string }[];
  hungServers: string[];
  crashedServers: string[];
  cpuLoads: Record<string, number>;
}

const CRASH_FAULT = "Injected crash: the hypervisor reports the instance as crashed.";

/**
 * The fault controls; each method acts at once and is saved by a transaction of its own right after,
 * run again on the state caught up with other processes (call `sim.flush()` to wait for it).
 */
export class SimFaults {
  /** `states` lists the regions' states; `stateOf` finds one or throws NotFound; `operate` runs a change (see Replica.operate). */
  constructor(
    private readonly states: () => RegionState[],
    private readonly stateOf: (region: string) => RegionState,
    private readonly operate: (change: () => void) => void,
  ) {}

  /**
   * The next `count` calls of `operation` in `region` fail. Operations are client methods
   * ("compute.createServer", "volume.attachVolume", "network.createPort", "quota"), which throw
   * CloudError(code, message), or build phases: "compute.build" makes the next server builds end in
   * ERROR with `message` as their fault, "volume.build" makes the next volumes end in "error".
   */
  failNext(region: string, operation: string, count = 1, message?: string, code: CloudErrorCode = "InjectedFault"): void {
    if (!OPERATION_NAMES.includes(operation)) {
      throw new CloudError("BadRequest", `Unknown operation '${operation}'. Known operations: ${OPERATION_NAMES.join(", ")}.`);
    }
    if (!Number.isInteger(count) || count < 1) throw new CloudError("BadRequest", `Fault count must be a positive integer, not ${count}.`);
    this.operate(() => {
      const s = this.stateOf(region);
      s.meta.failNext[operation] = { count, code, ...(message !== undefined ? { message } : {}) };
      s.saveMeta();
    });
  }

  /** The server crashes: status ERROR with a fault, metrics unhealthy. */
  crashServer(serverId: string): void {
    this.changeServer(serverId, (server) => {
      const { pending, ...rest } = server;
      const deleting = pending?.to === "DELETED";
      return { ...rest, status: "ERROR", fault: CRASH_FAULT, crashed: true, ...(deleting ? { pending } : {}) };
    });
  }

  /** The server hangs: it still looks ACTIVE, but its metrics say unhealthy and its guest does not answer. */
  hangServer(serverId: string): void {
    this.changeServer(serverId, (server) => ({ ...server, hung: true }));
  }

  /** Undoes a crash or hang (an ERROR server becomes ACTIVE again, like `nova reset-state --active`). */
  recoverServer(serverId: string): void {
    this.changeServer(serverId, recovered);
  }

  /** Forces the CPU load metrics report for a server (undefined returns to seeded noise). */
  setCpuLoad(serverId: string, percent: number | undefined): void {
    if (percent !== undefined && !(percent >= 0 && percent <= 100)) {
      throw new CloudError("BadRequest", `CPU load must be between 0 and 100, not ${percent}.`);
    }
    this.changeServer(serverId, ({ cpuLoad: _old, ...rest }) => ({ ...rest, ...(percent !== undefined ? { cpuLoad: percent } : {}) }));
  }

  /** Takes a region offline (every call throws RegionUnavailable) or brings it back. */
  setRegionOnline(region: string, online: boolean): void {
    this.operate(() => {
      const s = this.stateOf(region);
      s.meta.online = online;
      s.saveMeta();
    });
  }

  /** Removes every injected fault (in one region, or all): rules, outages, hangs, crashes, CPU loads. */
  clear(region?: string): void {
    this.operate(() => this.clearNow(region));
  }

  private clearNow(region: string | undefined): void {
    for (const s of region === undefined ? this.states() : [this.stateOf(region)]) {
      s.meta.failNext = {};
      s.meta.online = true;
      s.saveMeta();
      settle(s);
      for (const server of s.list("server")) {
        if (server.hung || server.crashed || server.cpuLoad !== undefined) {
          const { cpuLoad: _load, ...rest } = recovered(server);
          s.put("server", rest);
        }
      }
    }
  }

  /** The current faults per region. */
  describe(region?: string): FaultSummary[] {
    return (region === undefined ? this.states() : [this.stateOf(region)]).map((s) => {
      const servers = s.list("server");
      return {
        region: s.name,
        online: s.meta.online,
        failNext: Object.entries(s.meta.failNext).map(([operation, rule]) => ({ operation, ...rule })),
        hungServers: servers.filter((x) => x.hung).map((x) => x.id),
        crashedServers: servers.filter((x) => x.crashed).map((x) => x.id),
        cpuLoads: Object.fromEntries(servers.filter((x) => x.cpuLoad !== undefined).map((x) => [x.id, x.cpuLoad ?? 0])),
      };
    });
  }

  private changeServer(serverId: string, change: (server: ServerRecord) => ServerRecord): void {
    this.operate(() => {
      for (const s of this.states()) {
        settle(s);
        const server = s.get("server", serverId);
        if (server) {
          s.put("server", change(server));
          return;
        }
      }
      throw serverNotFound(serverId);
    });
  }
}

/** The server without hang or crash; ERROR becomes ACTIVE. */
function recovered(server: ServerRecord): ServerRecord {
  const { hung: _hung, crashed: _crashed, fault, ...rest } = server;
  if (server.status !== "ERROR") return { ...rest, ...(fault !== undefined ? { fault } : {}) };
  return { ...rest, status: "ACTIVE" };
}
