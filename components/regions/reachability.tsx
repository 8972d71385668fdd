import type { RegionView } from "@/lib/services/regions-view";

/** Colour classes per state; the icon and the text carry the meaning too. */
const TONES = {
  up: "bg-emerald-50 text-emerald-800 ring-emerald-600/30",
  down: "bg-red-50 text-red-800 ring-red-600/30",
} as const;

/** A check mark (up) or a cross (down). */
function Icon({ up }: { up: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 shrink-0" fill="none" stroke="currentColor" strokeWidth="2">
      <circle cx="8" cy="8" r="6.5" />
      {up ? <path d="m5 8.2 2 2 4-4.4" strokeLinecap="round" strokeLinejoin="round" /> : <path d="m5.5 5.5 5 5m0-5-5 5" strokeLinecap="round" />}
    </svg>
  );
}

/** Whether a region answered: reachable, unreachable with the reason, or served by this process (embedded). */
export function Reachability({ reachability }: { reachability: RegionView["reachability"] }) {
  const up = reachability.state === "reachable" || (reachability.state === "in-process" && reachability.available);
  const label = reachability.state === "reachable" ? "reachable" : reachability.state === "unreachable" ? "unreachable" : up ? "available" : "offline";
  return (
    <span className="flex flex-col gap-1">
      <span
        data-testid="reachability"
        data-state={label}
        className={`inline-flex w-fit items-center gap-1.5 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[up ? "up" : "down"]}`}
      >
        <Icon up={up} />
        {label}
      </span>
      {reachability.state === "unreachable" ? (
        <span data-testid="unreachable-reason" className="text-xs text-red-800">
          {reachability.reason}
        </span>
      ) : null}
      {reachability.state === "in-process" ? <span className="text-xs text-slate-600">{up ? "served by this process" : "offline (fault injected)"}</span> : null}
    </span>
  );
}

/** The probe's round trip, or a dash when there is none (unreachable, or served in-process). */
export function Latency({ reachability }: { reachability: RegionView["reachability"] }) {
  if (reachability.state !== "reachable") return <span data-testid="latency" className="text-slate-500">—</span>;
  return (
    <span data-testid="latency" data-ms={reachability.latencyMs} className="tabular-nums">
      {reachability.latencyMs < 10 ? reachability.latencyMs.toFixed(1) : Math.round(reachability.latencyMs)} ms
    </span>
  );
}
