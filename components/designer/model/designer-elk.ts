/**
 * elkjs settings for the designer's first layout of a template that has none. The shared topology
 * input (components/graph/topology-layout.ts) asks for the layered algorithm's default thoroughness,
 * which at 500 resources costs seconds; the designer lays out once and the user moves boxes after,
 * so it trades some crossing minimisation for speed (bench/designer.ts prints both).
 */
import type { ElkNode } from "elkjs/lib/elk-api";
import type { ElkLayout } from "./auto-layout";

/** Options laid over the shared input's root options. */
const DESIGNER_ELK_OPTIONS: Record<string, string> = {
  "elk.layered.thoroughness": "1",
};

/** An ElkLayout running `layout` with the designer's options. */
export function designerLayout(layout: (graph: ElkNode) => Promise<ElkNode>): ElkLayout {
  return (graph) => layout({ ...graph, layoutOptions: { ...graph.layoutOptions, ...DESIGNER_ELK_OPTIONS } });
}
