/**
 * Copy, paste and duplicate as HOT text. A copy is a plain YAML snippet (`resources:` plus the
 * copied nodes' positions in a layout comment), so it pastes into any editor; a paste takes such a
 * snippet, any HOT text with `resources:`, or a bare mapping of resources. Clashing names get a
 * free suffix (volume -> volume_2), references among the pasted resources follow their new names,
 * and pasted nodes land as a group (where asked, or beside their originals), never on top of an
 * existing node.
 */
import { stringify } from "yaml";
import { NEW_TEMPLATE } from "./edits";
import { joinLayout, splitLayout, type Layout, type Point } from "./layout-comment";
import { freeSpots } from "./placement";
import { deriveModel } from "./template-model";
import { parseYaml, setIn } from "./yaml-text";

/** How far a pasted copy lands from its original. */
const PASTE_OFFSET = 40;

type Resources = Record<string, Record<string, unknown>>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** The snippet for `names` (unknown names skipped); empty when none of them exists. */
export function copySnippet(text: string, names: readonly string[]): string {
  const { layout } = splitLayout(text);
  const all = deriveModel(text).definitions as Resources;
  const picked = names.filter((n) => isRecord(all[n]));
  if (picked.length === 0) return "";
  const resources = Object.fromEntries(picked.map((n) => [n, all[n]]));
  const nodes = Object.fromEntries(picked.filter((n) => layout.nodes[n]).map((n) => [n, layout.nodes[n]]));
  return joinLayout(stringify({ resources }, { flowCollectionPadding: true }), { nodes, regions: {} });
}

/** The resources and positions of a pasted text; throws a message saying what was expected. */
export function parseSnippet(snippet: string): { resources: Resources; layout: Layout } {
  const { body, layout } = splitLayout(snippet);
  const doc = parseYaml(body);
  if (doc.errors.length) throw new Error(`Paste: the clipboard is not YAML (${doc.errors[0].message.split("\n")[0]})`);
  const root = doc.toJS() as unknown;
  const section = isRecord(root) && "resources" in root ? root.resources : root;
  const entries = isRecord(section) ? Object.entries(section) : [];
  if (entries.length === 0 || !entries.every(([, def]) => isRecord(def) && typeof def.type === "string")) {
    throw new Error("Paste: the clipboard holds no resources (expected HOT text with `resources:` or a mapping of name: { type: ... })");
  }
  return { resources: section as Resources, layout };
}

/** A name not in `taken`: the name itself, else its base with the first free _2, _3, ... */
export function freeCopyName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const base = name.replace(/_\d+$/, "");
  for (let i = 2; ; i++) if (!taken.has(`${base}_${i}`)) return `${base}_${i}`;
}

/** A value with get_resource / get_attr names renamed by `names`. */
function renamed(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => renamed(v, names));
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === "get_resource" && typeof value.get_resource === "string") {
    return { get_resource: names.get(value.get_resource) ?? value.get_resource };
  }
  if (keys.length === 1 && keys[0] === "get_attr" && Array.isArray(value.get_attr) && typeof value.get_attr[0] === "string") {
    const [target, ...rest] = value.get_attr;
    return { get_attr: [names.get(target) ?? target, ...rest] };
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renamed(v, names)]));
}

/** A resource definition with its references and depends_on renamed. */
function renamedResource(def: Record<string, unknown>, names: ReadonlyMap<string, string>): Record<string, unknown> {
  const out = renamed(def, names) as Record<string, unknown>;
  const deps = def.depends_on;
  if (typeof deps === "string") out.depends_on = names.get(deps) ?? deps;
  else if (Array.isArray(deps)) out.depends_on = deps.map((d) => (typeof d === "string" ? (names.get(d) ?? d) : d));
  return out;
}

/** Options of pasteSnippet. */
export interface PasteOptions {
  /**
   * Where the pasted group's top-left corner lands (the middle of the visible canvas); without it,
   * copies land 40 px from their originals, and a snippet without positions below everything.
   */
  at?: Point;
}

/** Adds the snippet's resources to the template; returns the text and the names they got. */
export function pasteSnippet(text: string, snippet: string, options: PasteOptions = {}): { text: string; names: string[] } {
  const { resources, layout: from } = parseSnippet(snippet);
  const split = splitLayout(text);
  const taken = new Set(deriveModel(split.body).nodes.map((n) => n.name));
  const names = new Map<string, string>();
  for (const name of Object.keys(resources)) {
    const to = freeCopyName(name, taken);
    taken.add(to);
    names.set(name, to);
  }
  let body = split.body.trim() === "" ? NEW_TEMPLATE : split.body;
  for (const [name, def] of Object.entries(resources)) body = setIn(body, ["resources", names.get(name)!], renamedResource(def, names));
  const occupied = Object.values(split.layout.nodes);
  const start = { x: 0, y: Math.max(0, ...occupied.map((p) => p.y)) + 120 };
  const shape = [...names.keys()].map((name, i) => from.nodes[name] ?? { x: start.x + i * PASTE_OFFSET, y: start.y + i * PASTE_OFFSET });
  // At `at`: the group's top-left corner goes there. Else copies step away from their originals.
  const corner = { x: Math.min(...shape.map((p) => p.x)), y: Math.min(...shape.map((p) => p.y)) };
  const [dx, dy] = options.at ? [options.at.x - corner.x, options.at.y - corner.y] : [PASTE_OFFSET, PASTE_OFFSET];
  const spots = freeSpots(shape.map((p) => ({ x: p.x + dx, y: p.y + dy })), occupied, PASTE_OFFSET);
  const nodes = { ...split.layout.nodes };
  [...names.values()].forEach((to, i) => (nodes[to] = spots[i]));
  return { text: joinLayout(body, { ...split.layout, nodes }), names: [...names.values()] };
}

/** Duplicates resources: a copy pasted into the same template. */
export function duplicateSelection(text: string, names: readonly string[]): { text: string; names: string[] } {
  const snippet = copySnippet(text, names);
  return snippet ? pasteSnippet(text, snippet) : { text, names: [] };
}
