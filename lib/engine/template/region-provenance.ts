/**
 * Region provenance: a static analysis of a template tree that says, for every value a resource
 * uses, which resources (and so which regions) it comes from. Values known only at run time (a
 * get_resource / get_attr of a resource not created yet) flow as "a reference to resource X in region
 * R" through provider-template parameters and outputs, OS::Heat::Stack and AWS::CloudFormation::Stack
 * parameters and outputs, and the member definitions of groups, so a same-region property anywhere in
 * the tree can be checked against the regions of what it really uses. HOT and CFN templates alike (a CFN
 * child is read as its HOT translation, cfn.ts). Conditions count (region-conditions.ts): a resource
 * whose condition is false is not there, an `if` follows the branch its condition chooses. Pure and
 * fast: it reads raw template data and the files map, never the cloud.
 */
import { isMapping, type Path } from "../functions";
import type { PropertySchema, TypeRegistry } from "../resources/types";
import { isCfnData, readCfn } from "./cfn";
import { parseTemplateDocument } from "./document";
import { dirOf, isTemplateName, mapType, type Environment } from "./environment";
import { ConditionReader, IF_FUNCTIONS } from "./region-conditions";

/** Where a value comes from: a resource of the tree, and how its reference travelled. */
export interface Origin {
  /** The resource's name in the tree: `volume`, `app.yaml:server`, `servers[*]`. */
  label: string;
  type: string;
  region: string;
  /** The hops it took, in order ("parameter vol_id of resource app"); empty when used where it is defined. */
  via: string[];
  /** Where it left the root template (the property of a root resource it went through), if it did. */
  entry?: Path;
}

/** A resource of the tree, with where its property snippets are evaluated. */
export interface ResourceNode {
  label: string;
  /** The type after resource_registry mapping. */
  type: string;
  region: string;
  properties: Record<string, unknown>;
  /** True for resources written in the root template itself (not inside a nested one, not a member). */
  local: boolean;
  /** The root template's path of property `at` of this resource, when the root template holds it. */
  pathOf?(at: Path): Path;
  /** The root template's resource this one is part of (itself for a root resource). */
  rootName: string;
  /** The frame its snippets are evaluated in (a group member's: the group's). */
  evalFrame: Frame;
  /** What happens to an origin used by property `at` on its way into this resource (a member's hop). */
  enter?(origin: Origin, at: Path): Origin;
}

/** One template of the tree: its resources, parameters (as origins and as literal values) and outputs. */
export interface Frame {
  prefix: string;
  templateName?: string;
  region: string;
  depth: number;
  /** Provider template names above this frame (the cycle guard). */
  ancestry: string[];
  resources: Map<string, ResourceNode>;
  outputs: Record<string, unknown>;
  params: Map<string, Origin[]>;
  literals: Map<string, unknown>;
  /** The template's conditions over the parameter values known now. */
  conditions: ConditionReader;
}

/** What the analysis needs beyond the templates. */
export interface TreeContext {
  registry: TypeRegistry;
  env: Environment;
  files: Record<string, string>;
  regions: string[];
}

/** A same-region property of `consumer` that uses `origin`, which lives in another region. */
export interface RegionViolation {
  consumer: ResourceNode;
  origin: Origin;
  /** The property path inside the consumer's properties. */
  at: Path;
  /** Origins the consumer uses in its own region, in any same-region property (named so both ends show). */
  partners: Origin[];
}

/** The property of each group-like type holding its member definition (members live in the group's region). */
const MEMBER_DEFINITION: Record<string, string> = {
  "OS::Heat::ResourceGroup": "resource_def",
  "OS::Heat::AutoScalingGroup": "resource",
  "OS::Heat::FailoverPolicy": "resource",
};
/** Attributes of a group that are the members' reference ids; those naming a member attribute follow. */
const MEMBER_REFS = new Set(["refs", "refs_map"]);
const MEMBER_ATTRS = new Set(["attributes", "outputs", "outputs_list"]);
/** The types that run a template given inline or by file as a child stack, and their property names. */
const STACK_TYPES: Record<string, { template: string; parameters: string }> = {
  "OS::Heat::Stack": { template: "template", parameters: "parameters" },
  "AWS::CloudFormation::Stack": { template: "TemplateURL", parameters: "Parameters" },
};
const MAX_DEPTH = 12;

/** A step in an origin's journey; the first step out of the root template records where it left. */
export function hop(origin: Origin, step: string, entry?: Path): Origin {
  return { ...origin, via: [...origin.via, step], entry: origin.entry ?? entry };
}

