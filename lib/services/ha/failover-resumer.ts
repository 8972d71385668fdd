/**
 * Carries on failovers whose engine went down: a FailoverPolicy whose data holds a failover under way
 * while no engine holds the lease on its signals (signal-lease.ts) was left half done by an engine that
 * died. The policy's owning monitor sends it `{resume: true}`; the policy carries the failover on from
 * its first unrecorded step to its end event (failover-run.ts). One signal in flight per policy.
 */
import type { ResourceRecord } from "../../engine/ports";
import { FAILOVER_STEPS } from "../../engine/resources/heat/failover-history";
import { inFlightFailover } from "../../engine/resources/heat/failover-run";
import { signalLeaseKey } from "../../engine/stack/signal-lease";
import type { MonitorDeps, Track } from "./monitor-deps";

/** The sweep of interrupted failovers, remembering the resumes it has in flight. */
export class FailoverResumer {
  private readonly resuming = new Set<string>();

  constructor(
    private readonly deps: MonitorDeps,
    private readonly track: Track,
  ) {}

  /** Resumes the failover of `policy` (a FailoverPolicy of stack `stackId`) if one was left unfinished. */
  async check(stackId: string, policy: ResourceRecord): Promise<void> {
    const progress = inFlightFailover(policy.data);
    if (!progress || this.resuming.has(policy.id)) return;
    const lease = await this.deps.store.getLock(signalLeaseKey(stackId, policy.name));
    if (lease && lease.expiresAt > this.deps.clock.now()) return; // a signal is being handled: it runs or carries it on
    this.resuming.add(policy.id);
    const reason = `carrying on the failover from ${progress.from} left unfinished (${progress.steps.length} of ${FAILOVER_STEPS.length} steps done)`;
    this.track(
      this.deps.signal(stackId, policy.name, { resume: true, reason }).finally(() => this.resuming.delete(policy.id)),
      `${policy.name} ${reason}`,
    );
  }
}
