/**
 * Canvas gesture benchmark (the designer's pure model on Node), for templates of N resources:
 *   - connect: an edge drawn between two resources -> the new text, with the engine's validator run
 *     before and after (as the browser does, to refuse cross-region edges and cycles);
 *   - copy 10: ten resources -> the HOT snippet put on the clipboard;
 *   - paste 10: that snippet -> the new text (renames, references, free spots);
 *   - remove box: a region box deleted, its resources moved to the default region;
 *   - edges: the canvas model (chunk parses remembered) and its React Flow edges with get_attr labels;
 * each the median of several runs, with the ratio to the 100 ms interaction target.
 *
 *   npx tsx bench/designer-canvas.ts [--tiny]
 */
import ELK from "elkjs/lib/elk.bundled.js";
import { autoLayout } from "../components/designer/model/auto-layout";
import { copySnippet, pasteSnippet } from "../components/designer/model/clipboard";
import { connect } from "../components/designer/model/connect";
import { setLayout } from "../components/designer/model/edits";
import { flowEdges } from "../components/designer/model/flow-elements";
import { removeRegionBox } from "../components/designer/model/region-boxes";
import { deriveModel } from "../components/designer/model/template-model";
import { validateTemplate } from "../components/designer/model/validate";
import { defaultRegistry } from "../lib/engine/resources";
import { BENCH_REGIONS as REGIONS, benchTemplate } from "./designer-template";
import { medianMs as median, printTable, ratio as ratioTo, TINY } from "./support";

const elk = new ELK();
const target = { registry: defaultRegistry, region: "RegionOne", regions: REGIONS };
const TARGET_MS = 100;

const fmt = (ms: number) => ms.toFixed(1);
const ratio = (ms: number) => ratioTo(ms, TARGET_MS);

const rows: string[][] = [];
for (const n of TINY ? [20] : [50, 200, 500]) {
  const plain = benchTemplate(n);
  const text = setLayout(plain, await autoLayout(deriveModel(plain), (g) => elk.layout(g)));
  const ten = deriveModel(text).nodes.slice(0, 10).map((r) => r.name);
  const snippet = copySnippet(text, ten);
  // server_1 -> net_4 (same region): a new networks item with that net.
  const connectMs = await median(5, () => connect(text, "server_1", "net_4", defaultRegistry, (t) => validateTemplate(t, target)));
  const copyMs = await median(5, () => copySnippet(text, ten));
  const pasteMs = await median(5, () => pasteSnippet(text, snippet));
  const removeMs = await median(5, () => removeRegionBox(text, "RegionTwo"));
  const edgesMs = await median(5, () => flowEdges(deriveModel(text)));
  rows.push([String(deriveModel(text).nodes.length), fmt(connectMs), ratio(connectMs), fmt(copyMs), fmt(pasteMs), ratio(pasteMs), fmt(removeMs), ratio(removeMs), fmt(edgesMs)]);
}

const head = ["resources", "connect ms", "/100 ms", "copy 10 ms", "paste 10 ms", "/100 ms", "remove box ms", "/100 ms", "edges ms"];
printTable(head, rows);
