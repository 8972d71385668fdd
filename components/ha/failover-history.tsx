import { FAILOVER_STEPS, type FailoverRun } from "@/lib/engine/resources/heat/failover-history";
import { StatusBadge } from "../ui/status-badge";
import { TimeText } from "../ui/time-text";

/** A run's state as a Heat-style status, so it gets the usual icon + text badge. */
const RUN_STATUS: Record<FailoverRun["state"], string> = { running: "FAILOVER_IN_PROGRESS", completed: "FAILOVER_COMPLETE", failed: "FAILOVER_FAILED" };

/** The group's failovers, newest first, each with its steps and their durations; a running one fills in live. */
export function FailoverHistory({ runs }: { runs: readonly FailoverRun[] }) {
  if (runs.length === 0) return <p className="text-sm text-slate-600" data-testid="no-failovers">No failover yet.</p>;
  return (
    <ol className="space-y-4" aria-label="Failovers, newest first">
      {runs.toReversed().map((run) => (
        <li key={run.seq} data-testid="failover-run" data-state={run.state} className="rounded-md border border-slate-200 p-3">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <StatusBadge status={RUN_STATUS[run.state]} testId="failover-state" />
            <span>
              <span className="font-mono text-xs">{run.from}</span> → <span className="font-mono text-xs">{run.to ?? "…"}</span>
            </span>
            <span className="text-slate-600"><TimeText iso={run.startedAt} /></span>
            {run.durationMs !== null ? <span className="font-medium" data-testid="failover-duration">{run.durationMs} ms</span> : null}
          </div>
          <p className="mt-1 text-xs text-slate-600">Reason: {run.reason}</p>
          {run.error ? <p className="mt-1 text-xs text-red-700">{run.error}</p> : null}
          <table className="mt-2 w-full text-left text-xs">
            <caption className="sr-only">Steps</caption>
            <tbody>
              {FAILOVER_STEPS.map((name, i) => {
                const done = run.steps.find((s) => s.step === name);
                const current = !done && run.state === "running" && i === run.steps.length;
                return (
                  <tr key={name} data-testid="failover-step" data-step={name} data-done={done ? "true" : "false"} className={done || current ? "" : "text-slate-500"}>
                    <th scope="row" className="w-24 py-0.5 pr-2 font-medium">{i + 1}. {name}</th>
                    <td className="py-0.5 pr-2">{done ? done.detail : current ? "running…" : run.state === "running" ? "waiting" : "—"}</td>
                    <td className="w-20 py-0.5 text-right font-mono">{done ? `${done.ms} ms` : ""}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </li>
      ))}
    </ol>
  );
}