/** The analysis of one tree: lazily built child frames and output values, memoised. */
export class RegionTree {
  private readonly children = new Map<ResourceNode, Frame | null>();
  private readonly members = new Map<ResourceNode, ResourceNode | null>();
  private readonly outputsDone = new Map<Frame, Map<string, Origin[] | "pending">>();
  /** Parsed nested templates by text: a provider used by many resources is parsed once. */
  private readonly parsed = new Map<string, unknown>();

  constructor(private readonly ctx: TreeContext) {}

  /** Every same-region violation in `frame` and below. */
  violations(frame: Frame): RegionViolation[] {
    const found: RegionViolation[] = [];
    const visit = (node: ResourceNode) => {
      found.push(...this.check(node));
      const member = this.memberOf(node);
      if (member) visit(member);
      const child = this.childOf(node);
      if (child) for (const n of child.resources.values()) visit(n);
    };
    for (const node of frame.resources.values()) visit(node);
    return found;
  }

  /** The origins of a snippet used by property `at` of `node`. */
  evaluate(node: ResourceNode, raw: unknown, at: Path): Origin[] {
    const origins = this.originsIn(node.evalFrame, raw);
    return node.enter ? origins.map((o) => node.enter!(o, at)) : origins;
  }

  private check(node: ResourceNode): RegionViolation[] {
    const schema = this.ctx.registry.get(node.type)?.properties;
    if (!schema) return [];
    const uses: { origin: Origin; at: Path }[] = [];
    for (const [prop, propSchema] of Object.entries(schema)) {
      if (!(prop in node.properties)) continue;
      for (const [value, at] of sameRegionValues(propSchema, node.properties[prop], [prop])) {
        for (const origin of this.evaluate(node, value, at)) uses.push({ origin, at });
      }
    }
    // What the resource connects in its own region, over all its properties: named so both ends show.
    const partners = uniqueByLabel(uses.map((u) => u.origin).filter((o) => o.region === node.region));
    return uses.filter((u) => u.origin.region !== node.region).map((u) => ({ consumer: node, ...u, partners }));
  }

  /**
   * Origins of a raw snippet in `frame`: references (HOT's get_resource / get_attr, CFN's Ref /
   * Fn::GetAtt), parameters (get_param, a Ref to a parameter), and the union over anything else.
   */
  private originsIn(frame: Frame, raw: unknown): Origin[] {
    if (Array.isArray(raw)) return raw.flatMap((v) => this.originsIn(frame, v));
    if (!isMapping(raw)) return [];
    const keys = Object.keys(raw);
    if (keys.length === 1) {
      const [fn] = keys;
      const arg = raw[fn];
      const param = (name: unknown) => (typeof name === "string" ? (frame.params.get(name) ?? []) : []);
      if ((fn === "get_resource" || fn === "Ref") && typeof arg === "string" && frame.resources.has(arg)) return this.referenceTo(frame.resources.get(arg), undefined);
      if ((fn === "get_attr" || fn === "Fn::GetAtt") && Array.isArray(arg) && typeof arg[0] === "string") {
        const attrs = arg.slice(1).map((a) => literalIn(frame, a, this.ctx.files));
        return this.referenceTo(frame.resources.get(arg[0]), attrs);
      }
      if (fn === "get_param") return param(Array.isArray(arg) ? arg[0] : arg);
      if (fn === "Ref") return param(arg);
      if (IF_FUNCTIONS.has(fn) && Array.isArray(arg) && arg.length === 3) {
        // the branch the condition chooses; both while the known parameters do not decide it
        const holds = frame.conditions.holds(arg[0]);
        return holds === undefined ? [...this.originsIn(frame, arg[1]), ...this.originsIn(frame, arg[2])] : this.originsIn(frame, holds ? arg[1] : arg[2]);
      }
    }
    return Object.values(raw).flatMap((v) => this.originsIn(frame, v));
  }

  /** What get_resource (attrs undefined) or get_attr of `node` yields. */
  private referenceTo(node: ResourceNode | undefined, attrs: unknown[] | undefined): Origin[] {
    if (!node) return [];
    const self: Origin[] = [{ label: node.label, type: node.type, region: node.region, via: [] }];
    const [first, second] = attrs ?? [];
    const child = this.childOf(node);
    if (child && isTemplateName(node.type)) {
      // A provider's reference id is its OS::stack_id output, when it has one; attributes are outputs.
      const output = attrs === undefined ? "OS::stack_id" : first;
      return typeof output === "string" && output in child.outputs ? this.output(node, child, output) : self;
    }
    if (child) {
      const name = outputNamed(first, second);
      if (name === null) return self;
      if (typeof name === "string") return name in child.outputs ? this.output(node, child, name) : [];
      return Object.keys(child.outputs).flatMap((o) => this.output(node, child, o));
    }
    const member = this.memberOf(node);
    if (member && typeof first === "string") {
      if (MEMBER_REFS.has(first)) return this.referenceTo(member, undefined);
      if (MEMBER_ATTRS.has(first)) return this.referenceTo(member, second === undefined ? undefined : [second]);
      if (first.startsWith("resource.")) {
        const rest = first.slice("resource.".length);
        const dot = rest.indexOf(".");
        return this.referenceTo(member, dot < 0 ? (attrs!.length > 1 ? attrs!.slice(1) : undefined) : [rest.slice(dot + 1)]);
      }
    }
    return self;
  }

