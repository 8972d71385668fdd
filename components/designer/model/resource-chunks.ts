/**
 * The `resources:` section of a template cut into one text chunk per resource, found by a line scan
 * (no YAML parse): a keystroke changes one chunk, so the designer re-parses just that one and keeps
 * the parses of the others (see template-model.ts), and a gesture on one resource edits just its
 * chunk (see yaml-text.ts). Only plain block-style templates are cut; anything the scan cannot be
 * sure about (anchors, tabs, several documents, `resources` in flow style...) returns undefined and
 * the callers parse the whole text as before.
 */

/** One resource's lines: from its key line up to the next resource (trailing comments included). */
export interface ResourceChunk {
  name: string;
  /** Offsets of the chunk in the body: `[start, end)`. */
  start: number;
  end: number;
}

/** The resources section of a body, cut into chunks. */
export interface ResourceChunks {
  /** Offsets of the lines after `resources:` up to the next top-level key: `[start, end)`. */
  start: number;
  end: number;
  chunks: ResourceChunk[];
}

/** Texts the line scan leaves to the full parser: tabs in indentation, anchors/aliases, documents, directives, complex keys. */
const UNSURE = /^\t|^ *\t|(^|[\s[{,])[&*!][^\s]|^---|^\.\.\.|^%|^ *\? /m;
/** A block mapping key at the start of a line (plain or quoted), followed by `:` and a space or the end. */
const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]}&*!|>%@`,?:-][^#:]*?|-[^\s#:][^#:]*?)[ ]*:(?:[ ]|$)/;

/** The key named by a KEY match (quotes removed). */
function keyName(raw: string): string {
  if (raw.startsWith('"')) return JSON.parse(raw) as string;
  if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
  return raw.trimEnd();
}

/** Cuts the resources section of `body` into chunks; undefined when the text is not plain enough to be sure. */
export function resourceChunks(body: string): ResourceChunks | undefined {
  if (UNSURE.test(body)) return undefined;
  const lines = body.split("\n");
  let at = 0;
  let section: { start: number; end: number } | undefined;
  let indent = -1;
  const chunks: ResourceChunk[] = [];
  for (const line of lines) {
    const start = at;
    at += line.length + 1;
    const content = line.trimStart();
    if (content === "" || content.startsWith("#")) continue;
    const depth = line.length - content.length;
    if (depth === 0) {
      // A top-level line: a key, else something the scan does not understand.
      const key = KEY.exec(line);
      if (!key) return undefined;
      if (section && section.end < 0) section.end = start;
      if (keyName(key[1]) === "resources") {
        if (section) return undefined;
        // `resources:` with its value on the same line (flow style) is not cut.
        if (line.slice(key[0].length).replace(/#.*$/, "").trim() !== "") return undefined;
        section = { start: at, end: -1 };
      }
      continue;
    }
    if (!section || section.end >= 0) continue;
    if (indent < 0) indent = depth;
    if (depth < indent) return undefined;
    if (depth > indent) continue;
    const key = KEY.exec(content);
    if (!key) return undefined;
    const last = chunks[chunks.length - 1];
    if (last) last.end = start;
    chunks.push({ name: keyName(key[1]), start, end: -1 });
  }
  if (!section || chunks.length === 0) return undefined;
  const end = section.end < 0 ? body.length : section.end;
  chunks[chunks.length - 1].end = end;
  return { start: section.start, end, chunks };
}
