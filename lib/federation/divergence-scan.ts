/**
 * The divergence scan (issue 15, split brain): a region's engines look, periodically and without any
 * user operation, at the remote children owned by this region's stacks, and mark a child changed
 * without its owner (divergence-check.ts) — at the latest one tick after its region answers again.
 *
 * - One engine of the region scans at a time: the holder of the lease `divergence-scan:<region>` in the
 *   store's lock table, taken (or renewed) at each tick; a peer takes it over when its holder dies.
 * - Each stack is checked under its own lease (an operation on it waits, or the stack is skipped).
 * - Bounded work per tick: at most `perTick` stacks, PARALLEL at once. A pass lists the stacks once; a stack found with
 *   no remote children is remembered with its generation and not read again until that changes.
 * - A region that does not answer is asked once per tick; the stacks with children there are checked
 *   first at every tick until it answers, so its return is noticed at the next tick.
 */
import type { StackRecord } from "../engine/ports";
import type { Federation } from "./catalog";
import { checkStack, scanLeaseOwner, TickRegions, type CheckDeps } from "./divergence-check";
import { remoteClients } from "./provider";
import { startTicker, type Ticker } from "./ticker";

/** How many stacks a tick checks at once by default: a tick costs about perTick / PARALLEL round trips to the regions. */
export const PARALLEL = 8;

/** The lock-table key of the scan lease of `region` (not a stack id: those never hold a colon). */
export function scanLeaseKey(region: string): string {
  return `divergence-scan:${region}`;
}

/** Settings of the scan. */
export interface ScanOptions {
  /** Time between ticks (HEARTH_DIVERGENCE_SCAN_MS). */
  intervalMs: number;
  /** Stacks checked at most per tick. */
  perTick: number;
  /** Stacks checked at once (default PARALLEL). */
  parallel?: number;
  /** This engine's name in the scan lease. */
  owner: string;
  /** Reports a failed check or tick. */
  onError(error: unknown, what: string): void;
}

/** What one tick did. */
export interface TickResult {
  /** This engine holds the scan lease. */
  leader: boolean;
  checked: number;
  marked: number;
}

/** The version of a stack that tells whether it may have gained a remote child since it was read. */
function versionOf(stack: StackRecord): string {
  return `${stack.generation}/${stack.updatedAt ?? stack.createdAt}`;
}

/** The scan of one region's engine. */
export class DivergenceScan {
  /** Stacks read with no remote children: id -> version then. */
  private readonly plain = new Map<string, string>();
  /** This pass's stacks still to check, and their versions. */
  private queue: string[] = [];
  private readonly versions = new Map<string, string>();
  /** Stacks with children in a region that did not answer: checked first at each tick. */
  private readonly waiting = new Set<string>();
  private ticker: Ticker | undefined;

  constructor(
    private readonly deps: CheckDeps,
    private readonly options: ScanOptions,
  ) {}

  /** One tick: takes or renews the scan lease, then checks up to `perTick` stacks. */
  async tick(): Promise<TickResult> {
    if (!(await this.deps.store.acquireLock(scanLeaseKey(this.deps.self), this.options.owner, this.deps.leaseMs))) {
      this.queue = [];
      return { leader: false, checked: 0, marked: 0 };
    }
    if (!this.queue.length) await this.newPass();
    const batch = [...this.waiting].slice(0, this.options.perTick);
    while (batch.length < this.options.perTick && this.queue.length) {
      const id = this.queue.shift()!;
      if (!batch.includes(id)) batch.push(id);
    }
    const regions = new TickRegions();
    let marked = 0;
    const checkOne = async (id: string) => {
      try {
        const result = await checkStack(this.deps, id, regions);
        marked += result.marked;
        if (result.unreachable.size) this.waiting.add(id);
        else this.waiting.delete(id);
        const version = this.versions.get(id);
        if (!result.remote && version) this.plain.set(id, version);
      } catch (error) {
        this.options.onError(error, `the divergence check of stack ${id}`);
      }
    };
    // `parallel` checks at once, each taking the next stack of the batch
    const next = batch.values();
    const worker = async () => {
      for (let item = next.next(); !item.done; item = next.next()) await checkOne(item.value);
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(this.options.parallel ?? PARALLEL, batch.length)) }, worker));
    return { leader: true, checked: batch.length, marked };
  }

  /** Lists the stacks for a new pass: every live one but those known to have no remote children. */
  private async newPass(): Promise<void> {
    const stacks = await this.deps.store.listStacks({ includeNested: true });
    const live = new Set<string>();
    this.versions.clear();
    for (const stack of stacks) {
      if (stack.deletedAt || stack.action === "DELETE") continue;
      live.add(stack.id);
      const version = versionOf(stack);
      if (this.plain.get(stack.id) === version) continue;
      this.plain.delete(stack.id);
      this.versions.set(stack.id, version);
      this.queue.push(stack.id);
    }
    for (const id of this.plain.keys()) if (!live.has(id)) this.plain.delete(id);
    for (const id of this.waiting) if (!live.has(id)) this.waiting.delete(id);
  }

  /** Starts ticking every `intervalMs` (not keeping the process alive). */
  start(): void {
    this.ticker ??= startTicker(this.options.intervalMs, () => this.tick(), (error) => this.options.onError(error, "a divergence scan tick"));
  }

  /** Stops ticking, waits for the running tick and lets the scan lease go (a peer takes it at its next tick). */
  async stop(): Promise<void> {
    await this.ticker?.stop();
    this.ticker = undefined;
    await this.deps.store.releaseLock(scanLeaseKey(this.deps.self), this.options.owner).catch(() => undefined);
  }
}

/** What a region's scan is built from. */
export interface RegionScanSettings extends Omit<ScanOptions, "onError"> {
  store: CheckDeps["store"];
  /** The engine's lease length (the scan lease and each stack's lease last as long). */
  leaseMs: number;
  /** A token for `projectId` (of this region) that the other regions accept. */
  tokenFor(projectId: string): Promise<string>;
  /** Longest wait for one request's answer (default 3 s: a region that does not answer holds a stack's check, and so an operation waiting for its lease, at most that long). */
  requestTimeoutMs?: number;
  onError?: ScanOptions["onError"];
}

/** The scan of `federation`'s own region. */
export function regionScan(federation: Federation, settings: RegionScanSettings): DivergenceScan {
  const client = remoteClients(federation, { tokenFor: settings.tokenFor, requestTimeoutMs: settings.requestTimeoutMs ?? 3000 });
  const onError = settings.onError ?? ((error: unknown, what: string) => console.error(`hearth: divergence scan: ${what} failed:`, error));
  return new DivergenceScan(
    { store: settings.store, self: federation.self.name, client, leaseOwner: scanLeaseOwner(settings.owner), leaseMs: settings.leaseMs },
    { intervalMs: settings.intervalMs, perTick: settings.perTick, owner: settings.owner, onError },
  );
}
