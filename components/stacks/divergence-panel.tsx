"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useState } from "react";
import { resolveDivergenceAction, type ResolveState } from "@/lib/console/federation-actions";
import type { Resolution } from "@/lib/federation/resolve";
import { useAccess } from "../shell/session-context";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { StatusBadge } from "../ui/status-badge";
import { TimeText } from "../ui/time-text";
import type { DivergenceView } from "./federation-view";

/** Each resolution's button, explanation and confirmation, in the order offered. */
const CHOICES: { resolution: Resolution; label: string; explain: string; confirm: (d: DivergenceView) => string; ok: string }[] = [
  {
    resolution: "adopt",
    label: "Adopt the child's version",
    explain: "Keep the child as it is now: its current template and parameters become this stack's definition of the resource.",
    confirm: (d) => `The template and parameters of ${d.child} as ${d.region} shows them now replace this stack's definition of ${d.resource}. The child is not changed.`,
    ok: "Adopt",
  },
  {
    resolution: "reapply",
    label: "Re-apply this stack's version",
    explain: "Overwrite the child: this stack's definition of the resource is applied to it again, undoing the change made there.",
    confirm: (d) => `${d.child} in ${d.region} is updated back to this stack's definition of ${d.resource}; the change made directly in ${d.region} is undone.`,
    ok: "Re-apply",
  },
  {
    resolution: "detach",
    label: "Detach the child",
    explain: "Let the child go: it stays in its region without an owner, and the resource (and outputs reading it) leave this stack.",
    confirm: (d) => `${d.child} is released and left running in ${d.region}; ${d.resource} and the outputs that read it are removed from this stack's template.`,
    ok: "Detach",
  },
];

const BUTTON = "rounded-md border border-amber-400 bg-white px-3 py-1.5 text-sm font-medium text-amber-950 hover:bg-amber-100 aria-disabled:cursor-not-allowed aria-disabled:opacity-50";

/**
 * The diverged remote children of a parent (issue 15's split brain): a banner per resource with the
 * reason, child, region and when it was detected, and the three resolutions, each explained and
 * confirmed before it is sent. The result read back after it (the resolution's event, the resource's
 * new status) stays shown after the page refreshed; a refusal shows beside that resource's buttons.
 */
export function DivergencePanel({ stackId, divergences }: { stackId: string; divergences: readonly DivergenceView[] }) {
  const router = useRouter();
  const access = useAccess();
  const [state, dispatch, pending] = useActionState<ResolveState, FormData>(resolveDivergenceAction, { kind: "idle" });
  const [asking, setAsking] = useState<{ divergence: DivergenceView; choice: (typeof CHOICES)[number] } | undefined>();

  useEffect(() => {
    if (state.kind === "resolved") router.refresh();
  }, [state, router]);

  if (divergences.length === 0 && state.kind !== "resolved") return null;
  const send = (divergence: DivergenceView, resolution: Resolution) => {
    const form = new FormData();
    form.set("stackId", stackId);
    form.set("resource", divergence.resource);
    form.set("resolution", resolution);
    startTransition(() => dispatch(form));
  };

  return (
    <div className="space-y-3" data-testid="divergences" aria-busy={pending}>
      {state.kind === "resolved" ? (
        <section role="status" data-testid="resolution-result" className="rounded-lg border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-950">
          <h2 className="font-semibold">
            {state.resource}: resolved by {state.resolution}
          </h2>
          <p className="mt-1" data-testid="resolution-event">{state.event}</p>
          <p className="mt-1 flex items-center gap-2">
            Resource status now:{" "}
            {state.status.includes("_") ? <StatusBadge status={state.status} testId="resolution-status" /> : <span data-testid="resolution-status">{state.status}</span>}
            {state.eventTime ? (
              <span className="text-emerald-800">
                (<TimeText iso={state.eventTime} />)
              </span>
            ) : null}
          </p>
        </section>
      ) : null}
      {divergences.map((d) => (
        <section key={d.resource} aria-labelledby={`diverged-${d.resource}`} data-testid="divergence" data-resource-name={d.resource} className="rounded-lg border border-amber-400 bg-amber-50 p-4 text-sm text-amber-950 shadow-sm">
          <h2 id={`diverged-${d.resource}`} className="flex items-center gap-2 text-base font-semibold">
            <span aria-hidden="true">⚠</span> Diverged: resource <span className="font-mono">{d.resource}</span>
          </h2>
          <p className="mt-1" data-testid="divergence-reason">{d.reason}</p>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
            <dt className="text-amber-800">Child</dt>
            <dd className="break-all font-mono text-xs" data-testid="divergence-child">
              {d.child}
              {d.childId ? ` (${d.childId})` : ""}
            </dd>
            <dt className="text-amber-800">Region</dt>
            <dd data-testid="divergence-region">{d.region}</dd>
            <dt className="text-amber-800">Detected</dt>
            <dd>
              <TimeText iso={d.detectedAt} />
            </dd>
          </dl>
          <p className="mt-2">This stack does not overwrite the child until you choose:</p>
          <ul className="mt-2 grid gap-2 lg:grid-cols-3">
            {CHOICES.map((choice) => (
              <li key={choice.resolution} className="flex flex-col items-start gap-1">
                <button
                  type="button"
                  className={BUTTON}
                  data-testid={`resolve-${choice.resolution}`}
                  aria-disabled={pending || !access.canChange || undefined}
                  title={access.canChange ? undefined : access.reason}
                  aria-describedby={`explain-${d.resource}-${choice.resolution}`}
                  onClick={() => !pending && access.canChange && setAsking({ divergence: d, choice })}
                >
                  {choice.label}
                </button>
                <span id={`explain-${d.resource}-${choice.resolution}`} className="text-xs text-amber-900">
                  {choice.explain}
                </span>
              </li>
            ))}
          </ul>
          {state.kind === "refused" && state.resource === d.resource ? (
            <p role="alert" data-testid="resolution-error" className="mt-2 rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800">
              {state.error}
            </p>
          ) : null}
        </section>
      ))}
      <ConfirmDialog
        open={asking !== undefined}
        title={asking ? `${asking.choice.label} of ${asking.divergence.resource}?` : ""}
        confirmLabel={asking?.choice.ok ?? ""}
        onClose={() => setAsking(undefined)}
        onConfirm={() => {
          if (asking) send(asking.divergence, asking.choice.resolution);
          setAsking(undefined);
        }}
      >
        <p>{asking?.choice.confirm(asking.divergence)}</p>
      </ConfirmDialog>
    </div>
  );
}
