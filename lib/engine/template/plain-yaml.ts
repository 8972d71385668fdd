/**
 * A fast path for the plain YAML most templates are, read line by line into plain data: block
 * mappings and sequences (of scalars, one-line flow collections, and `- key: value` mappings),
 * one-line flow collections (`{get_attr: [a, b]}`), plain scalars, one-line quoted scalars
 * ('...' and "..." without escapes), and `|` / `>` block scalars (clipped, or stripped with `-`).
 * The `yaml` package costs 90-200 ms on a cold 1000-resource template (its lexer and composer are
 * not yet compiled in a fresh process); this reads the same text in a few milliseconds. It is
 * deliberately strict: any text outside its subset (anchors, aliases, tags, directives, multi-line
 * flow or quoted or plain scalars, escapes, tabs, CR, odd numbers, duplicate keys...) returns
 * undefined and goes to the `yaml` package, so the data it does return is what that package gives
 * under Heat's PyYAML 1.1 reading (test/template/plain-yaml.test.ts checks this on every template in the repo
 * and on generated ones).
 */

/** PyYAML's booleans: YAML 1.1 without the single-letter y / n forms. */
export const PY_BOOL: Record<string, RegExp> = {
  true: /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
  false: /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
};

/** PyYAML's floats need a dot, and a sign in the exponent: 1e3 and 1.5e3 stay strings. */
export const PY_FLOAT = /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*|\.[0-9][0-9_]*)$/;
/** PyYAML's floats with an exponent. */
export const PY_FLOAT_EXP = /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*|\.[0-9][0-9_]*)[eE][-+][0-9]+$/;

