/**
 * Lossless YAML edits: every change is a splice of the source text at the ranges the `yaml` parser
 * reports, so comments, blank lines, key order, folded scalars and flow/block styles outside the
 * edited spot stay byte for byte as they were (re-serialising a whole Document would reflow them).
 * An edit inside one resource parses only that resource's chunk of text (resource-chunks.ts).
 */
import { Document, isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Pair } from "yaml";
import { resourceChunks } from "./resource-chunks";

/** A path into the document: map keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

/** One text replacement: `[start, end)` of the old text becomes `text`. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Names of intrinsic functions written in flow style (`{ get_resource: net }`). */
const FLOW_KEYS = /^(get_|list_|str_|map_|yaql|if$|not$|and$|or$|equals$|contains$|filter$|repeat$|digest$|resolve$)/;

/** Parses text the way the designer edits it (YAML 1.1 like Heat, duplicate keys tolerated). */
export function parseYaml(text: string): Document.Parsed {
  return parseDocument(text, { version: "1.1", uniqueKeys: false, prettyErrors: false });
}

/** Applies splices (in any order, non-overlapping) to `text`. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  let out = text;
  for (const s of [...splices].sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

/** The node at `path`, or undefined. */
export function nodeAt(doc: Document.Parsed, path: YamlPath): Node | undefined {
  let node: unknown = doc.contents;
  for (const seg of path) {
    if (isMap(node)) node = pairOf(node.items, String(seg))?.value;
    else if (isSeq(node) && typeof seg === "number") node = node.items[seg];
    else return undefined;
  }
  return (node ?? undefined) as Node | undefined;
}

