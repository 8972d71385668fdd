/**
 * Group sizes at validation, over the whole tree of templates: a group type declares how many members
 * its properties ask for (ResourcePlugin.memberCount: a ResourceGroup's count, an AutoScalingGroup's
 * max_size or desired_capacity). Where that value is known before create (a literal, a parameter), the
 * tree's resources must stay within max_resources_per_stack, as Heat counts every nested stack's
 * resources into its root: the root template's resources, each group's members (a member that is a
 * provider template counted with its own tree), and the resources of every provider template and
 * OS::Heat::Stack / AWS::CloudFormation::Stack child template below, followed as the region checks
 * follow them (region-provenance.ts) down to max_nested_stack_depth. The group (or child template) that
 * goes over is refused at the property that sizes it, with the templates on the way, before anything
 * is allocated; the root template's parse of a provider does not check it again. A size that reads
 * other resources is left to create.
 */
import { FnCall, isMapping, type Path } from "../functions";
import { exceeds, limitMessage, TOO_MANY_RESOURCES, type EngineLimits } from "../limits";
import type { MemberCount } from "../resources/types";
import { readsResources } from "./properties";
import { RegionTree, type Frame, type ResourceNode } from "./region-provenance";
import { rootFrame } from "./regions";
import type { ResourceEntry } from "./resources";
import { report, type CompileState } from "./state";

/** Where a nested template is entered from the root template (a path there), and the templates passed on the way. */
interface Place {
  entry: Path;
  chain: string[];
}

/** The properties of a root `entry` whose values are known now, resolved; the rest left out. */
function knownProperties(state: CompileState, entry: ResourceEntry): Record<string, unknown> {
  const resolve = (snippet: unknown): unknown => state.contexts.compileCtx.resolve(snippet);
  if (entry.properties instanceof FnCall) {
    if (readsResources(entry.properties)) return {};
    const whole = resolve(entry.properties);
    return isMapping(whole) ? whole : {};
  }
  if (!isMapping(entry.properties)) return {};
  const known: Record<string, unknown> = {};
  for (const [key, snippet] of Object.entries(entry.properties)) if (!readsResources(snippet)) known[key] = resolve(snippet);
  return known;
}

/** A nested template's property value known now: a plain value, or a parameter whose value is known; else undefined. */
function knownValue(frame: Frame, raw: unknown): unknown {
  if (!isMapping(raw) || Object.keys(raw).length !== 1) return raw;
  const [fn] = Object.keys(raw);
  const name = Array.isArray(raw[fn]) ? (raw[fn] as unknown[])[0] : raw[fn];
  return (fn === "get_param" || fn === "Ref") && typeof name === "string" ? frame.literals.get(name) : undefined;
}

/** The size a group type asks for, when it is a finite number (an unresolvable or ill-typed one is reported elsewhere). */
function sizeFrom(state: CompileState, type: string, properties: () => Record<string, unknown>): MemberCount | undefined {
  const plugin = state.options.registry.get(type);
  if (!plugin?.memberCount) return undefined;
  try {
    const size = plugin.memberCount(properties());
    return size && Number.isFinite(size.members) ? { ...size, members: Math.max(size.members, 0) } : undefined;
  } catch {
    return undefined;
  }
}

/** How a child template is named in a refusal: its file, else the resource whose inline template it is. */
function stepName(node: ResourceNode, child: Frame): string {
  if (child.templateName) return child.templateName;
  if (typeof node.properties.TemplateURL === "string") return node.properties.TemplateURL;
  const raw = node.properties.template;
  return isMapping(raw) && typeof raw.get_file === "string" ? raw.get_file : `the template of resource ${node.label}`;
}

/**
 * Refuses the first group (or nested template) whose resources take the tree over max_resources_per_stack
 * (-1 is off): the root template's `defined` resources, then, in order, what each of `entries` adds below it.
 * Runs on the root template only: a provider template compiled inside it is part of its tree.
 */
export function checkGroupSizes(state: CompileState, entries: Map<string, ResourceEntry>, defined: number, params: Map<string, unknown>, limits: EngineLimits): void {
  const limit = limits.maxResourcesPerStack;
  if (limit < 0 || state.ancestry.length > 0) return;
  const { registry, regions } = state.options;
  const tree = new RegionTree({ registry, regions, env: state.env, files: state.files });
  let total = defined;
  /** Reports the refusal at `at` (a path in the template `place` leads to); true when the tree is over. */
  const over = (place: Place | undefined, at: Path): boolean => {
    if (!exceeds(total, limit)) return false;
    const message = limitMessage(TOO_MANY_RESOURCES);
    if (!place) report(state, "error", "limit.exceeded", message, at);
    else report(state, "error", "limit.exceeded", `${place.chain.join(" -> ")}: ${at.join(".")}: ${message}`, place.entry);
    return true;
  };
  /** Adds the resources of a nested template (depth levels below the root), then what each adds below; true when over. */
  const frame = (child: Frame, place: Place, depth: number): boolean => {
    total += child.resources.size;
    if (over(place, ["resources"])) return true;
    for (const [name, node] of child.resources) {
      const size = sizeFrom(state, node.type, () => Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, knownValue(child, v)])));
      if (below(node, size, place, ["resources", name, "properties"], depth)) return true;
    }
    return false;
  };
  /** Adds what `node` (of a template at `depth`) makes below it: a child template's tree, or a group's members; true when over. */
  const below = (node: ResourceNode, size: MemberCount | undefined, place: Place | undefined, at: Path, depth: number): boolean => {
    if (depth >= limits.maxNestedStackDepth) return false; // anything deeper is refused when it is made
    const child = tree.childOf(node);
    if (child) {
      const entry = place?.entry ?? [...at.slice(0, 2), ...(child.templateName ? ["type"] : ["properties", node.properties.template === undefined ? "TemplateURL" : "template"])];
      return frame(child, { entry, chain: [...(place?.chain ?? []), stepName(node, child)] }, depth + 1);
    }
    if (!size || size.members === 0) return false;
    const before = total;
    // the first member with its own tree (a provider member), then as many again for the others
    total += 1;
    const member = tree.memberOf(node);
    const memberAt = [...at, node.type === "OS::Heat::ResourceGroup" ? "resource_def" : "resource", "type"];
    if (over(place, [...at, size.property]) || (member && below(member, undefined, place ?? { entry: memberAt, chain: [] }, memberAt, depth + 1))) return true;
    total = before + size.members * (total - before);
    return over(place, [...at, size.property]);
  };
  const root = rootFrame(state, entries, params);
  for (const [name, node] of root.resources) {
    const entry = entries.get(name)!;
    if (below(node, sizeFrom(state, entry.type, () => knownProperties(state, entry)), undefined, ["resources", name, "properties"], 0)) return;
  }
}
