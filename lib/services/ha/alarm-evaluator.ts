/**
 * Evaluates OS::Aodh::Alarm resources for the HA monitor: every `period`, samples the servers the
 * alarm matches, applies the threshold rule, and after `evaluation_periods` breaching evaluations in a
 * row moves the alarm to "alarm" (a signal to the alarm resource: an event) and POSTs its
 * alarm_actions; ok and insufficient data move at once. With repeat_actions the alarm actions fire
 * again at every breaching evaluation.
 */
import type { RegionClient, ResourceRecord } from "../../engine/ports";
import { alarmRule, evaluate, matchesMetadata, type AlarmRule, type Sample } from "../../engine/resources/aodh/alarm-rules";
import type { MonitorDeps, Track } from "./monitor-deps";

interface AlarmState {
  next: number;
  breaches: number;
}

const ACTIONS: Record<string, string> = { alarm: "alarm_actions", ok: "ok_actions", "insufficient data": "insufficient_data_actions" };

/** Samples of the servers an alarm watches (servers still building are not in service yet). */
async function samples(client: RegionClient, rule: AlarmRule): Promise<Sample[]> {
  const servers = (await client.compute.listServers()).filter(
    (s) => s.status !== "BUILD" && s.status !== "DELETED" && matchesMetadata(rule.matching, s.metadata),
  );
  return Promise.all(
    servers.map(async (s) => {
      const m = await client.compute.metrics(s.id);
      return { serverId: s.id, value: rule.meter === "server_health" ? (m.healthy ? 1 : 0) : m.cpuPercent };
    }),
  );
}

/** Alarm evaluation with its per-alarm memory (next due time, breaches in a row). */
export class AlarmEvaluator {
  private readonly states = new Map<string, AlarmState>();

  constructor(
    private readonly deps: MonitorDeps,
    private readonly track: Track,
  ) {}

  /** Evaluates `rec` (an OS::Aodh::Alarm of stack `stackId`) if its period is due. */
  async evaluate(stackId: string, rec: ResourceRecord): Promise<void> {
    if (rec.properties.enabled === false || !rec.physicalId) return;
    const now = this.deps.clock.now();
    const rule = alarmRule(rec.properties);
    const st = this.states.get(rec.id) ?? { next: 0, breaches: 0 };
    this.states.set(rec.id, st);
    if (now < st.next) return;
    st.next = now + rule.periodMs;
    const found = await samples(this.deps.cloud.region(rec.region), rule);
    const raw = evaluate(rule, found);
    st.breaches = raw === "alarm" ? st.breaches + 1 : 0;
    const current = rec.data.state ?? "insufficient data";
    const next = raw === "alarm" && st.breaches < rule.evaluationPeriods ? current : raw;
    const reason = `${rule.meter} ${rule.statistic} over ${found.length} server(s) is ${raw === "insufficient data" ? "unknown" : raw === "alarm" ? "beyond" : "within"} the threshold ${rule.comparison} ${rule.threshold}`;
    if (next !== current) await this.deps.signal(stackId, rec.name, { state: next, reason });
    const repeat = next === "alarm" && current === "alarm" && rec.properties.repeat_actions !== false;
    if (next === current && !repeat) return;
    const payload = { alarm_id: rec.physicalId, alarm_name: rec.name, severity: rec.properties.severity ?? "low", previous: current, current: next, reason };
    const urls = (rec.properties[ACTIONS[next]] as unknown[] | undefined) ?? [];
    for (const url of urls) if (typeof url === "string") this.track(this.deps.post(url, payload), `${rec.name} ${next} action`);
  }

  /** Forgets alarms no longer present. */
  retain(ids: ReadonlySet<string>): void {
    for (const id of this.states.keys()) if (!ids.has(id)) this.states.delete(id);
  }
}
