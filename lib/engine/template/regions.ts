/**
 * Region rules: a property whose schema says `region: "same"` must not use a resource that lives in
 * another region (a volume in RegionOne attached to a server in RegionTwo), wherever in the template
 * tree either of them is: provider templates (HOT or CFN), OS::Heat::Stack and AWS::CloudFormation::Stack
 * children and group members are followed, and conditions count (region-provenance.ts, region-conditions.ts). Checked at compile time, before anything is allocated, naming both resources,
 * both regions and the path through the templates.
 */
import { isMapping, type Path } from "../functions";
import { ConditionReader } from "./region-conditions";
import { RegionTree, type Frame, type Origin, type RegionViolation } from "./region-provenance";
import type { ResourceEntry } from "./resources";
import { report, type CompileState } from "./state";

/**
 * Reports every same-region property in the tree under this template that uses a resource in another
 * region. Runs on the root template only: a provider template compiled inside it is part of its tree.
 */
export function checkRegions(state: CompileState, entries: Map<string, ResourceEntry>, params: Map<string, unknown>): void {
  if (state.ancestry.length) return;
  const { registry, regions } = state.options;
  const tree = new RegionTree({ registry, regions, env: state.env, files: state.files });
  for (const v of tree.violations(rootFrame(state, entries, params))) {
    report(state, "error", "region.cross", message(v), v.consumer.pathOf?.(v.at) ?? v.origin.entry ?? ["resources", v.consumer.rootName]);
  }
}

/** The root template as the analysis' first frame: the compiled resources with their raw properties. */
export function rootFrame(state: CompileState, entries: Map<string, ResourceEntry>, params: Map<string, unknown>): Frame {
  const data = isMapping(state.doc.data) ? state.doc.data : {};
  const defs = isMapping(data.resources) ? data.resources : {};
  const frame: Frame = {
    prefix: "",
    templateName: state.templateName,
    region: state.options.region,
    depth: 0,
    ancestry: [],
    resources: new Map(),
    outputs: isMapping(data.outputs) ? data.outputs : {},
    params: new Map(),
    literals: params,
    conditions: new ConditionReader({ conditions: isMapping(data.conditions) ? data.conditions : {}, literals: params }),
  };
  for (const e of entries.values()) {
    const def = defs[e.name];
    frame.resources.set(e.name, {
      label: e.name,
      type: e.type,
      region: e.region,
      properties: isMapping(def) && isMapping(def.properties) ? def.properties : {},
      local: true,
      pathOf: (at: Path) => ["resources", e.name, "properties", ...at],
      rootName: e.name,
      evalFrame: frame,
    });
  }
  return frame;
}

const named = (o: Pick<Origin, "label" | "type" | "region">) => `"${o.label}" (${o.type}) in region ${o.region}`;

/** Both resources and regions, what else the property connects, and (across templates) the path. */
function message({ consumer, origin, at, partners }: RegionViolation): string {
  const joins = partners.map(named).join(" and ");
  const text =
    `Resource ${named(consumer)} cannot use ${named(origin)} for property ${at.join(".")}: they must be in the same region` +
    (joins ? `; it would connect "${origin.label}" to ${joins}` : "");
  if (consumer.local && origin.via.length === 0) return text;
  const via = origin.via.length ? ` via ${origin.via.join(", ")}` : "";
  return `${text}; ${origin.label} (${origin.region}) -> ${consumer.label} (${consumer.region})${via}`;
}
