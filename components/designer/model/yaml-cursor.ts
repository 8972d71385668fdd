/**
 * Where the cursor sits in HOT text, found by scanning lines rather than parsing, so it works on
 * the incomplete YAML of a template being typed: the key path from the root, whether a key, a value
 * or a list item is being typed (block and flow style), and a one-pass outline of the template.
 */

/** The cursor's place in the document. */
export interface CursorContext {
  /** Keys from the root to the mapping or list holding the cursor; "-" stands for a list item. */
  path: string[];
  /** "key": a mapping key is being typed; "value": the scalar value of `key`; "item": a list item. */
  slot: "key" | "value" | "item";
  /** The key whose value is being typed (slot "value"). */
  key?: string;
  /** What has been typed of the current token. */
  word: string;
  /** Keys already in the mapping that holds the cursor (slot "key"). */
  siblings: string[];
  /** The items before the cursor in the list that holds it (slot "item"). */
  items: string[];
}

/** A template's outline: its version, resource names with their types, parameter names. */
export interface Outline {
  version?: string;
  resources: Map<string, string | undefined>;
  parameters: string[];
}

/** One line split into indentation, list dashes, key and the text after the key's colon. */
interface LineInfo {
  dashCols: number[];
  /** Column (0-based) where the content after the dashes starts. */
  keyCol: number;
  key?: string;
  rest: string;
}

