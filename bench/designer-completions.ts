/**
 * The YAML pane's completion and hover cost per keystroke (they run on every key with Monaco's
 * quickSuggestions on), on the designer benchmark template of N resources: for each case the text
 * changes before every call (a new character), so nothing is served from the outline memo. Prints
 * what it answered (so a case that finds nothing shows), the median and max of the runs with the ratio to one 60 Hz frame (16 ms).
 *
 *   npx tsx bench/designer-completions.ts [--tiny] [resources...]
 */
import { hoverAt, suggestionsAt } from "../components/designer/model/completions";
import { defaultRegistry } from "../lib/engine/resources";
import { BENCH_REGIONS, benchTemplate } from "./designer-template";
import { median, positionalArgs, printTable, TINY } from "./support";

const FRAME_MS = 16;
const RUNS = TINY ? 5 : 51;
const SIZES = positionalArgs().map(Number).filter((n) => n > 0);

/** A case: the line typed at the end of the template, and whether it is a hover rather than a completion. */
const CASES: { name: string; line: string; hover?: boolean }[] = [
  { name: "type: (block)", line: "    type: OS::Ne" },
  { name: "type in flow mapping", line: "  extra: { type: OS::Ci" },
  { name: "property key", line: "      im" },
  { name: "get_attr attribute (flow)", line: "      name: { get_attr: [server_0, fi" },
  { name: "depends_on list", line: "    depends_on: [net_0, " },
  { name: "hover on a function", line: "      name: { get_resource", hover: true },
];

function measure(n: number, c: (typeof CASES)[number]): { median: number; max: number; answer: string } {
  const head = benchTemplate(n);
  const times: number[] = [];
  let answer = "";
  for (let i = 0; i < RUNS; i++) {
    const text = `${head.replace("description: bench", `description: bench ${i}`)}${c.line}`;
    const line = text.split("\n").length;
    const column = c.line.length + 1;
    const t0 = performance.now();
    const found = c.hover ? hoverAt(text, line, column - 1, defaultRegistry) : suggestionsAt(text, line, column, defaultRegistry, BENCH_REGIONS).suggestions;
    times.push(performance.now() - t0);
    answer = typeof found === "string" ? `${found.length} chars` : `${found?.length ?? 0} items`;
  }
  return { median: median(times), max: Math.max(...times), answer };
}

const rows: string[][] = [];
for (const n of SIZES.length ? SIZES : TINY ? [20] : [200, 1000]) {
  for (const c of CASES) {
    const found = measure(n, c);
    rows.push([String(n), c.name, found.answer, found.median.toFixed(3), found.max.toFixed(3), (found.median / FRAME_MS).toFixed(3)]);
  }
}
printTable(["resources", "case", "answer", "median ms", "max ms", "median/frame"], rows);
