import type { StreamState } from "./use-stack-events";

/** Text (with a dot) for each state of the event stream. */
const LABELS: Record<StreamState, { text: string; dot: string }> = {
  connecting: { text: "Connecting…", dot: "bg-slate-400" },
  live: { text: "Live", dot: "bg-emerald-500" },
  reconnecting: { text: "Reconnecting…", dot: "bg-amber-500" },
};

/** Says whether events are streaming in (polite live region, so changes are announced). */
export function StreamIndicator({ state }: { state: StreamState }) {
  const { text, dot } = LABELS[state];
  return (
    <span role="status" data-testid="stream-state" data-state={state} className="inline-flex items-center gap-1.5 text-xs text-slate-600">
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${dot}`} />
      {text}
    </span>
  );
}
