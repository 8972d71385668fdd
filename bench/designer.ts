/**
 * Designer model benchmark (the pure model the browser runs, on Node): for templates of N resources
 * in three regions (nets, subnets, servers with get_resource references, comments), prints
 *   - open: parse + derive the canvas model + elkjs auto-layout (a template with no stored layout),
 *   - reopen: parse + derive + complete a stored layout (a saved template),
 *   - keystroke: one typed character -> new model + the engine's validation (what runs after the
 *     typing debounce) and the model alone,
 *   - gesture: one canvas edit (set a region) as a text splice, plus re-derivation,
 * each the median of several runs, with the ratio to the 100 ms interaction target.
 *
 *   npx tsx bench/designer.ts
 */
import ELK from "elkjs/lib/elk.bundled.js";
import { autoLayout, completeLayout } from "../components/designer/model/auto-layout";
import { setLayout, setRegion } from "../components/designer/model/edits";
import { deriveModel } from "../components/designer/model/template-model";
import { validateTemplate } from "../components/designer/model/validate";
import { defaultRegistry } from "../lib/engine/resources";

const elk = new ELK();
const REGIONS = ["RegionOne", "RegionTwo", "RegionThree"];
const target = { registry: defaultRegistry, region: "RegionOne", regions: REGIONS };
const TARGET_MS = 100;

/** A template of about `n` resources: per group a net, a subnet and a server, spread over the regions. */
function template(n: number): string {
  const lines = ["heat_template_version: 2018-08-31", "# generated for the designer benchmark", "description: bench", "", "resources:"];
  for (let g = 0; g * 3 < n; g++) {
    const region = REGIONS[g % REGIONS.length];
    lines.push(
      `  net_${g}:   # group ${g}`,
      "    type: OS::Neutron::Net",
      `    region: ${region}`,
      `  subnet_${g}:`,
      "    type: OS::Neutron::Subnet",
      `    region: ${region}`,
      "    properties:",
      `      network: { get_resource: net_${g} }`,
      `      cidr: 10.${g % 250}.0.0/24`,
      `  server_${g}:`,
      "    type: OS::Nova::Server",
      `    region: ${region}`,
      `    depends_on: subnet_${g}`,
      "    properties:",
      "      flavor: m1.small",
      "      networks:",
      `        - network: { get_resource: net_${g} }`,
    );
  }
  return lines.join("\n") + "\n";
}

async function median(runs: number, fn: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const rows: string[][] = [];
for (const n of [50, 200, 500]) {
  const text = template(n);
  const model = deriveModel(text);
  const layout = await autoLayout(model, (g) => elk.layout(g));
  const saved = setLayout(text, layout);
  // A keystroke: one character changed in the middle of the text.
  const at = saved.indexOf("flavor: m1.small") + "flavor: m1.smal".length;
  const typed = saved.slice(0, at) + "l" + saved.slice(at);
  const open = await median(5, async () => autoLayout(deriveModel(text), (g) => elk.layout(g)));
  const reopen = await median(7, () => {
    const m = deriveModel(saved);
    return completeLayout(m, m.layout);
  });
  const keystrokeModel = await median(7, () => deriveModel(typed));
  const keystroke = await median(7, () => {
    deriveModel(typed);
    return validateTemplate(typed, target);
  });
  const gesture = await median(7, () => deriveModel(setRegion(saved, "server_0", "RegionTwo")));
  const fmt = (ms: number) => ms.toFixed(1);
  const ratio = (ms: number) => `${(ms / TARGET_MS).toFixed(2)}x`;
  rows.push([String(model.nodes.length), fmt(open), fmt(reopen), fmt(keystrokeModel), fmt(keystroke), ratio(keystroke), fmt(gesture), ratio(gesture)]);
}

const head = ["resources", "open ms (elk)", "reopen ms", "key->model ms", "key->model+validate ms", "/100ms", "gesture ms", "/100ms"];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join("  ");
console.log(line(head));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of rows) console.log(line(r));
