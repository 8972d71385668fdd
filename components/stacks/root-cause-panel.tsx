import Link from "next/link";
import { StatusBadge } from "../ui/status-badge";
import { originalReason, type RootCauseStep } from "./root-cause";

/**
 * Why a stack failed: the chain from the stack through each failed resource (and the nested stacks
 * they own) to the original reason, so nobody has to open every level to find it.
 */
export function RootCausePanel({ stackName, stackReason, path }: { stackName: string; stackReason: string; path: RootCauseStep[] }) {
  return (
    <section aria-labelledby="root-cause-title" data-testid="root-cause" className="rounded-lg border border-red-300 bg-red-50 p-4">
      <h2 id="root-cause-title" className="flex items-center gap-2 text-sm font-semibold text-red-900">
        <span aria-hidden="true">✕</span> Root cause
      </h2>
      <ol className="mt-2 space-y-1.5 text-sm">
        <li data-testid="root-cause-step" data-kind="stack" className="text-slate-800">
          Stack <span className="font-medium">{stackName}</span> failed
        </li>
        {path.map((step, index) => (
          <li
            key={`${step.stackId}/${step.resource}`}
            data-testid="root-cause-step"
            data-kind="resource"
            data-resource-name={step.resource}
            style={{ paddingLeft: `${(index + 1) * 1}rem` }}
            className="flex flex-wrap items-center gap-2 text-slate-800"
          >
            <span aria-hidden="true">↳</span>
            <span>
              resource <span className="font-medium">{step.resource}</span> <span className="font-mono text-xs text-slate-600">{step.type}</span>
              {index > 0 ? <span className="text-slate-600"> in nested stack </span> : null}
              {index > 0 ? (
                <Link href={`/stacks/${step.stackId}`} className="text-sky-700 hover:underline">
                  {step.stackName}
                </Link>
              ) : null}
            </span>
            <StatusBadge status={step.status} testId="root-cause-status" />
          </li>
        ))}
      </ol>
      <p className="mt-3 break-words text-sm text-red-900" data-testid="root-cause-reason">
        <span className="font-semibold">Original reason: </span>
        {originalReason(stackReason, path) || "no reason was recorded"}
      </p>
    </section>
  );
}
