/**
 * Output formats of the CLI, as the openstack client (cliff) prints them: `table` (boxed, left
 * aligned; a "Field | Value" table for one object), `json` (an object, or a list of objects keyed by
 * column), `value` (bare values separated by spaces), `log` for event streams and `yaml` for
 * documents (template validate).
 */
import { stringify } from "yaml";
import { UsageError } from "./args";

/** The formats a command may be asked for with -f. */
export type OutputFormat = "table" | "json" | "value" | "log" | "yaml";

/** Checks a -f value against the formats a command supports. */
export function parseFormat(value: string | undefined, allowed: readonly OutputFormat[], fallback: OutputFormat): OutputFormat {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`argument -f/--format: invalid choice: '${value}' (choose from ${allowed.map((f) => `'${f}'`).join(", ")})`);
  }
  return value as OutputFormat;
}

/** One object shown as fields (ShowOne). */
export function formatShow(columns: readonly string[], values: readonly unknown[], format: OutputFormat): string {
  if (format === "json") return json(Object.fromEntries(columns.map((c, i) => [c, values[i] ?? null])));
  if (format === "value") return values.map((v) => cell(v, "value")).join("\n");
  return table(["Field", "Value"], columns.map((c, i) => [c, cell(values[i], "table")]));
}

/** Rows shown as a list (Lister). An empty list prints nothing in table and value formats. */
export function formatList(columns: readonly string[], rows: readonly (readonly unknown[])[], format: OutputFormat): string {
  if (format === "json") return json(rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i] ?? null]))));
  if (rows.length === 0) return "";
  if (format === "value") return rows.map((row) => row.map((v) => cell(v, "value")).join(" ")).join("\n");
  return table(columns, rows.map((row) => row.map((v) => cell(v, "table"))));
}

/** JSON as cliff prints it: two-space indentation. */
function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** Text of one cell: None for missing values, YAML (table) or JSON (value) for structures. */
function cell(value: unknown, format: "table" | "value"): string {
  if (value === null || value === undefined) return "None";
  if (typeof value === "string") return format === "table" ? value.trimEnd() : value;
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return String(value);
  return format === "table" ? stringify(value).trimEnd() : JSON.stringify(value);
}

/** A boxed table; multi-line cells continue on the next lines. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const split = rows.map((row) => row.map((c) => c.split("\n")));
  const widths = headers.map((h, i) => Math.max(h.length, ...split.map((row) => Math.max(...row[i].map((line) => line.length)))));
  const border = `+${widths.map((w) => "-".repeat(w + 2)).join("+")}+`;
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  const body = split.flatMap((row) => {
    const height = Math.max(...row.map((c) => c.length));
    return Array.from({ length: height }, (_, k) => line(row.map((c) => c[k] ?? "")));
  });
  return [border, line(headers), border, ...body, border].join("\n");
}
