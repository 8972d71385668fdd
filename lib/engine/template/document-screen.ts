/**
 * Screens a template text before and after parsing, so that hostile input is refused with its place
 * instead of costing memory or the call stack later: the size limit (before parsing), then one
 * iterative walk of the data that refuses nesting beyond max_template_depth, data that YAML aliases
 * expand beyond a bounded number of values, and numbers too large to keep (a 5000-digit literal
 * would silently become infinity).
 */
import type { Diagnostic } from "../diagnostics";
import { LIMIT_NAMES, limitDiagnostic, sizeOver, templateSizeMessage, type EngineLimits } from "../limits";

/** The limits a document is read under. */
export type DocumentLimits = Pick<EngineLimits, "maxTemplateSize" | "maxTemplateDepth">;

/** Values one document may expand to through aliases: twice what the largest alias-free text can hold. */
const MAX_VALUES_PER_BYTE = 2;

/** The size diagnostic of a text over max_template_size, if it is. */
export function checkTextSize(text: string, limits: DocumentLimits): Diagnostic | undefined {
  const size = sizeOver(text, limits.maxTemplateSize);
  return size === undefined ? undefined : limitDiagnostic(templateSizeMessage(size, limits.maxTemplateSize));
}

interface Visit {
  value: unknown;
  depth: number;
  parent?: Visit;
  key?: string | number;
}

function pathOf(visit: Visit): (string | number)[] {
  const path: (string | number)[] = [];
  for (let v: Visit | undefined = visit; v?.parent; v = v.parent) path.unshift(v.key!);
  return path;
}

/** Walks parsed data (iteratively) and returns the first problem found, with its path. */
export function screenData(data: unknown, textLength: number, limits: DocumentLimits): Diagnostic | undefined {
  const maxValues = Math.max(1000, textLength * MAX_VALUES_PER_BYTE);
  const pending: Visit[] = [{ value: data, depth: 0 }];
  let seen = 0;
  while (pending.length > 0) {
    const visit = pending.pop()!;
    const { value, depth } = visit;
    if (++seen > maxValues) {
      return limitDiagnostic(`the template's data expands to more than ${maxValues} values (YAML aliases), reached at ${pathOf(visit).join(".") || "the top"}`, pathOf(visit));
    }
    if (typeof value === "number" && !Number.isFinite(value)) {
      const path = pathOf(visit);
      return { severity: "error", code: "yaml.syntax", message: `Template not in valid format: the number at ${path.join(".") || "the top"} is too large to be represented`, path };
    }
    if (value === null || typeof value !== "object") continue;
    if (depth >= limits.maxTemplateDepth) {
      const path = pathOf(visit);
      return limitDiagnostic(`the template nests lists and maps more than ${limits.maxTemplateDepth} deep (${LIMIT_NAMES.maxTemplateDepth})`, path);
    }
    if (Array.isArray(value)) value.forEach((item, i) => pending.push({ value: item, depth: depth + 1, parent: visit, key: i }));
    else for (const [key, item] of Object.entries(value)) pending.push({ value: item, depth: depth + 1, parent: visit, key });
  }
  return undefined;
}

/** Whether a parser error is the call stack running out (input nested too deeply to read). */
export function isStackOverflow(message: string): boolean {
  return message.includes("Maximum call stack size exceeded");
}

/** The message for a text nested too deeply for the parser itself. */
export function tooDeepMessage(limits: DocumentLimits): string {
  return `the template nests too deeply to be read (${LIMIT_NAMES.maxTemplateDepth} is ${limits.maxTemplateDepth})`;
}

/**
 * Where JSON text first nests deeper than `maxDepth` (line and column, 1-based), found by scanning
 * the text: building the YAML tree to locate a path that deep would cost far more.
 */
export function jsonDepthPosition(text: string, maxDepth: number): { line: number; column: number } | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") {
      line++;
      lineStart = i + 1;
    } else if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "[" || c === "{") {
      if (++depth > maxDepth) return { line, column: i - lineStart + 1 };
    } else if (c === "]" || c === "}") depth--;
  }
  return undefined;
}
