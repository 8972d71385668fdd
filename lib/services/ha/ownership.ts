/**
 * Which engine watches what: each alarm, health-checked group and failover policy is evaluated by one
 * engine at a time, the holder of its lease `ha:<resource id>` in the store's lock table. A monitor
 * takes (or renews) the lease of everything it watches at each tick, renewing a third of a lease length
 * before it runs out; a lease another engine holds is left alone, so when that engine dies its lease
 * expires and the next tick of a peer takes the resource over (within lease + one tick).
 */
import type { MonitorDeps } from "./monitor-deps";

/** The lock-table key of the HA lease of a resource. */
export function haLeaseKey(resourceId: string): string {
  return `ha:${resourceId}`;
}

/** This engine's HA leases. */
export class Ownership {
  /** Resource id -> when this engine renews its lease next. */
  private readonly held = new Map<string, number>();

  constructor(private readonly deps: Pick<MonitorDeps, "store" | "clock" | "owner" | "leaseMs">) {}

  /** Whether this engine watches the resource `id` now: takes or renews its lease when due. */
  async own(id: string): Promise<boolean> {
    const now = this.deps.clock.now();
    const renewAt = this.held.get(id);
    if (renewAt !== undefined && now < renewAt) return true;
    if (await this.deps.store.acquireLock(haLeaseKey(id), this.deps.owner, this.deps.leaseMs)) {
      this.held.set(id, now + this.deps.leaseMs / 3);
      return true;
    }
    this.held.delete(id);
    return false;
  }

  /** Lets go of the leases of resources not in `ids` (deleted, or no longer watched). */
  async retain(ids: ReadonlySet<string>): Promise<void> {
    for (const id of [...this.held.keys()]) if (!ids.has(id)) await this.release(id);
  }

  /** Lets go of every lease (a clean stop: peers take over at their next tick). */
  async releaseAll(): Promise<void> {
    for (const id of [...this.held.keys()]) await this.release(id);
  }

  private async release(id: string): Promise<void> {
    this.held.delete(id);
    await this.deps.store.releaseLock(haLeaseKey(id), this.deps.owner);
  }
}