const LINE = /^(\s*)((?:-(?:\s+|$))*)(.*)$/;
const KEY = /^(["']?)([^"'#:{}[\],\s][^"'#:{}[\],]*?)\1\s*:(?:\s+(.*)|$)/;

/** Splits a line; undefined for blank and comment-only lines. */
function lineInfo(text: string): LineInfo | undefined {
  const m = LINE.exec(text)!;
  const content = m[3];
  if (content.trim() === "" && m[2] === "") return undefined;
  if (content.startsWith("#")) return undefined;
  const dashCols: number[] = [];
  for (let i = 0; i < m[2].length; i++) if (m[2][i] === "-") dashCols.push(m[1].length + i);
  const key = KEY.exec(content);
  return { dashCols, keyCol: m[1].length + m[2].length, key: key?.[2].trim(), rest: key ? (key[3] ?? "") : content };
}

/** The keys of the block mappings and lists enclosing a line's content at column `col`, root first. */
function ancestry(lines: readonly string[], index: number, col: number): string[] {
  const path: string[] = [];
  let limit = col;
  for (let i = index - 1; i >= 0 && limit > 0; i--) {
    const info = lineInfo(lines[i]);
    if (!info) continue;
    if (info.keyCol < limit && info.key !== undefined) {
      path.push(info.key);
      limit = info.keyCol;
    } else if (info.keyCol < limit) continue;
    for (let d = info.dashCols.length - 1; d >= 0; d--) {
      if (info.dashCols[d] < limit) {
        path.push("-");
        limit = info.dashCols[d];
      }
    }
  }
  return path.reverse();
}

/** Keys at column `col` of the block mapping around line `index` (excluding that line). */
function blockSiblings(lines: readonly string[], index: number, col: number): string[] {
  const keys: string[] = [];
  const scan = (from: number, step: 1 | -1) => {
    for (let i = from; i >= 0 && i < lines.length; i += step) {
      const info = lineInfo(lines[i]);
      if (!info) continue;
      const startsItem = info.dashCols.some((d) => d < col);
      if (info.keyCol < col || (step === 1 && startsItem)) return;
      if (info.keyCol === col && info.key !== undefined) keys.push(info.key);
      if (startsItem) return;
    }
  };
  scan(index - 1, -1);
  scan(index + 1, 1);
  return keys;
}

/** Scalar items above line `index` of the block list whose dashes are at column `col`. */
function blockItemsAbove(lines: readonly string[], index: number, col: number): string[] {
  const items: string[] = [];
  for (let i = index - 1; i >= 0; i--) {
    const info = lineInfo(lines[i]);
    if (!info) continue;
    if (info.dashCols[0] === col) items.unshift(unquote(info.rest.trim()));
    else if (info.keyCol <= col) break;
  }
  return items;
}

const unquote = (s: string) => s.replace(/^["']|["']$/g, "");

/** An open flow collection on the cursor's line. */
interface Frame {
  kind: "{" | "[";
  /** The path segment this collection adds: its key, or "-" inside a list. */
  owner: string;
  keys: string[];
  items: string[];
  /** The key whose value is being typed, in a mapping. */
  key?: string;
  token: string;
}

/** Follows flow collections through `text` (a value after `owner:`); undefined when it has none. */
function flowFrames(text: string, owner: string): Frame[] | undefined {
  const frames: Frame[] = [];
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const top = frames[frames.length - 1];
    if (quote) {
      if (ch === quote) quote = undefined;
      if (top) top.token += ch;
      continue;
    }
    if (!top) {
      if (ch === "{" || ch === "[") frames.push({ kind: ch, owner, keys: [], items: [], token: "" });
      else if (ch === "#" && /\s/.test(text[i - 1] ?? " ")) return frames;
      else if (ch.trim() !== "") return undefined;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      top.token += ch;
    } else if (ch === "{" || ch === "[") {
      frames.push({ kind: ch, owner: top.kind === "{" ? (top.key ?? "") : "-", keys: [], items: [], token: "" });
    } else if (ch === "}" || ch === "]") {
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) parent.token = "";
    } else if (ch === ",") {
      if (top.kind === "[") top.items.push(unquote(top.token.trim()));
      top.key = undefined;
      top.token = "";
    } else if (ch === ":" && top.kind === "{" && top.key === undefined && /[\s,{}[\]]|^$/.test(text[i + 1] ?? "")) {
      top.key = unquote(top.token.trim());
      top.keys.push(top.key);
      top.token = "";
    } else top.token += ch;
  }
  return frames;
}

/** Keys at the top level of the flow mapping continuing in `after` (the text right of the cursor). */
function keysAfter(after: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let token = "";
  for (const ch of after) {
    if (ch === "{" || ch === "[") depth++;
    else if (ch === "}" || ch === "]") {
      if (--depth < 0) break;
    } else if (depth === 0 && ch === ":") keys.push(unquote(token.trim()));
    else if (depth === 0 && ch === ",") token = "";
    else if (depth === 0) token += ch;
    if (ch === ":" || ch === ",") token = "";
  }
  return keys;
}

/** The context at a 1-based line and column; undefined inside a comment. */
export function cursorAt(text: string, line: number, column: number): CursorContext | undefined {
  const lines = text.split("\n");
  const full = lines[line - 1] ?? "";
  const before = full.slice(0, column - 1);
  const m = LINE.exec(before)!;
  const content = m[3];
  if (/(^|\s)#/.test(content)) return undefined;
  const dashCols = [...m[2]].flatMap((c, i) => (c === "-" ? [m[1].length + i] : []));
  const col = m[1].length + m[2].length;
  const base = dashCols.length ? [...ancestry(lines, line - 1, dashCols[0]), ...dashCols.map(() => "-")] : ancestry(lines, line - 1, col);
  const key = KEY.exec(content);
  if (!key) {
    if (dashCols.length && !/[{[]/.test(content)) {
      const last = dashCols[dashCols.length - 1];
      return { path: base.slice(0, -1), slot: "item", word: unquote(content.trim()), siblings: [], items: blockItemsAbove(lines, line - 1, last) };
    }
    return { path: base, slot: "key", word: content.trim(), siblings: blockSiblings(lines, line - 1, col), items: [] };
  }
  const owner = key[2].trim();
  const rest = key[3] ?? "";
  const frames = flowFrames(rest, owner);
  const path = [...base, owner];
  if (!frames || frames.length === 0) return { path: base, slot: "value", key: owner, word: unquote(rest.trim()), siblings: [], items: [] };
  path.push(...frames.slice(1).map((f) => f.owner));
  const top = frames[frames.length - 1];
  const word = unquote(top.token.trim());
  if (top.kind === "[") return { path, slot: "item", word, siblings: [], items: top.items };
  if (top.key !== undefined) return { path, slot: "value", key: top.key, word, siblings: [], items: [] };
  return { path, slot: "key", word, siblings: [...top.keys, ...keysAfter(full.slice(column - 1))], items: [] };
}

let memo: { text: string; outline: Outline } | undefined;

/** The template's outline from one pass over its lines (the last answer is reused for the same text). */
export function outlineOf(text: string): Outline {
  if (memo?.text === text) return memo.outline;
  const outline: Outline = { resources: new Map(), parameters: [] };
  let section = "";
  let childCol = -1;
  let bodyCol = -1;
  let current: string | undefined;
  for (const raw of text.split("\n")) {
    const info = lineInfo(raw);
    if (!info) continue;
    if (info.keyCol === 0) {
      section = info.key ?? "";
      childCol = bodyCol = -1;
      current = undefined;
      if (section === "heat_template_version") outline.version = unquote(info.rest.trim());
      continue;
    }
    if (childCol < 0) childCol = info.keyCol;
    if (info.keyCol === childCol && info.key !== undefined && info.dashCols.length === 0) {
      if (section === "parameters") outline.parameters.push(info.key);
      if (section !== "resources") continue;
      current = info.key;
      bodyCol = -1;
      outline.resources.set(current, /\btype\s*:\s*["']?([^"'\s,}#]+)/.exec(info.rest)?.[1]);
      continue;
    }
    if (section !== "resources" || current === undefined || info.keyCol <= childCol) continue;
    if (bodyCol < 0) bodyCol = info.keyCol;
    if (info.keyCol === bodyCol && info.key === "type" && info.dashCols.length === 0) {
      outline.resources.set(current, /^["']?([^"'\s#]+)/.exec(info.rest.trim())?.[1]);
    }
  }
  memo = { text, outline };
  return outline;
}
