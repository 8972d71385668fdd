"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { FailoverPlan } from "@/lib/services/ha/view";
import { useAccess } from "../shell/session-context";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { failOverNow, runDrill, type HaTarget } from "./actions";

/** What each failover step does, for the confirmation. */
const STEP_TEXT: Record<string, string> = {
  quiesce: "quiesce the active member (its DELETE deployments run; best effort, bounded by quiesce_timeout)",
  detach: "detach the volume (and other followers) from it",
  promote: "promote the standby",
  attach: "attach the followers to the new active member",
  activate: "run the activation config there",
  replace: "replace the old member, so the group is back to full strength",
};

/** A drill the user started: which member's server was crashed, and when (server time). */
export interface DrillStarted {
  member: string;
  crashedAt: string;
}

/**
 * "Fail over now" (shows the plan, asks, then starts the failover) and "Drill" (asks, then crashes the
 * active server in the simulated cloud). Both report a refusal and re-read the page; the steps arrive
 * on the event stream.
 */
export function FailoverControls({ target, plan, busy, onDrill }: { target: HaTarget; plan: FailoverPlan | null; busy: boolean; onDrill(drill: DrillStarted): void }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState<"failover" | "drill" | undefined>();
  const [error, setError] = useState<string | undefined>();
  const access = useAccess();
  const disabled = !plan || busy || pending || !access.canChange;

  const confirm = () => {
    const action = confirming;
    setConfirming(undefined);
    startTransition(async () => {
      const result = action === "drill" ? await runDrill(target) : await failOverNow(target);
      setError(result.ok ? undefined : result.error);
      if (result.ok && result.value) onDrill(result.value);
      // A crash makes no event: re-read the members so the crashed one shows at once.
      router.refresh();
    });
  };
  const open = (action: "failover" | "drill") => (disabled ? undefined : setConfirming(action));
  const why = !access.canChange ? access.reason : !plan ? "The group has no active member yet" : busy ? "A failover is running" : undefined;
  const button = "rounded border px-3 py-1.5 text-sm font-medium aria-disabled:cursor-not-allowed aria-disabled:opacity-45";
  const to = plan?.to ?? "a fresh member";

  return (
    <div className="space-y-1">
      <div role="group" aria-label={`Actions on ${target.policy}`} className="flex gap-2">
        <button type="button" data-testid="failover-now" aria-disabled={disabled} title={why} onClick={() => open("failover")} className={`${button} border-red-300 bg-white text-red-800 hover:bg-red-50`}>
          Fail over now
        </button>
        <button type="button" data-testid="drill" aria-disabled={disabled} title={why} onClick={() => open("drill")} className={`${button} border-slate-300 bg-white text-slate-800 hover:bg-slate-100`}>
          Drill
        </button>
      </div>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      <ConfirmDialog open={confirming === "failover"} title={`Fail over ${target.policy}?`} confirmLabel="Fail over now" onConfirm={confirm} onClose={() => setConfirming(undefined)}>
        <p data-testid="failover-plan">
          From <strong className="font-mono text-xs">{plan?.from}</strong> (active) to <strong className="font-mono text-xs">{to}</strong>:
        </p>
        <ol className="mt-2 list-decimal space-y-0.5 pl-5">
          {(plan?.steps ?? []).map((step) => (
            <li key={step}><span className="font-medium">{step}</span>: {STEP_TEXT[step] ?? step}</li>
          ))}
        </ol>
      </ConfirmDialog>
      <ConfirmDialog open={confirming === "drill"} title={`Crash the active server of ${target.policy}?`} confirmLabel="Crash it" onConfirm={confirm} onClose={() => setConfirming(undefined)}>
        <p>
          The server of <strong className="font-mono text-xs">{plan?.from}</strong> crashes in the simulated cloud. Nobody tells Hearth: the HA
          monitor has to notice and fail over to <strong className="font-mono text-xs">{to}</strong> by itself.
        </p>
      </ConfirmDialog>
    </div>
  );
}
