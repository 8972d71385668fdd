/**
 * What every benchmark shares: the statistics (median, percentile, timed medians), the one table
 * printer (Markdown, so a run pastes into an issue as it is), and the `--tiny` switch each bench
 * honours so that test/bench/benches.test.ts can run it inside `npm test` in seconds.
 */

/** True when the bench was started with --tiny (a few runs of the smallest sizes: does it still run?). */
export const TINY = process.argv.includes("--tiny");

/** The bench's arguments without the flags (words starting with --) and their values. */
export function positionalArgs(valueFlags: readonly string[] = []): string[] {
  const args = process.argv.slice(2);
  return args.filter((arg, i) => !arg.startsWith("--") && !valueFlags.includes(args[i - 1] ?? ""));
}

/** The value after `--name` (or in `--name=value`), else undefined. */
export function flagValue(name: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.indexOf(`--${name}`);
  if (at >= 0) return args[at + 1];
  return args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

/** A number flag (>= 0), or its default; anything else stops the bench with the flag named. */
export function numberFlag(name: string, fallback: number): number {
  const text = flagValue(name);
  const n = text === undefined ? fallback : Number(text);
  if (!Number.isFinite(n) || n < 0) throw new Error(`bench: --${name} must be a number >= 0, not "${text}"`);
  return n;
}

/** The middle value (the upper one of the two middles for an even count). */
export function median(values: readonly number[]): number {
  return sortedOf(values)[Math.floor(values.length / 2)];
}

/** The p-th percentile by nearest rank (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = sortedOf(values);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** A sorted copy; refuses no values (a bench that measured nothing must say so, not print NaN). */
function sortedOf(values: readonly number[]): number[] {
  if (values.length === 0) throw new Error("bench: no measurements to summarise");
  return [...values].sort((a, b) => a - b);
}

/** Wall milliseconds of each of `runs` calls of `fn(i)`, one after another. */
export async function timings(runs: number, fn: (i: number) => unknown): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  return times;
}

/** The median wall milliseconds of `runs` calls of `fn(i)`. */
export async function medianMs(runs: number, fn: (i: number) => unknown): Promise<number> {
  return median(await timings(runs, fn));
}

/** A table cell: text, or a number printed as it is. */
export type Cell = string | number;

/** True for a cell that reads as a number (right-aligned). */
const numeric = (cell: string) => /^[-+]?[\d.,]+(\s?(ms|s|MB|x|%))?$|^[\d.]+x$/.test(cell.trim());

/**
 * Prints a Markdown table: an optional title line, the header, and the rows; numbers are right-aligned,
 * text left-aligned, every column as wide as its widest cell.
 */
export function printTable(head: readonly string[], rows: readonly (readonly Cell[])[], title?: string): void {
  const cells = rows.map((row) => row.map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i]?.length ?? 0)));
  const line = (row: readonly string[]) => `| ${row.map((cell, i) => (numeric(cell) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(" | ")} |`;
  if (title) console.log(title);
  console.log(line(head));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of cells) console.log(line(row));
}

/** Milliseconds with one decimal below 100, none above. */
export function ms(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

/** `value / target` as a ratio cell ("0.42x"). */
export function ratio(value: number, target: number): string {
  return `${(value / target).toFixed(2)}x`;
}
