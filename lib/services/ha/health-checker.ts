/**
 * Health checks of AutoScalingGroup members for the HA monitor (groups with a `health_check`): every
 * interval, each member's server is polled (status ACTIVE; with `http`, the guest must answer too,
 * which a hung server does not). A member failing `evaluation_periods` checks in a row is acted on:
 * the FailoverPolicy watching the group is signalled (it fails over or replaces a standby), else the
 * group replaces the member. No action while one is running or during `grace_period` after it.
 */
import { isNotFound } from "../../engine/resources/support/cloud-errors";
import type { RegionClient, ResourceRecord } from "../../engine/ports";
import type { MonitorDeps, Track } from "./monitor-deps";
import { watchingPolicy } from "./watching-policy";

interface GroupState {
  next: number;
  failures: Map<string, number>;
  graceUntil: number;
  acting: boolean;
}

/** Whether the member's server answers: ACTIVE (and, with `http`, its guest responds). Building counts as healthy. */
async function probe(client: RegionClient, ref: string, http: boolean): Promise<boolean> {
  try {
    const server = await client.compute.getServer(ref);
    if (server.status === "BUILD") return true;
    if (server.status !== "ACTIVE") return false;
    return !http || (await client.compute.metrics(ref)).healthy;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

const num = (v: unknown, fallback: number) => (typeof v === "number" ? v : v === undefined || v === null ? fallback : Number(v));

/** Member health checks with their per-group memory. */
export class HealthChecker {
  private readonly states = new Map<string, GroupState>();

  constructor(
    private readonly deps: MonitorDeps,
    private readonly track: Track,
  ) {}

  /** Checks the members of `group` (an AutoScalingGroup among `siblings`) if its interval is due. */
  async check(stackId: string, group: ResourceRecord, siblings: ResourceRecord[]): Promise<void> {
    const hc = group.properties.health_check as Record<string, unknown> | null | undefined;
    if (!hc || !group.physicalId) return;
    const now = this.deps.clock.now();
    const st = this.states.get(group.id) ?? { next: 0, failures: new Map(), graceUntil: 0, acting: false };
    this.states.set(group.id, st);
    if (now < st.next || st.acting) return;
    st.next = now + num(hc.interval, 10) * 1000;
    const policy = watchingPolicy(group, siblings);
    const graceMs = num(hc.grace_period, 60) * 1000;
    const last = policy?.data.last_failover ? Date.parse((JSON.parse(policy.data.last_failover) as { time: string }).time) : 0;
    if (now < Math.max(st.graceUntil, last + graceMs)) return st.failures.clear();
    const client = this.deps.cloud.region(group.region);
    const members = (await this.deps.store.listResources(group.physicalId)).filter((m) => !m.replacedBy && m.status === "COMPLETE");
    for (const m of members) {
      const ok = await probe(client, m.data["OS::stack_id"] ?? m.physicalId ?? "", hc.http === true);
      st.failures.set(m.name, ok ? 0 : (st.failures.get(m.name) ?? 0) + 1);
    }
    const evaluations = num(hc.evaluation_periods, 3);
    const failed = members.find((m) => (st.failures.get(m.name) ?? 0) >= evaluations);
    if (!failed) return;
    const reason = `health check: member ${failed.name} failed ${evaluations} checks in a row`;
    const work = policy
      ? this.deps.signal(stackId, policy.name, { member: failed.name, reason })
      : this.deps.signal(stackId, group.name, { replace: failed.name, reason });
    st.acting = true;
    st.failures.clear();
    this.track(
      work.finally(() => {
        st.acting = false;
        st.graceUntil = this.deps.clock.now() + graceMs;
      }),
      `${group.name} ${reason}`,
    );
  }

  /** Forgets groups no longer present. */
  retain(ids: ReadonlySet<string>): void {
    for (const id of this.states.keys()) if (!ids.has(id)) this.states.delete(id);
  }
}
