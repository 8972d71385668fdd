/**
 * Source documents: parses template and environment text (YAML or JSON) the way Heat reads it
 * (YAML 1.1, timestamps kept as strings) and keeps enough of the syntax tree to turn any path
 * into a line:column range for diagnostics.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { Diagnostic, SourceRange } from "../diagnostics";
import { HEAT_LIMITS, limitDiagnostic, limitMessage } from "../limits";
import { checkTextSize, isStackOverflow, jsonDepthPosition, screenData, tooDeepMessage, type DocumentLimits } from "./document-screen";
import { parsePlainYaml, PY_BOOL, PY_FLOAT, PY_FLOAT_EXP } from "./plain-yaml";

/** A parsed document: its plain data plus a way to locate paths in the source text. */
export interface TemplateDocument {
  /** Plain data (maps are plain objects, sequences arrays); undefined when the text is empty. */
  data: unknown;
  /** Range of the node at `path` (or of its nearest existing ancestor). */
  locate(path: readonly (string | number)[]): SourceRange | undefined;
  /** Syntax errors (code yaml.syntax) with line and column. */
  diagnostics: Diagnostic[];
}

type Tag = {
  tag?: string;
  format?: string;
  default?: unknown;
  test?: RegExp;
  identify?: (v: unknown) => boolean;
  resolve?: (...args: never[]) => unknown;
};

/** Heat reads templates with PyYAML (YAML 1.1): timestamps, y/n and 1e3 stay strings. */
function pyYamlTags(tags: Tag[]): Tag[] {
  return tags
    .filter((t) => t.tag !== "tag:yaml.org,2002:timestamp")
    .map((t) => {
      if (t.tag === "tag:yaml.org,2002:bool" && t.test) return { ...t, test: PY_BOOL[String(t.identify?.(true))] };
      if (t.tag === "tag:yaml.org,2002:float" && t.test && t.format !== "TIME" && !t.test.source.includes("inf")) {
        return { ...t, test: t.format === "EXP" ? PY_FLOAT_EXP : PY_FLOAT };
      }
      if (t.tag === "tag:yaml.org,2002:int" && t.resolve) {
        const resolve = t.resolve;
        // Python has no negative integer zero: -0 reads as 0.
        return { ...t, resolve: (...args: never[]) => { const v = resolve(...args); return Object.is(v, -0) ? 0 : v; } };
      }
      return t;
    });
}

/** The `yaml` package's options for reading as Heat does (exported for plain-yaml.ts's differential test). */
export const YAML_OPTIONS = {
  version: "1.1" as const,
  customTags: pyYamlTags as never,
  uniqueKeys: false,
  prettyErrors: false,
};

/**
 * Parses YAML or JSON text into data and a path locator. Never throws. Like Heat, JSON is tried
 * first (it is also much faster), then the plain block YAML most templates are (plain-yaml.ts);
 * for both, the YAML syntax tree behind `locate` is built on first use.
 * A text over the size limit is not parsed; parsed data is screened (document-screen.ts).
 */
export function parseTemplateDocument(text: string, name?: string, limits: DocumentLimits = HEAT_LIMITS): TemplateDocument {
  const tooBig = checkTextSize(text, limits);
  if (tooBig) return { data: undefined, diagnostics: [tooBig], locate: () => undefined };
  const doc = parseText(text, name, limits);
  if (doc.diagnostics.length) return doc;
  const problem = screenData(doc.data, text.length, limits);
  if (!problem) return doc;
  // JSON nested too deeply is located by a scan of its text (the YAML tree behind locate would be costly)
  const deep = doc.json ? jsonDepthPosition(text, limits.maxTemplateDepth) : undefined;
  const range = deep ? { start: deep, end: deep, file: name } : doc.locate(problem.path);
  // a syntax-kind problem says where in its message, as the parser's own errors do
  const where = problem.code === "yaml.syntax" && range ? ` at line ${range.start.line}, column ${range.start.column}` : "";
  return { ...doc, data: undefined, diagnostics: [{ ...problem, message: problem.message + where, range }] };
}

