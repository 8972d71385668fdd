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
  /**
   * The `type` written beside the innermost `properties` key of the path, when there is one (a
   * resource's own type, or a nested definition's such as ResourceGroup's resource_def).
   */
  propertiesType?: string;
}

/** A template's outline: its version, resource names with their types, parameter and condition names. */
export interface Outline {
  version?: string;
  resources: Map<string, string | undefined>;
  parameters: string[];
  conditions: string[];
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

/** One key of a path and where it is written: a block line and column, or an open flow mapping. */
interface Segment {
  key: string;
  at?: { index: number; col: number } | Frame;
}

/** The keys of the block mappings and lists enclosing a line's content at column `col`, root first. */
function ancestry(lines: readonly string[], index: number, col: number): Segment[] {
  const path: Segment[] = [];
  let limit = col;
  for (let i = index - 1; i >= 0 && limit > 0; i--) {
    const info = lineInfo(lines[i]);
    if (!info) continue;
    if (info.keyCol < limit && info.key !== undefined) {
      path.push({ key: info.key, at: { index: i, col: info.keyCol } });
      limit = info.keyCol;
    } else if (info.keyCol < limit) continue;
    for (let d = info.dashCols.length - 1; d >= 0; d--) {
      if (info.dashCols[d] < limit) {
        path.push({ key: "-" });
        limit = info.dashCols[d];
      }
    }
  }
  return path.reverse();
}

/** Keys at column `col` of the block mapping around line `index` (excluding that line), with the text after each colon. */
function blockEntries(lines: readonly string[], index: number, col: number): Map<string, string> {
  const keys = new Map<string, string>();
  const scan = (from: number, step: 1 | -1) => {
    for (let i = from; i >= 0 && i < lines.length; i += step) {
      const info = lineInfo(lines[i]);
      if (!info) continue;
      const startsItem = info.dashCols.some((d) => d < col);
      if (info.keyCol < col || (step === 1 && startsItem)) return;
      if (info.keyCol === col && info.key !== undefined) keys.set(info.key, info.rest);
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
  /** The value written for `type` in this mapping, once complete. */
  type?: string;
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
      if (top.key === "type") top.type = unquote(top.token.trim());
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
  const base: Segment[] = dashCols.length ? [...ancestry(lines, line - 1, dashCols[0]), ...dashCols.map(() => ({ key: "-" }))] : ancestry(lines, line - 1, col);
  const key = KEY.exec(content);
  const done = (segments: Segment[], rest: Omit<CursorContext, "path" | "propertiesType">): CursorContext => ({
    path: segments.map((g) => g.key),
    ...rest,
    ...propertiesTypeOf(lines, segments),
  });
  if (!key) {
    if (dashCols.length && !/[{[]/.test(content)) {
      const last = dashCols[dashCols.length - 1];
      return done(base.slice(0, -1), { slot: "item", word: unquote(content.trim()), siblings: [], items: blockItemsAbove(lines, line - 1, last) });
    }
    return done(base, { slot: "key", word: content.trim(), siblings: [...blockEntries(lines, line - 1, col).keys()], items: [] });
  }
  const owner = key[2].trim();
  const rest = key[3] ?? "";
  const frames = flowFrames(rest, owner);
  if (!frames || frames.length === 0) return done(base, { slot: "value", key: owner, word: unquote(rest.trim()), siblings: [], items: [] });
  const path: Segment[] = [...base, { key: owner, at: { index: line - 1, col } }, ...frames.slice(1).map((f, i) => ({ key: f.owner, at: frames[i] }))];
  const top = frames[frames.length - 1];
  const word = unquote(top.token.trim());
  if (top.kind === "[") return done(path, { slot: "item", word, siblings: [], items: top.items });
  if (top.key !== undefined) return done(path, { slot: "value", key: top.key, word, siblings: [], items: [] });
  return done(path, { slot: "key", word, siblings: [...top.keys, ...keysAfter(full.slice(column - 1))], items: [] });
}

/** The `type` beside the innermost `properties` segment: a block sibling line or the flow mapping's own. */
function propertiesTypeOf(lines: readonly string[], segments: readonly Segment[]): { propertiesType?: string } {
  let i = segments.length - 1;
  while (i >= 0 && segments[i].key !== "properties") i--;
  const at = segments[i]?.at;
  if (!at) return {};
  const type = "kind" in at ? at.type : blockEntries(lines, at.index, at.col).get("type")?.replace(/\s+#.*$/, "").trim();
  return type ? { propertiesType: unquote(type) } : {};
}

let memo: { text: string; outline: Outline } | undefined;

/** The template's outline from one pass over its lines (the last answer is reused for the same text). */
export function outlineOf(text: string): Outline {
  if (memo?.text === text) return memo.outline;
  const outline: Outline = { resources: new Map(), parameters: [], conditions: [] };
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
      if (section === "conditions") outline.conditions.push(info.key);
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
