/**
 * The RegionClient of one simulated region. Every call goes through `invoke`: API latency, then (on
 * the state caught up with other processes, in one transaction when the call changes anything) the
 * region-offline check, due transitions, the answer of a stamped call already carried out (client
 * tokens, lib/engine/ports/client-token.ts), injected failures, then the operation itself.
 */
import { changesState, type ClientStamps, CloudError, rememberAnswer, replayAnswer, type ComputeClient, type NetworkClient, type ObjectClient, type Quota, type RegionClient, type VolumeClient } from "../../engine/ports";
import { computeOps } from "./compute-ops";
import { takeFailure } from "./fail-rules";
import type { FailRule } from "./records";
import { floatingIpOps } from "./floating-ip-ops";
import { networkOps } from "./network-ops";
import { objectOps } from "./object-ops";
import { portOps } from "./port-ops";
import { quotaUsage } from "./quota";
import { routerOps } from "./router-ops";
import type { RegionState } from "./region-state";
import { securityGroupOps } from "./security-group-ops";
import { trunkOps } from "./trunk-ops";
import { settle } from "./settle";
import { volumeOps } from "./volume-ops";

/** A table of operations taking the region's state first (any operation is assignable to it). */
type OpTable = Record<string, (s: RegionState, ...args: never[]) => unknown>;

/** An operation table with the state argument bound and the result made async. */
type Bound<T extends OpTable> = {
  [K in keyof T]: T[K] extends (s: RegionState, ...args: infer A) => infer R ? (...args: A) => Promise<R> : never;
};

const SERVICES = {
  compute: computeOps,
  volume: volumeOps,
  network: { ...networkOps, ...portOps, ...floatingIpOps, ...securityGroupOps, ...routerOps, ...trunkOps },
  objects: objectOps,
} as const;

const quotaOps = {
  quota: (s: RegionState): { limits: Quota; used: Quota } => ({ limits: { ...s.meta.quota }, used: quotaUsage(s) }),
};

/** Operations that fail later rather than at the call (see SimFaults.failNext). */
export const PHASE_OPERATIONS = ["compute.build", "volume.build"] as const;

/** Every operation name failNext accepts: "compute.createServer", "network.createPort", "quota" ... */
export const OPERATION_NAMES: readonly string[] = [
  ...Object.entries(SERVICES).flatMap(([service, table]) => Object.keys(table).map((op) => `${service}.${op}`)),
  "quota",
  ...PHASE_OPERATIONS,
];

/** How a region client reaches its region: its state, and how a call reads or changes it. */
export interface RegionAccess {
  readonly name: string;
  /** The project the client acts for (undefined: an operator's client that sees everything). */
  readonly project?: string;
  /** The stamps of a client made with a client token (each stamped call is carried out once). */
  readonly stamps?: ClientStamps;
  /** The region's state now. */
  state(): RegionState;
  /** Runs `body` on the state caught up with other processes; what it changes is not saved. */
  read<R>(body: () => R): Promise<R>;
  /** Runs `body` as one transaction: all of its changes saved, or none (when it throws). */
  write<R>(body: () => R): Promise<R>;
}

/** How a call ended: its answer, or an injected failure (thrown once the rule's use is saved). */
type Outcome<R> = { answer: R; failure?: undefined } | { failure: FailRule };

/** The call itself, on the caught-up state (inside its transaction when it changes anything). */
function carryOut<R>(access: RegionAccess, operation: string, table: OpTable, stamp: string | undefined, run: (s: RegionState) => R): Outcome<R> {
  const s = access.state();
  if (!s.meta.online) {
    throw new CloudError("RegionUnavailable", `Region ${s.name} is unavailable: ${operation} got no answer from its endpoint.`);
  }
  settle(s);
  const call = table as Record<string, (s: RegionState, ...args: unknown[]) => unknown>;
  const done = stamp === undefined ? undefined : s.recallToken(stamp);
  if (done) return { answer: s.actingFor(access.project, () => replayAnswer(done, (getter, id) => call[getter](s, id)) as R) };
  const failure = takeFailure(s, operation);
  if (failure) return { failure };
  const answer = s.actingFor(access.project, () => run(s));
  if (stamp !== undefined) s.rememberToken(stamp, rememberAnswer(operation, answer, (getter) => getter in table));
  return { answer };
}

/**
 * Runs one API call of `table`: the API latency (outside any lock), then a read on the caught-up
 * state, or one transaction for a call that changes state (or whose failNext rule is armed).
 */
async function invoke<R>(access: RegionAccess, operation: string, table: OpTable, run: (s: RegionState) => R): Promise<R> {
  const stamp = access.stamps?.next(operation);
  await access.state().latency.apiCall(operation);
  const once = () => carryOut(access, operation, table, stamp, run);
  const writes = changesState(operation.slice(operation.lastIndexOf(".") + 1));
  const read = writes ? undefined : await access.read(() => (access.state().meta.failNext[operation] ? undefined : once()));
  const outcome = read ?? (await access.write(once));
  if (outcome.failure) throw new CloudError(outcome.failure.code, outcome.failure.message ?? `Injected fault: ${operation} failed in ${access.name}.`);
  return outcome.answer;
}

function bind<T extends OpTable>(access: RegionAccess, prefix: string, table: T): Bound<T> {
  const bound: Record<string, unknown> = {};
  for (const [name, op] of Object.entries(table) as [string, (s: RegionState, ...args: unknown[]) => unknown][]) {
    const operation = prefix ? `${prefix}.${name}` : name;
    bound[name] = (...args: unknown[]) => invoke(access, operation, table, (s) => op(s, ...args));
  }
  return bound as Bound<T>;
}

/** Builds the RegionClient of a region. */
export function createRegionClient(access: RegionAccess): RegionClient {
  const compute: ComputeClient = bind(access, "compute", SERVICES.compute);
  const volume: VolumeClient = bind(access, "volume", SERVICES.volume);
  const network: NetworkClient = bind(access, "network", SERVICES.network);
  const objects: ObjectClient = bind(access, "objects", SERVICES.objects);
  return { region: access.name, compute, volume, network, objects, ...bind(access, "", quotaOps) };
}