function parseText(text: string, name: string | undefined, limits: DocumentLimits): TemplateDocument & { json?: boolean } {
  if (text.trimStart().startsWith("{")) {
    try {
      return { ...lazilyLocated(JSON.parse(text), text, name, limits), json: true };
    } catch {
      // not JSON after all: YAML flow syntax, or an error the YAML parser will locate
    }
  }
  const plain = parsePlainYaml(text);
  if (plain) return lazilyLocated(plain, text, name, limits);
  return parseYaml(text, name, limits);
}

/** Data read without the YAML tree, which is built on the first `locate` (a diagnostic's range). */
function lazilyLocated(data: unknown, text: string, name: string | undefined, limits: DocumentLimits): TemplateDocument {
  let located: TemplateDocument | undefined;
  return { data, diagnostics: [], locate: (path) => (located ??= parseYaml(text, name, limits)).locate(path) };
}

function parseYaml(text: string, name: string | undefined, limits: DocumentLimits): TemplateDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter });
  const toRange = (offsets: readonly number[] | undefined): SourceRange | undefined => {
    if (!offsets) return undefined;
    const s = lineCounter.linePos(offsets[0]);
    const e = lineCounter.linePos(offsets[1] ?? offsets[0]);
    return { start: { line: s.line, column: s.col }, end: { line: e.line, column: e.col }, file: name };
  };
  const diagnostics: Diagnostic[] = doc.errors.map((err) => {
    const range = toRange(err.pos);
    const where = range ? ` at line ${range.start.line}, column ${range.start.column}` : "";
    if (isStackOverflow(err.message)) return { ...limitDiagnostic(`${tooDeepMessage(limits)}${where}`), range };
    return {
      severity: "error",
      code: "yaml.syntax",
      message: `Error parsing template ${name ?? "[root stack]"}: ${firstLine(err.message)}${where}`,
      path: [],
      range,
    };
  });
  let data: unknown;
  if (diagnostics.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 1000 });
    } catch (e) {
      const message = String((e as Error).message);
      if (isStackOverflow(message)) diagnostics.push(limitDiagnostic(tooDeepMessage(limits)));
      else diagnostics.push({ severity: "error", code: "yaml.syntax", message: limitAware(message), path: [] });
    }
  }
  const locate = (path: readonly (string | number)[]) => {
    let node: unknown = doc.contents;
    let range = toRange((node as Node | null)?.range ?? undefined);
    for (const seg of path) {
      const next = childOf(node, seg);
      if (!next) break;
      const start = (next.key ?? next.value)?.range;
      const end = (next.value ?? next.key)?.range;
      if (start && end) range = toRange([start[0], end[1]]);
      if (!next.value) break;
      node = next.value;
    }
    return range;
  };
  return { data, locate, diagnostics };
}

/** yaml's alias guard, worded as the limit it is. */
function limitAware(message: string): string {
  return message.includes("Excessive alias count") ? limitMessage(`the template's YAML aliases expand too much (${message})`) : message;
}

function firstLine(message: string): string {
  return message.split("\n")[0];
}

/** Per-map index of keys to pairs, built on first lookup so that locating n paths stays linear. */
const pairIndex = new WeakMap<object, Map<string, { key?: Node; value?: Node }>>();

/** The key and value nodes of a child of a map or sequence node. */
function childOf(node: unknown, seg: string | number): { key?: Node; value?: Node } | undefined {
  if (isMap(node)) {
    let index = pairIndex.get(node);
    if (!index) {
      index = new Map();
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const k = String(isScalar(item.key) ? item.key.value : item.key);
        if (!index.has(k)) index.set(k, { key: item.key as Node, value: (item.value ?? undefined) as Node });
      }
      pairIndex.set(node, index);
    }
    return index.get(String(seg));
  }
  if (isSeq(node) && typeof seg === "number") {
    const v = node.items[seg];
    return v ? { value: v as Node } : undefined;
  }
  return undefined;
}
