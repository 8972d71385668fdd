import { formatTime } from "./format-time";

/** A timestamp in a <time> element (machine-readable dateTime, readable UTC text). */
export function TimeText({ iso }: { iso: string | null | undefined }) {
  if (!iso) return <span className="text-slate-400">—</span>;
  return <time dateTime={iso}>{formatTime(iso)}</time>;
}
