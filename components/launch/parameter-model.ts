/**
 * The launch form's parameter model: which fields to show, in what order, as what kind of input,
 * with what starting value; and how the entered strings become the parameters of a create.
 */
import type { Diagnostic } from "@/lib/engine/diagnostics";
import type { ParameterDefinition, ParameterGroup } from "@/lib/engine/template/types";

/** The input used for a parameter. */
export type FieldKind = "select" | "boolean" | "password" | "number" | "multiline" | "text";

/** A titled run of parameters (a parameter_group, or the ungrouped rest). */
export interface FieldSection {
  label?: string;
  description?: string;
  names: string[];
}

/**
 * Orders parameters as the form shows them: parameter_groups first, in their order, then every
 * parameter no group names, in template order. Names a group lists but the template lacks are
 * skipped (validation reports them).
 */
export function orderParameters(parameters: Record<string, ParameterDefinition>, groups: ParameterGroup[]): FieldSection[] {
  const placed = new Set<string>();
  const sections: FieldSection[] = [];
  for (const group of groups) {
    const names = group.parameters.filter((name) => name in parameters && !placed.has(name));
    names.forEach((name) => placed.add(name));
    if (names.length > 0) sections.push({ label: group.label, description: group.description, names });
  }
  const rest = Object.keys(parameters).filter((name) => !placed.has(name));
  if (rest.length > 0) sections.push({ label: sections.length > 0 ? "Other parameters" : undefined, names: rest });
  return sections;
}

/** The allowed_values of a parameter, if a constraint lists them. */
export function allowedValues(definition: ParameterDefinition): unknown[] | undefined {
  for (const constraint of definition.constraints) if ("allowedValues" in constraint) return constraint.allowedValues;
  return undefined;
}

/** Picks the input for a parameter: allowed_values -> select, hidden -> password, by type otherwise. */
export function fieldKind(definition: ParameterDefinition): FieldKind {
  if (allowedValues(definition)) return "select";
  if (definition.hidden) return "password";
  switch (definition.type) {
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "json":
      return "multiline";
    default:
      return "text";
  }
}

/** A value as the form edits it: lists comma-joined, JSON as text, everything else as a string. */
export function toFieldText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value) && value.every((v) => typeof v !== "object")) return value.join(",");
  if (typeof value === "object") return JSON.stringify(value, null, 2);
  return String(value);
}

/** Starting values of the form: each parameter's default, keeping anything the user already typed. */
export function initialValues(parameters: Record<string, ParameterDefinition>, typed: Record<string, string>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, definition] of Object.entries(parameters)) values[name] = typed[name] ?? toFieldText(definition.default);
  return values;
}

/**
 * The parameters to send: every field of a declared parameter that is not empty, as typed (the
 * engine converts and checks them, like `--parameter K=V`). An empty field lets the default apply.
 */
export function parametersToSend(parameters: Record<string, ParameterDefinition>, values: Record<string, string>): Record<string, string> {
  const sent: Record<string, string> = {};
  for (const name of Object.keys(parameters)) {
    const value = values[name];
    if (value !== undefined && value !== "") sent[name] = value;
  }
  return sent;
}

/** True when a diagnostic is about the named parameter (path parameters.<name>...). */
export function isAboutParameter(diagnostic: Diagnostic, name: string): boolean {
  return diagnostic.path[0] === "parameters" && diagnostic.path[1] === name;
}
