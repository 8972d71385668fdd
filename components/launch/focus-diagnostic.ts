/** Moving the user to where a diagnostic points, in a form with a template textarea and parameter inputs. */
import type { Diagnostic } from "@/lib/engine/diagnostics";
import { parameterInputId } from "./parameter-fields";
import { offsetAt } from "./text-position";

/**
 * Focuses a diagnostic's place: its parameter's input when it is about one, else the template
 * textarea with its line:column range selected.
 */
export function focusDiagnostic(d: Diagnostic, area: HTMLTextAreaElement | null): void {
  const parameter = d.path[0] === "parameters" && typeof d.path[1] === "string" ? document.getElementById(parameterInputId(d.path[1])) : null;
  if (parameter) return parameter.focus();
  if (!area) return;
  area.focus();
  if (!d.range) return;
  const text = area.value;
  const start = offsetAt(text, d.range.start.line, d.range.start.column);
  const end = Math.max(start, offsetAt(text, d.range.end.line, d.range.end.column));
  area.setSelectionRange(start, end === start ? start + 1 : end);
}