/** Characters that send the whole text to the `yaml` package: tabs, CR, controls, NEL, LS, PS, BOM. */
const FORBIDDEN = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
/** Plain keys: words, paths, `OS::stack_id`, str_replace's `$name` and `<%name%>` (not ending in `:`). */
const KEY = /^[A-Za-z0-9_$<](?:[A-Za-z0-9_./:$<>%=+~-]*[A-Za-z0-9_./$<>%=+~-])?$/;
/** After a quoted scalar or a flow collection: nothing, or a comment. */
const LINE_END = /^(?: *| +#.*)$/;
/** First characters that make a scalar something other than a plain one (indicators, quotes, reserved). */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
const NULL = /^(?:~|null|Null|NULL)$/;
const DECIMAL = /^[-+]?(?:0|[1-9][0-9]*)$/;
/** Number-like text outside the forms read here (octal, hex, binary, underscores, sexagesimal, .inf, .nan). */
const ODD_NUMBER = /^[-+]?(?:\.[A-Za-z]|0[0-9A-Za-z]|[0-9.][^:_]*[:_])/;
/** The `yaml` package refuses block keys longer than 1024 characters (as YAML says); bail well before. */
const MAX_KEY = 1000;
/** Nesting deeper than this goes to the `yaml` package (and the screen after it). */
const MAX_DEPTH = 64;

interface Line {
  indent: number;
  body: string;
  /** Index of the line in the text (block scalars read the raw lines). */
  row: number;
}

/** Thrown inside the reader to leave the subset; never escapes parsePlainYaml. */
const BAIL = Symbol("bail");

/**
 * Reads text in the plain block subset into plain data (a mapping at the top), or returns
 * undefined for any text outside it. Never throws.
 */
export function parsePlainYaml(text: string): Record<string, unknown> | undefined {
  if (FORBIDDEN.test(text)) return undefined;
  const raw = text.split("\n");
  const lines: Line[] = [];
  raw.forEach((line, row) => {
    let end = line.length;
    while (end > 0 && line.charCodeAt(end - 1) === 32) end--;
    let indent = 0;
    while (indent < end && line.charCodeAt(indent) === 32) indent++;
    if (indent < end && line[indent] !== "#") lines.push({ indent, body: line.slice(indent, end), row });
  });
  if (lines.length === 0 || lines[0].indent !== 0) return undefined;
  const reader = new Reader(lines, raw);
  try {
    const data = reader.mapping(0, 0);
    return reader.done() ? data : undefined;
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  }
}

function bail(): never {
  throw BAIL;
}

class Reader {
  private pos = 0;
  constructor(
    private readonly lines: Line[],
    private readonly raw: string[],
  ) {}

  done(): boolean {
    return this.pos === this.lines.length;
  }

  /** The block mapping whose keys sit at `indent`. */
  mapping(indent: number, depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) bail();
    const map: Record<string, unknown> = {};
    while (this.pos < this.lines.length) {
      const { indent: at, body, row } = this.lines[this.pos];
      if (at < indent) break;
      if (at > indent) bail();
      const [key, colon] = keyAndColon(body);
      if (Object.prototype.hasOwnProperty.call(map, key)) bail();
      const rest = body.slice(colon + 1);
      if (rest !== "" && rest[0] !== " ") bail();
      this.pos++;
      const value = withoutComment(rest);
      const next = this.lines[this.pos];
      if (BLOCK_SCALAR.test(value)) {
        map[key] = this.blockScalar(row, indent, value);
      } else if (value !== "") {
        // a deeper line after `key: value` continues a multi-line scalar (or is an error)
        if (next && next.indent > indent) bail();
        map[key] = inline(rest, depth);
      } else if (next && next.indent > indent) {
        map[key] = isItem(next.body) ? this.sequence(next.indent, depth + 1) : this.mapping(next.indent, depth + 1);
      } else if (next && next.indent === indent && isItem(next.body)) {
        map[key] = this.sequence(indent, depth + 1);
      } else {
        map[key] = null;
      }
    }
    return map;
  }

  /** The block sequence at `indent`: `- scalar`, `- [flow]` and `- key: value` (a mapping) items. */
  sequence(indent: number, depth: number): unknown[] {
    if (depth > MAX_DEPTH) bail();
    const items: unknown[] = [];
    while (this.pos < this.lines.length) {
      const line = this.lines[this.pos];
      if (line.indent < indent || (line.indent === indent && !isItem(line.body))) break;
      if (line.indent > indent || !line.body.startsWith("- ")) bail();
      const value = withoutComment(line.body.slice(1));
      if (value === "") bail();
      if (!"[{'\"".includes(value[0]) && (value.includes(": ") || value.endsWith(":"))) {
        // `- key: value`: a mapping whose keys sit where this one starts
        let start = 1;
        while (line.body[start] === " ") start++;
        this.lines[this.pos] = { indent: indent + start, body: line.body.slice(start), row: line.row };
        items.push(this.mapping(indent + start, depth + 1));
        continue;
      }
      this.pos++;
      const next = this.lines[this.pos];
      if (next && next.indent > indent) bail();
      items.push(inline(line.body.slice(1), depth));
    }
    return items;
  }

  /**
   * A `|` or `>` block scalar (clipped, or stripped with `-`) after the key at `row`: its lines sit
   * deeper than `indent`, at the indent of the first. Bails on blank lines before the first, lines
   * of spaces, trailing spaces, and (folded) lines indented further.
   */
  blockScalar(row: number, indent: number, header: string): string {
    const lines: string[] = [];
    let width = 0;
    let end = row + 1;
    for (; end < this.raw.length; end++) {
      const line = this.raw[end];
      if (line === "") {
        if (width === 0) bail();
        lines.push("");
        continue;
      }
      let at = 0;
      while (line.charCodeAt(at) === 32) at++;
      if (at === line.length) bail();
      if (width === 0) {
        if (at <= indent) bail();
        width = at;
      }
      if (at < width) break;
      if (line.endsWith(" ")) bail();
      if (header[0] === ">" && at > width) bail();
      lines.push(line.slice(width));
    }
    while (lines[lines.length - 1] === "") lines.pop();
    if (lines.length === 0) bail();
    while (this.pos < this.lines.length && this.lines[this.pos].row < end) this.pos++;
    const text = header[0] === "|" ? lines.join("\n") : fold(lines);
    return header.endsWith("-") ? text : text + "\n";
  }
}

const BLOCK_SCALAR = /^[|>]-?$/;

/** Folded lines: a single line break becomes a space, each empty line a line break. */
function fold(lines: string[]): string {
  let text = lines[0];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === "") text += "\n";
    else text += lines[i - 1] === "" ? lines[i] : " " + lines[i];
  }
  return text;
}

function isItem(body: string): boolean {
  return body === "-" || body.startsWith("- ");
}

/** The text after `key:` or `-` without its trailing comment, trimmed. */
function withoutComment(rest: string): string {
  const hash = rest.indexOf(" #");
  return (hash < 0 ? rest : rest.slice(0, hash)).trim();
}

/** The key of a block mapping line and the index of the `:` after it. */
function keyAndColon(body: string): [string, number] {
  if (body[0] === "'" || body[0] === '"') {
    const flow = new Flow(body);
    const key = quotedKey(flow.quoted());
    if (body[flow.offset()] !== ":" || flow.offset() > MAX_KEY) bail();
    return [key, flow.offset()];
  }
  const colon = body.endsWith(":") && !body.includes(": ") ? body.length - 1 : body.indexOf(": ");
  if (colon < 1 || colon > MAX_KEY) bail();
  return [keyOf(body.slice(0, colon)), colon];
}

