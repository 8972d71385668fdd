/**
 * Edge rules: drawing A -> B writes get_resource into the property of A whose schema `references`
 * B's type (a list item for lists such as networks); else get_attr into a property of A that wants
 * a value B produces (attribute-links.ts: a server's address into fixed_ip_address, a random
 * string into admin_pass, a config into user_data); else depends_on. The result is checked with the
 * engine's own validator (when it could fail: ends in different regions, or a loop): an edge that
 * would add a cross-region or cycle error is refused with the engine's message, so the canvas and
 * the CLI always agree.
 */
import type { Diagnostic } from "../../../lib/engine/diagnostics";
import type { PropertySchema, TypeRegistry } from "../../../lib/engine/resources/types";
import { findAttributeLink } from "./attribute-links";
import { appendIn, setIn } from "./yaml-text";
import { joinLayout, splitLayout } from "./layout-comment";
import { deriveModel, type EdgeKind, type ReferenceEdge } from "./template-model";

/** Where a connection would be written. */
export interface ConnectPlan {
  kind: EdgeKind;
  /** Path inside the source resource. */
  path: (string | number)[];
  /** "append": add a list item; "set": write the value at the path. */
  mode: "append" | "set";
  value: unknown;
  /** True when the schema requires both ends in one region. */
  sameRegion: boolean;
}

/** Result of a connection attempt: the new text, or why it cannot be made. */
export type ConnectResult = { ok: true; text: string; plan: ConnectPlan } | { ok: false; reason: string };

/** Validates a text the way the engine does (injected so the model stays independent of compile options). */
export type Validator = (text: string) => Diagnostic[];

/**
 * Chooses how A (of typeA) refers to B (of typeB), from A's property schemas; `isFree` says whether
 * a single-valued property of A may be written with an attribute (default: always).
 */
export function planConnection(registry: TypeRegistry, typeA: string, target: string, typeB: string, isFree: (property: string) => boolean = () => true): ConnectPlan {
  const props = registry.get(typeA)?.properties ?? {};
  const ref = { get_resource: target };
  for (const [name, s] of Object.entries(props)) {
    if (s.hidden) continue;
    if (s.references?.includes(typeB)) {
      return s.type === "list"
        ? { kind: "get_resource", path: ["properties", name], mode: "append", value: ref, sameRegion: s.region === "same" }
        : { kind: "get_resource", path: ["properties", name], mode: "set", value: ref, sameRegion: s.region === "same" };
    }
    const item = s.items?.schema ? findKey(s.items.schema, typeB) : undefined;
    if (item) {
      const sameRegion = s.region === "same" || s.items?.region === "same" || item[1].region === "same";
      return { kind: "get_resource", path: ["properties", name], mode: "append", value: { [item[0]]: ref }, sameRegion };
    }
  }
  const link = findAttributeLink(registry, typeA, typeB, isFree);
  if (link) {
    const value = { get_attr: [target, ...link.attribute] };
    const sameRegion = link.schema.region === "same";
    const path = ["properties", link.property];
    if (!link.list) return { kind: "get_attr", path, mode: "set", value, sameRegion };
    return { kind: "get_attr", path, mode: "append", value: link.itemKey ? { [link.itemKey]: value } : value, sameRegion };
  }
  return { kind: "depends_on", path: ["depends_on"], mode: "append", value: target, sameRegion: false };
}

function findKey(schema: Record<string, PropertySchema>, typeB: string): [string, PropertySchema] | undefined {
  return Object.entries(schema).find(([, s]) => !s.hidden && s.references?.includes(typeB));
}

/** Draws an edge from `source` to `target`: writes the reference, or says why it cannot. */
export function connect(text: string, source: string, target: string, registry: TypeRegistry, validate: Validator): ConnectResult {
  const model = deriveModel(text);
  if (model.error) return { ok: false, reason: `Fix the YAML first: ${model.error}` };
  const a = model.nodes.find((n) => n.name === source);
  const b = model.nodes.find((n) => n.name === target);
  if (!a || !b) return { ok: false, reason: `No resource named "${!a ? source : target}"` };
  if (source === target) return { ok: false, reason: `A resource cannot depend on itself ("${source}")` };
  if (model.edges.some((e) => e.source === source && e.target === target)) {
    return { ok: false, reason: `"${source}" already refers to "${target}"` };
  }
  const { body, layout } = splitLayout(text);
  const current = ((model.definitions[source] as { properties?: Record<string, unknown> } | null)?.properties ?? {}) as Record<string, unknown>;
  // A property the user filled is left alone; an empty placeholder may take the attribute.
  const isFree = (p: string) => current[p] === undefined || current[p] === null || current[p] === "";
  const plan = planConnection(registry, a.type, target, b.type, isFree);
  const at = ["resources", source, ...plan.path];
  const edited = plan.mode === "append" ? appendIn(body, at, plan.value) : setIn(body, at, plan.value);
  // Only an edge between regions or closing a loop can add a cross-region or cycle error; the rest
  // skip the validator (two full validations would cost far more than the edit at 200 resources).
  if (a.region === b.region && !reaches(model.edges, target, source)) return { ok: true, text: joinLayout(edited, layout), plan };
  // The engine decides: new cross-region or cycle errors refuse the edge with the engine's message.
  const before = new Set(validate(body).filter(blocking).map((d) => d.message));
  const added = validate(edited).filter((d) => blocking(d) && !before.has(d.message));
  if (added.length) return { ok: false, reason: added[0].message };
  return { ok: true, text: joinLayout(edited, layout), plan };
}

/** True when `from` already uses `to`, directly or through other resources. */
function reaches(edges: readonly ReferenceEdge[], from: string, to: string): boolean {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length) {
    const at = queue.pop()!;
    if (at === to) return true;
    for (const e of edges) if (e.source === at && !seen.has(e.target)) (seen.add(e.target), queue.push(e.target));
  }
  return false;
}

function blocking(d: Diagnostic): boolean {
  return d.severity === "error" && (d.code === "region.cross" || d.code === "dependency.cycle");
}
