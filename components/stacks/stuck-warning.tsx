import { formatDuration } from "./gantt";
import type { StuckResource } from "./stuck";

/** Warns that an operation takes longer than expected and names what it is waiting for. */
export function StuckWarning({ stuck }: { stuck: StuckResource[] }) {
  if (stuck.length === 0) return null;
  return (
    <section role="status" data-testid="stuck-warning" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <h2 className="flex items-center gap-2 font-semibold">
        <span aria-hidden="true">⚠</span> Taking longer than expected
      </h2>
      <p className="mt-1">Still waiting for:</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-6">
        {stuck.map((s) => (
          <li key={s.resource} data-testid="stuck-resource" data-resource-name={s.resource}>
            <span className="font-medium">{s.resource}</span> <span className="font-mono text-xs">{s.type}</span>: {s.action.toLowerCase()} in progress for{" "}
            {formatDuration(s.elapsedMs)} (usually under {formatDuration(s.expectedMs)})
          </li>
        ))}
      </ul>
    </section>
  );
}