function quotedKey(key: string): string {
  return key === "__proto__" ? bail() : key;
}

/** A key as the `yaml` package writes it into a plain object (numbers stringified); others bail. */
function keyOf(text: string): string {
  if (!KEY.test(text) || text === "__proto__" || text === "<<") bail();
  const value = scalar(text);
  if (typeof value === "string" || (typeof value === "number" && String(value) === text)) return text;
  return bail();
}

/**
 * The value after `key:` or `-` (comment included): a quoted scalar or a flow collection
 * (`[a, {b: 'c'}]`, not spanning lines) followed by nothing but a comment, or a plain scalar.
 */
function inline(rest: string, depth: number): unknown {
  const text = rest.trimStart();
  if (!"[{'\"".includes(text[0])) return scalar(withoutComment(text));
  const flow = new Flow(text);
  const value = flow.node(depth);
  flow.end();
  return value;
}

/** One line's flow collections and quoted scalars, read by recursive descent. */
class Flow {
  private at = 0;
  constructor(private readonly text: string) {}

  /** Bails unless only a comment follows. */
  end(): void {
    if (!LINE_END.test(this.text.slice(this.at))) bail();
  }

  /** Where the reading stands. */
  offset(): number {
    return this.at;
  }

  node(depth: number): unknown {
    if (depth > MAX_DEPTH) bail();
    this.spaces();
    const c = this.text[this.at];
    if (c === "'" || c === '"') return this.quoted();
    if (c !== "[" && c !== "{") return scalar(this.plain());
    this.at++;
    const close = c === "[" ? "]" : "}";
    const seq: unknown[] = [];
    const map: Record<string, unknown> = {};
    this.spaces();
    if (this.text[this.at] === close) {
      this.at++;
      return c === "[" ? seq : map;
    }
    for (;;) {
      if (c === "[") seq.push(this.node(depth + 1));
      else {
        this.spaces();
        const q = this.text[this.at];
        const key = q === "'" || q === '"' ? quotedKey(this.quoted()) : keyOf(this.plain());
        if (Object.prototype.hasOwnProperty.call(map, key) || this.text[this.at] !== ":" || this.text[this.at + 1] !== " ") bail();
        this.at += 2;
        map[key] = this.node(depth + 1);
      }
      this.spaces();
      const sep = this.text[this.at++];
      if (sep === close) return c === "[" ? seq : map;
      if (sep !== ",") bail();
    }
  }

  /** A plain scalar up to a flow indicator or a `:` before a space. */
  private plain(): string {
    const start = this.at;
    for (; this.at < this.text.length; this.at++) {
      const ch = this.text[this.at];
      if (ch === "," || ch === "[" || ch === "]" || ch === "{" || ch === "}") break;
      if (ch === ":" && this.text[this.at + 1] === " ") break;
      if (ch === "'" || ch === '"' || ch === "#") bail();
    }
    const text = this.text.slice(start, this.at).trim();
    if (text === "") bail();
    return text;
  }

  /** A one-line quoted scalar: 'single' with '' for a quote, or "double" without escapes. */
  quoted(): string {
    const q = this.text[this.at];
    let value = "";
    for (let i = this.at + 1; i < this.text.length; i++) {
      const ch = this.text[i];
      if (ch === "\\" && q === '"') bail();
      if (ch !== q) value += ch;
      else if (q === "'" && this.text[i + 1] === "'") value += this.text[++i];
      else {
        this.at = i + 1;
        return value;
      }
    }
    return bail();
  }

  private spaces(): void {
    while (this.text[this.at] === " ") this.at++;
  }
}

/** A plain scalar typed as PyYAML (YAML 1.1 without timestamps) types it. */
function scalar(text: string): unknown {
  if (INDICATOR.test(text) || text.includes(": ") || text.endsWith(":") || text.includes(" #") || text === "<<") bail();
  if (NULL.test(text)) return null;
  if (PY_BOOL.true.test(text)) return true;
  if (PY_BOOL.false.test(text)) return false;
  if (ODD_NUMBER.test(text)) bail();
  // as the yaml package resolves them (a leading "-" has bailed above, so no -0 to mend)
  if (DECIMAL.test(text)) return parseInt(text, 10);
  if (PY_FLOAT.test(text) || PY_FLOAT_EXP.test(text)) return parseFloat(text);
  return text;
}
