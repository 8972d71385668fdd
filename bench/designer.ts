/**
 * Designer model benchmark (the pure model the browser runs, on Node): for templates of N resources
 * in three regions (nets, subnets, servers with get_resource references, comments), prints
 *   - open: first parse + canvas model of a template never seen (cold caches), with a stored layout;
 *   - open (elk): the same without a stored layout, so elkjs lays it out, with the shared
 *     topology options and with the designer's (model/designer-elk.ts);
 *   - keystroke -> canvas: one typed character -> new model, completed layout and React Flow nodes
 *     and edges (what the canvas renders; the previous keystroke's parses are remembered);
 *   - gesture -> YAML: a drop on the canvas (addResource at a position) -> the new template text,
 *     and -> text + the canvas model for it;
 *   - validation: the engine's validator on the new text (runs in a Web Worker, off the key path);
 * each the median of several runs, with the ratio to the 100 ms interaction target.
 *
 *   npx tsx bench/designer.ts [--tiny]
 */
import ELK from "elkjs/lib/elk.bundled.js";
import { autoLayout, completeLayout } from "../components/designer/model/auto-layout";
import { designerLayout } from "../components/designer/model/designer-elk";
import { addResource, setLayout } from "../components/designer/model/edits";
import { flowEdges, flowNodes } from "../components/designer/model/flow-elements";
import { deriveModel } from "../components/designer/model/template-model";
import { validateTemplate } from "../components/designer/model/validate";
import { defaultRegistry } from "../lib/engine/resources";
import { BENCH_REGIONS as REGIONS, benchTemplate } from "./designer-template";
import { medianMs as median, printTable, ratio as ratioTo, TINY } from "./support";

const elk = new ELK();
const target = { registry: defaultRegistry, region: "RegionOne", regions: REGIONS };
const TARGET_MS = 100;

/** What the canvas renders for a text: model, completed layout, React Flow nodes and edges. */
function canvasFor(text: string) {
  const model = deriveModel(text);
  const layout = completeLayout(model, model.layout);
  return { model, layout, nodes: flowNodes(model, layout), edges: flowEdges(model) };
}

let salt = 0;
const rows: string[][] = [];
for (const n of TINY ? [20] : [50, 200, 500]) {
  const text = benchTemplate(n);
  const model = deriveModel(text);
  const layout = await autoLayout(model, (g) => elk.layout(g));
  const saved = setLayout(text, layout);
  const open = await median(5, () => canvasFor(setLayout(benchTemplate(n, `s${salt++}`), layout)));
  const openElk = await median(3, async () => autoLayout(deriveModel(benchTemplate(n, `s${salt++}`)), (g) => elk.layout(g)));
  const openDesignerElk = await median(3, async () => autoLayout(deriveModel(benchTemplate(n, `s${salt++}`)), designerLayout((g) => elk.layout(g))));
  // Keystrokes: one more character each time in a server's flavor, as a user types.
  const at = saved.indexOf("flavor: m1.small") + "flavor: m1.small".length;
  canvasFor(saved);
  const keystroke = await median(15, (i) => canvasFor(saved.slice(0, at) + "x".repeat(i + 1) + saved.slice(at)));
  // A drop: the text the editor receives, then the canvas model of it.
  const drop = (i: number) => addResource(setLayout(saved, layout), "OS::Cinder::Volume", defaultRegistry, { name: `dropped_${i}`, position: { x: 40, y: 40 } }).text;
  const gestureText = await median(9, drop);
  const gestureBoth = await median(9, (i) => canvasFor(drop(100 + i)));
  const validation = await median(5, () => validateTemplate(saved, target));
  const fmt = (ms: number) => ms.toFixed(1);
  const ratio = (ms: number) => ratioTo(ms, TARGET_MS);
  rows.push([
    String(model.nodes.length),
    fmt(open),
    fmt(openElk),
    fmt(openDesignerElk),
    fmt(keystroke),
    ratio(keystroke),
    fmt(gestureText),
    ratio(gestureText),
    fmt(gestureBoth),
    ratio(gestureBoth),
    fmt(validation),
    ratio(validation),
  ]);
}

const head = ["resources", "open ms", "open (elk) ms", "open (designer elk) ms", "key->canvas ms", "/100 ms", "drop->YAML ms", "/100 ms", "drop->YAML+canvas ms", "/100 ms", "validation (async) ms", "/100 ms"];
printTable(head, rows);