  private output(node: ResourceNode, child: Frame, name: string): Origin[] {
    let done = this.outputsDone.get(child);
    if (!done) this.outputsDone.set(child, (done = new Map()));
    const known = done.get(name);
    if (known === "pending") return []; // a loop through outputs: reported as a dependency cycle elsewhere
    if (known) return known;
    done.set(name, "pending");
    const raw = isMapping(child.outputs[name]) ? (child.outputs[name] as Record<string, unknown>).value : undefined;
    const origins = this.originsIn(child, raw).map((o) => hop(o, `output ${name} of resource ${node.label}`));
    done.set(name, origins);
    return origins;
  }

  /** The nested template a provider resource or OS::Heat::Stack runs, as a frame; null when there is none to follow. */
  childOf(node: ResourceNode): Frame | null {
    if (this.children.has(node)) return this.children.get(node)!;
    this.children.set(node, null);
    const child = this.buildChild(node);
    this.children.set(node, child);
    return child;
  }

  private buildChild(node: ResourceNode): Frame | null {
    const parent = node.evalFrame;
    if (parent.depth >= MAX_DEPTH) return null;
    if (isTemplateName(node.type)) {
      if (parent.ancestry.includes(node.type)) return null;
      const text = lookup(this.ctx.files, node.type, parent.templateName);
      return this.frame(node, text === undefined ? undefined : this.parse(text), node.type, node.region, node.properties, []);
    }
    const keys = STACK_TYPES[node.type];
    if (!keys) return null;
    const template = literalIn(parent, node.properties[keys.template], this.ctx.files);
    // OS::Heat::Stack's template is the text (or data) itself; a TemplateURL names a file of the request
    const text = node.type === "AWS::CloudFormation::Stack" && typeof template === "string" ? lookup(this.ctx.files, template, parent.templateName) : template;
    const data = typeof text === "string" ? this.parse(text) : text;
    const context = node.properties.context;
    const named = isMapping(context) ? literalIn(parent, context.region_name, this.ctx.files) : undefined;
    const region = typeof named === "string" && this.ctx.regions.includes(named) ? named : node.region;
    const params = isMapping(node.properties[keys.parameters]) ? (node.properties[keys.parameters] as Record<string, unknown>) : {};
    return this.frame(node, data, undefined, region, params, [keys.parameters]);
  }

  /** A nested template's data, a CFN one as its HOT translation (sections and keys renamed, functions kept). */
  private parse(text: string): unknown {
    if (!this.parsed.has(text)) {
      const doc = parseTemplateDocument(text);
      const cfn = isMapping(doc.data) && isCfnData(doc.data) ? readCfn(doc, doc.data) : undefined;
      this.parsed.set(text, cfn && "doc" in cfn ? cfn.doc.data : doc.data);
    }
    return this.parsed.get(text);
  }

  /** A child frame for `node`: parameters evaluated in the parent, resources in the child's region. */
  private frame(node: ResourceNode, data: unknown, templateName: string | undefined, region: string, args: Record<string, unknown>, under: Path): Frame | null {
    if (!isMapping(data)) return null;
    const parent = node.evalFrame;
    const declared = isMapping(data.parameters) ? data.parameters : {};
    const literals = new Map<string, unknown>();
    const frame: Frame = {
      prefix: `${parent.prefix}${childName(node, parent, templateName)}:`,
      templateName,
      region,
      depth: parent.depth + 1,
      ancestry: templateName ? [...parent.ancestry, templateName] : parent.ancestry,
      resources: new Map(),
      outputs: isMapping(data.outputs) ? data.outputs : {},
      params: new Map(),
      literals,
      conditions: new ConditionReader({ conditions: isMapping(data.conditions) ? data.conditions : {}, literals }),
    };
    for (const [name, decl] of Object.entries(declared)) {
      const given = name in args;
      const literal = given ? literalIn(parent, args[name], this.ctx.files) : isMapping(decl) ? decl.default : undefined;
      if (literal !== undefined) frame.literals.set(name, literal);
      if (!given) continue;
      const at = [...under, name];
      frame.params.set(name, this.evaluate(node, args[name], at).map((o) => hop(o, `parameter ${name} of resource ${node.label}`, node.pathOf?.(at))));
    }
    const resources = isMapping(data.resources) ? data.resources : {};
    for (const [name, def] of Object.entries(resources)) {
      // A resource whose condition is false is not allocated; an undecided one may be, so it is checked.
      if (!isMapping(def) || typeof def.type !== "string" || frame.conditions.holds(def.condition) === false) continue;
      frame.resources.set(name, {
        label: frame.prefix + name,
        type: mapType(this.ctx.env, "", def.type),
        region: regionIn(frame, def.region, this.ctx),
        properties: isMapping(def.properties) ? def.properties : {},
        local: false,
        rootName: node.rootName,
        evalFrame: frame,
      });
    }
    return frame;
  }

