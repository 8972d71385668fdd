/**
 * The update form's parameter values: what it starts from (the stack's stored values, hidden ones
 * left empty so they never reach the browser) and what it sends (PATCH sends only what changed).
 */
import type { ParameterDefinition } from "@/lib/engine/template/types";
import { parametersToSend, toFieldText } from "../launch/parameter-model";

/** Starting values: each stored value as the form edits it; hidden parameters stay empty. */
export function storedValues(parameters: Record<string, ParameterDefinition>, stored: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, definition] of Object.entries(parameters)) {
    values[name] = definition.hidden ? "" : name in stored ? toFieldText(stored[name]) : toFieldText(definition.default);
  }
  return values;
}

/**
 * The parameters an update sends. With `existing` (PATCH) only values that differ from the stored
 * ones: the rest, hidden ones left empty included, keep their stored values. Without it, every
 * filled-in field, as a launch does (empty fields take their defaults).
 */
export function updateParametersToSend(
  parameters: Record<string, ParameterDefinition>,
  values: Record<string, string>,
  stored: Record<string, unknown>,
  existing: boolean,
): Record<string, string> {
  const filled = parametersToSend(parameters, values);
  if (!existing) return filled;
  return Object.fromEntries(Object.entries(filled).filter(([name, value]) => !(name in stored) || toFieldText(stored[name]) !== value));
}
