import type { FailoverRun } from "@/lib/engine/resources/heat/failover-history";
import type { HaGroupView } from "@/lib/services/ha/view";
import type { DrillStarted } from "./failover-controls";

/** The failover that answered a drill: the first one started at or after the crash. */
export function answerOf(drill: DrillStarted, runs: readonly FailoverRun[]): FailoverRun | undefined {
  const crashed = Date.parse(drill.crashedAt);
  return runs.find((r) => Date.parse(r.startedAt) >= crashed);
}

/** How a drill is going: waiting for the monitor, detected (after how long), or failed over. */
export function DrillStatus({ drill, runs, healthCheck }: { drill: DrillStarted; runs: readonly FailoverRun[]; healthCheck: HaGroupView["healthCheck"] }) {
  const answer = answerOf(drill, runs);
  const detectedS = answer ? ((Date.parse(answer.startedAt) - Date.parse(drill.crashedAt)) / 1000).toFixed(1) : undefined;
  const check = healthCheck ? `health check every ${healthCheck.intervalS} s, ${healthCheck.evaluationPeriods} failures in a row` : "alarms only: the group has no health_check";
  let text: string;
  if (!answer) text = `Crashed ${drill.member}. Waiting for the HA monitor to notice (${check})…`;
  else if (answer.state === "running") text = `The monitor noticed after ${detectedS} s: failing over from ${answer.from}…`;
  else if (answer.state === "completed") text = `Automatic failover done: detected after ${detectedS} s, ${answer.from} → ${answer.to} in ${answer.durationMs} ms.`;
  else text = `The automatic failover failed: ${answer.error ?? "see the events"}`;
  return (
    <p role="status" data-testid="drill-status" data-state={answer?.state ?? "waiting"} className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <span aria-hidden="true">⚠ </span>Drill: {text}
    </p>
  );
}