/** The pair with key `key` among a map's items. */
export function pairOf(items: readonly unknown[], key: string): Pair<Node, Node | null> | undefined {
  return items.find((p): p is Pair<Node, Node | null> => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
}

/** Renders a value on one line: flow style, functions padded as HOT examples write them. */
export function inlineValue(value: unknown): string {
  const doc = new Document(value, { version: "1.1" });
  return doc.toString({ lineWidth: 0, collectionStyle: "flow", flowCollectionPadding: true }).trimEnd();
}

/** Renders `key: value` as block lines indented by `indent`, functions and scalar lists inline. */
function blockEntry(key: string, value: unknown, indent: string): string {
  const doc = new Document({ [key]: value }, { version: "1.1" });
  const flowSmall = (node: unknown): void => {
    if (isMap(node)) {
      const keys = node.items.map((p) => String(isScalar(p.key) ? p.key.value : ""));
      if (keys.length === 1 && FLOW_KEYS.test(keys[0])) node.flow = true;
      else node.items.forEach((p) => flowSmall(p.value));
    } else if (isSeq(node)) {
      if (node.items.every((i) => isScalar(i))) node.flow = true;
      else node.items.forEach(flowSmall);
    }
  };
  flowSmall(doc.contents);
  const lines = doc.toString({ lineWidth: 0, flowCollectionPadding: true, indentSeq: true }).trimEnd().split("\n");
  return lines.map((l) => indent + l).join("\n") + "\n";
}

/** True for a plain (non-array) object. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Entries as block lines one level deeper than the line holding `pos`, starting with a newline. */
function blockUnder(text: string, pos: number, entries: Record<string, unknown>): string {
  const from = lineStart(text, pos);
  const indent = /^[ \t]*/.exec(text.slice(from))![0] + "  ";
  return "\n" + Object.entries(entries).map(([k, v]) => blockEntry(k, v, indent)).join("").replace(/\n$/, "");
}

/** Offset of the start of the line holding `pos`. */
function lineStart(text: string, pos: number): number {
  return text.lastIndexOf("\n", pos - 1) + 1;
}

/** Offset just after the newline ending the line that holds `pos - 1` (text length at the end). */
export function lineEnd(text: string, pos: number): number {
  if (pos > 0 && text[pos - 1] === "\n") return pos;
  const nl = text.indexOf("\n", pos);
  return nl < 0 ? text.length : nl + 1;
}

/** Column (0-based) of `pos` within its line. */
function columnOf(text: string, pos: number): number {
  return pos - lineStart(text, pos);
}

/** End offset of a pair's content (value, else key). */
function pairEnd(pair: Pair<Node, Node | null>): number {
  return (pair.value?.range ?? pair.key.range)![1];
}

/**
 * Runs `edit` on the smallest text that holds `path`: for a path inside a resource (or a new
 * resource, `whole` false) the resource's chunk (a new one: the last), whose root mapping holds
 * just that resource; else the whole text. The chunk's result is spliced back in place.
 */
function scoped(text: string, path: YamlPath, whole: boolean, edit: (text: string, path: YamlPath) => string): string {
  if (path[0] !== "resources" || path.length < (whole ? 3 : 2)) return edit(text, path);
  const cut = resourceChunks(text);
  const name = String(path[1]);
  const chunk = cut?.chunks.find((c) => c.name === name) ?? (path.length === 2 ? cut?.chunks[cut.chunks.length - 1] : undefined);
  if (!chunk) return edit(text, path);
  return text.slice(0, chunk.start) + edit(text.slice(chunk.start, chunk.end), [name, ...path.slice(2)]) + text.slice(chunk.end);
}

/**
 * Sets the value at `path`, creating missing maps on the way. Existing values are replaced in place
 * (one line, flow style); new keys are appended to their map in its own style and indentation.
 */
export function setIn(text: string, path: YamlPath, value: unknown): string {
  return scoped(text, path, false, (t, p) => setInText(t, p, value));
}

/** setIn on the text as given. */
function setInText(text: string, path: YamlPath, value: unknown): string {
  const doc = parseYaml(text);
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  const parent = nodeAt(doc, parentPath);
  if (isSeq(parent) && typeof key === "number" && parent.items[key]) {
    const item = parent.items[key] as Node;
    return applySplices(text, [{ start: item.range![0], end: item.range![1], text: inlineValue(value) }]);
  }
  if (!isMap(parent)) {
    if (parentPath.length === 0) throw new Error(`The document is not a mapping: cannot set ${path.join(".")}`);
    return setIn(text, parentPath, { [String(key)]: value });
  }
  const pair = pairOf(parent.items, String(key));
  if (pair?.value && !(isScalar(pair.value) && pair.value.value === null && !pair.value.source)) {
    const r = pair.value.range!;
    return applySplices(text, [{ start: r[0], end: r[1], text: inlineValue(value) }]);
  }
  if (pair) {
    // `key:` with no value: write the value after the colon (a map as an indented block).
    const colon = text.indexOf(":", pair.key.range![1]);
    const written = isPlainObject(value) ? blockUnder(text, colon, value) : " " + inlineValue(value);
    return applySplices(text, [{ start: colon + 1, end: colon + 1, text: written }]);
  }
  return insertEntry(text, parent, String(key), value);
}

/** Adds a new key to a map node (block: a new line after the last entry; flow: before the brace). */
function insertEntry(text: string, map: Node & { items: unknown[]; flow?: boolean }, key: string, value: unknown): string {
  const range = map.range!;
  const pairs = map.items.filter(isPair) as Pair<Node, Node | null>[];
  if (map.flow && pairs.length === 0 && isPlainObject(value)) {
    // `key: {}` growing its first entry: turn it into a block.
    const colon = text.lastIndexOf(":", range[0]);
    return applySplices(text, [{ start: colon + 1, end: range[1], text: blockUnder(text, range[0], { [key]: value }) }]);
  }
  if (map.flow) {
    const close = text.lastIndexOf("}", range[1]);
    const entry = `${key}: ${inlineValue(value)}`;
    return applySplices(text, [{ start: close, end: close, text: pairs.length ? `, ${entry} ` : ` ${entry} ` }]);
  }
  if (pairs.length === 0) throw new Error(`Cannot add ${key}: its map has no entries to align with`);
  const indent = " ".repeat(columnOf(text, pairs[0].key.range![0]));
  let at = lineEnd(text, pairEnd(pairs[pairs.length - 1]));
  // An empty map body that ends without a newline at the end of the text.
  const prefix = at === text.length && !text.endsWith("\n") ? "\n" : "";
  if (at > text.length) at = text.length;
  return applySplices(text, [{ start: at, end: at, text: prefix + blockEntry(key, value, indent) }]);
}

/** Removes the entry at `path` (a map key or a sequence item) with its lines; no-op when absent. */
export function deleteIn(text: string, path: YamlPath): string {
  // A whole resource goes with the resources map in view (its last entry leaves `{}`).
  return scoped(text, path, true, deleteInText);
}

/** deleteIn on the text as given. */
function deleteInText(text: string, path: YamlPath): string {
  const doc = parseYaml(text);
  const parent = nodeAt(doc, path.slice(0, -1));
  const key = path[path.length - 1];
  if (isMap(parent)) {
    const pair = pairOf(parent.items, String(key));
    if (!pair) return text;
    if (parent.flow) return replaceFlow(text, parent, (n) => n.delete(String(key)));
    return removeLines(text, pair.key.range![0], pairEnd(pair), parent.items.length === 1 ? "{}" : undefined);
  }
  if (isSeq(parent) && typeof key === "number" && parent.items[key]) {
    if (parent.flow) return replaceFlow(text, parent, (n) => n.delete(key));
    const item = parent.items[key] as Node;
    return removeLines(text, item.range![0], item.range![1], parent.items.length === 1 ? "[]" : undefined);
  }
  return text;
}

/** Rewrites one flow collection after a structural change (comments inside it are rare and lost). */
function replaceFlow(text: string, node: Node, change: (n: Node & { delete(k: unknown): boolean }) => void): string {
  const copy = (node as unknown as { clone(): Node }).clone() as Node & { delete(k: unknown): boolean };
  change(copy);
  const doc = new Document(copy, { version: "1.1" });
  const rendered = doc.toString({ lineWidth: 0, flowCollectionPadding: true }).trimEnd();
  return applySplices(text, [{ start: node.range![0], end: node.range![1], text: rendered }]);
}

/**
 * Deletes the lines from `start` to `end`, plus one blank line after when that leaves two in a row;
 * `empty` ("{}" or "[]") is written after the parent key when the last entry goes.
 */
function removeLines(text: string, start: number, end: number, empty?: string): string {
  const from = lineStart(text, start);
  let to = lineEnd(text, end);
  const before = text.slice(0, from);
  const blankAfter = /^[ \t]*\n/.exec(text.slice(to));
  if (blankAfter && (before.endsWith("\n\n") || before.length === 0)) to += blankAfter[0].length;
  if (empty) {
    // The collection becomes empty: keep it explicit on its key's line.
    return before.replace(/\n$/, "") + ` ${empty}\n` + text.slice(to);
  }
  return before + text.slice(to);
}

/** Appends `value` to the list at `path`; a scalar there becomes a list; a missing list is created. */
export function appendIn(text: string, path: YamlPath, value: unknown): string {
  return scoped(text, path, true, (t, p) => appendInText(t, p, value));
}

/** appendIn on the text as given. */
function appendInText(text: string, path: YamlPath, value: unknown): string {
  const doc = parseYaml(text);
  const node = nodeAt(doc, path);
  if (node === undefined || (isScalar(node) && node.value === null)) return setIn(text, path, [value]);
  if (isScalar(node)) return setIn(text, path, [node.value, value]);
  if (!isSeq(node)) throw new Error(`${path.join(".")} is not a list`);
  if (node.flow || node.items.length === 0) {
    const current = (node.toJSON() as unknown[]) ?? [];
    return setIn(text, path, [...current, value]);
  }
  const first = node.items[0] as Node;
  const dash = text.lastIndexOf("-", first.range![0]);
  const indent = " ".repeat(columnOf(text, dash));
  const last = node.items[node.items.length - 1] as Node;
  const at = lineEnd(text, last.range![1]);
  const item = blockEntry("x", [value], "").replace(/^x:\n/, "").split("\n").filter(Boolean);
  const lines = item.map((l) => indent + l.replace(/^ {2}/, "")).join("\n") + "\n";
  return applySplices(text, [{ start: at, end: at, text: (at === text.length && !text.endsWith("\n") ? "\n" : "") + lines }]);
}