  /** The member a group-like resource defines (one stands for all: they are alike), or null. */
  memberOf(group: ResourceNode): ResourceNode | null {
    if (this.members.has(group)) return this.members.get(group)!;
    const key = MEMBER_DEFINITION[group.type];
    const def = key ? group.properties[key] : undefined;
    const type = isMapping(def) ? literalIn(group.evalFrame, def.type, this.ctx.files) : undefined;
    let member: ResourceNode | null = null;
    if (isMapping(def) && typeof type === "string") {
      const inDef = (at: Path): Path => [key, "properties", ...at];
      member = {
        label: `${group.label}[*]`,
        type: mapType(this.ctx.env, "", type),
        region: group.region,
        properties: isMapping(def.properties) ? def.properties : {},
        local: false,
        rootName: group.rootName,
        evalFrame: group.evalFrame,
        pathOf: group.pathOf ? (at) => group.pathOf!(inDef(at)) : undefined,
        enter: (o, at) => hop(group.enter ? group.enter(o, inDef(at)) : o, `property ${key} of resource ${group.label}`, group.pathOf?.(inDef(at))),
      };
    }
    this.members.set(group, member);
    return member;
  }
}

/** How a child frame is named in labels: the provider's file ("app.yaml"), after its group member if it is one; else the resource. */
function childName(node: ResourceNode, parent: Frame, templateName: string | undefined): string {
  const own = node.label.slice(parent.prefix.length);
  if (!templateName) return own;
  return node.enter ? `${own}:${templateName}` : templateName; // only group members have an `enter` hop
}

/**
 * Which output of a child stack an attribute names: HOT's get_attr [stack, outputs, name] and CFN's
 * Fn::GetAtt [stack, Outputs.name]; undefined for all of them, null when the attribute is not an output.
 */
function outputNamed(first: unknown, second: unknown): string | undefined | null {
  if (typeof first === "string" && first.startsWith("Outputs.")) return first.slice("Outputs.".length);
  if (first !== "outputs") return null;
  return typeof second === "string" ? second : undefined;
}

/** The parts of a property value whose schema (or a nested item / key schema) says `region: "same"`. */
export function sameRegionValues(schema: PropertySchema, value: unknown, at: Path): [unknown, Path][] {
  if (schema.region === "same") return [[value, at]];
  if (schema.items && Array.isArray(value)) return value.flatMap((v, i) => sameRegionValues(schema.items!, v, [...at, i]));
  if (schema.schema && isMapping(value)) {
    const nested = schema.schema;
    return Object.entries(value).flatMap(([k, v]) => (nested[k] ? sameRegionValues(nested[k], v, [...at, k]) : []));
  }
  return [];
}

/** A value known before anything runs: a plain value, a parameter's known value, or a file's text. */
function literalIn(frame: Frame, raw: unknown, files: Record<string, string>): unknown {
  if (!isMapping(raw)) return raw;
  const keys = Object.keys(raw);
  if (keys.length !== 1) return raw;
  const arg = raw[keys[0]];
  if (keys[0] === "get_param") return typeof arg === "string" ? frame.literals.get(arg) : undefined;
  if (keys[0] === "get_file") return typeof arg === "string" ? lookup(files, arg, frame.templateName) : undefined;
  if (IF_FUNCTIONS.has(keys[0]) && Array.isArray(arg) && arg.length === 3) {
    const holds = frame.conditions.holds(arg[0]);
    return holds === undefined ? undefined : literalIn(frame, holds ? arg[1] : arg[2], files);
  }
  return keys[0].startsWith("get_") || keys[0].includes("::") ? undefined : raw;
}

function regionIn(frame: Frame, raw: unknown, ctx: TreeContext): string {
  const v = raw === undefined ? undefined : literalIn(frame, raw, ctx.files);
  return typeof v === "string" && ctx.regions.includes(v) ? v : frame.region;
}

/** Looks a file up as written, then relative to the directory of the template that names it. */
function lookup(files: Record<string, string>, name: string, from: string | undefined): string | undefined {
  return name in files ? files[name] : files[dirOf(from) + name];
}

function uniqueByLabel(origins: Origin[]): Origin[] {
  return [...new Map(origins.map((o) => [o.label, o])).values()];
}
