import { statusTone, type StatusTone } from "./status";

/** Colour classes per tone; the icon shape and the text carry the meaning too. */
const TONE_CLASSES: Record<StatusTone, string> = {
  complete: "bg-emerald-50 text-emerald-800 ring-emerald-600/30",
  failed: "bg-red-50 text-red-800 ring-red-600/30",
  progress: "bg-sky-50 text-sky-800 ring-sky-600/30",
  neutral: "bg-slate-100 text-slate-700 ring-slate-500/30",
};

/** One icon per tone: check, cross, spinning arc, dot. */
function StatusIcon({ tone }: { tone: StatusTone }) {
  const common = { "aria-hidden": true, viewBox: "0 0 16 16", className: "h-3.5 w-3.5 shrink-0" } as const;
  switch (tone) {
    case "complete":
      return (
        <svg {...common} fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="8" cy="8" r="6.5" />
          <path d="m5 8.2 2 2 4-4.4" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      );
    case "failed":
      return (
        <svg {...common} fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="8" cy="8" r="6.5" />
          <path d="m5.5 5.5 5 5m0-5-5 5" strokeLinecap="round" />
        </svg>
      );
    case "progress":
      return (
        <svg {...common} className={`${common.className} animate-spin motion-reduce:animate-none`} fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="8" cy="8" r="6.5" strokeOpacity="0.3" />
          <path d="M14.5 8A6.5 6.5 0 0 0 8 1.5" strokeLinecap="round" />
        </svg>
      );
    case "neutral":
      return (
        <svg {...common} fill="currentColor">
          <circle cx="8" cy="8" r="3.5" />
        </svg>
      );
  }
}

/** A Heat status (e.g. CREATE_IN_PROGRESS) shown with an icon and its text, never by colour alone. */
export function StatusBadge({ status, testId = "status" }: { status: string; testId?: string }) {
  const tone = statusTone(status);
  return (
    <span
      data-testid={testId}
      data-status={status}
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE_CLASSES[tone]}`}
    >
      <StatusIcon tone={tone} />
      {status || "UNKNOWN"}
    </span>
  );
}
