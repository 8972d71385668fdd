/**
 * Diagnostics: every problem Hearth reports says where it is.
 * A diagnostic names a path into the document (resources.server.properties.flavor)
 * and, when the source text is known, the 1-based line and column.
 */

/** A 1-based position in a source text. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** A span of source text; `file` names the template or environment it belongs to. */
export interface SourceRange {
  start: SourcePosition;
  end: SourcePosition;
  file?: string;
}

/** Error codes are stable strings so that the CLI, REST API and console can branch on them. */
export type DiagnosticCode =
  | "yaml.syntax"
  | "template.version"
  | "template.section"
  | "template.structure"
  | "parameter.schema"
  | "parameter.value"
  | "parameter.missing"
  | "parameter.unknown"
  | "function.unknown"
  | "function.arguments"
  | "function.version"
  | "function.unsupported"
  | "reference.resource"
  | "reference.parameter"
  | "reference.attribute"
  | "reference.condition"
  | "reference.file"
  | "dependency.cycle"
  | "resource.type"
  | "resource.key"
  | "property.unknown"
  | "property.required"
  | "property.type"
  | "property.constraint"
  | "region.unknown"
  | "region.cross"
  | "environment.structure"
  | "output.structure"
  | "condition.structure"
  | "limit.exceeded";

/** One finding of validation. Errors stop an operation before anything is allocated; warnings do not. */
export interface Diagnostic {
  severity: "error" | "warning";
  code: DiagnosticCode;
  message: string;
  /** Path segments into the document, e.g. ["resources", "server", "properties", "flavor"]. */
  path: (string | number)[];
  range?: SourceRange;
}

/** Formats a path as Heat does in its messages: resources.server.properties.flavor. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.map(String).join(".");
}

/** Formats a diagnostic as one line: `file:line:col: error: message (at path)`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.range
    ? `${d.range.file ? d.range.file + ":" : ""}${d.range.start.line}:${d.range.start.column}: `
    : "";
  const at = d.path.length ? ` (at ${formatPath(d.path)})` : "";
  return `${where}${d.severity}: ${d.message}${at}`;
}

/** Thrown when an operation is refused because its input has errors. Carries every diagnostic. */
export class ValidationError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === "error");
    super(errors.map(formatDiagnostic).join("\n") || "validation failed");
    this.name = "ValidationError";
    this.diagnostics = diagnostics;
  }
}
