/** Units of a relative time, largest first, with their length in seconds. */
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
  ["second", 1],
];

const FORMAT = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/**
 * How long ago (or ahead) `iso` is from `now`, in the largest whole unit: "5 minutes ago",
 * "yesterday", "now". Under 10 seconds reads "just now". Unparsable input comes back as is.
 */
export function formatRelative(iso: string, now: number): string {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return iso;
  const seconds = Math.round((time - now) / 1000);
  if (Math.abs(seconds) < 10) return "just now";
  const [unit, size] = UNITS.find(([, length]) => Math.abs(seconds) >= length)!;
  return FORMAT.format(Math.trunc(seconds / size), unit);
}
