/**
 * The smaller sections: top-level section names, parameter_groups, conditions (every definition
 * is checked, used or not, as Heat does) and outputs.
 */
import { FnCall, isMapping, pyRepr, pyStr, pyTypeName, snippetReferences, validateSnippet, type Path } from "../functions";
import { parseConditionSnippet, parseMain, report, reportFunctionError, type CompileState } from "./state";
import type { ParameterGroup } from "./types";

/** Reports top-level keys the version does not know (Heat: "The template section is invalid"). */
export function checkSections(state: CompileState, data: Record<string, unknown>): void {
  for (const key of Object.keys(data)) {
    if (!state.version.sections.includes(key)) {
      report(state, "error", "template.section", `The template section is invalid: ${key}`, [key]);
    }
  }
}

/** Parses parameter_groups; every listed parameter must exist and appear in one group only. */
export function parameterGroups(state: CompileState, raw: unknown, params: Set<string>): ParameterGroup[] {
  if (raw === undefined || raw === null) return [];
  const fail = (code: "template.structure" | "reference.parameter", where: string, message: string, path: Path) =>
    report(state, "error", code, `Parameter Groups error: ${where}: ${message}`, path);
  if (!Array.isArray(raw)) {
    fail("template.structure", "parameter_groups", "The parameter_groups should be a list.", ["parameter_groups"]);
    return [];
  }
  const groups: ParameterGroup[] = [];
  const seen = new Set<string>();
  raw.forEach((g, i) => {
    const path: Path = ["parameter_groups", i];
    const group = isMapping(g) ? g : {};
    const where = `parameter_groups.${typeof group.label === "string" ? group.label : "<unknown>"}`;
    if (!Array.isArray(group.parameters)) {
      fail("template.structure", where, "The parameters must be provided for each parameter group.", path);
      return;
    }
    const names = group.parameters.map((p) => pyStr(p));
    for (const name of names) {
      if (seen.has(name)) {
        fail("template.structure", `${where}.parameters`, `The ${name} parameter must be assigned to one parameter group only.`, path);
      } else if (!params.has(name)) {
        fail("reference.parameter", `${where}.parameters`, `The grouped parameter ${name} does not reference a valid parameter.`, path);
      }
      seen.add(name);
    }
    const text = (v: unknown) => (typeof v === "string" ? v : undefined);
    groups.push({ label: text(group.label), description: text(group.description), parameters: names });
  });
  return groups;
}

/** Checks every condition definition (type and functions), used or not. */
export function checkConditions(state: CompileState, raw: unknown): void {
  if (raw === undefined) return;
  if (!isMapping(raw)) {
    report(state, "error", "condition.structure", `Conditions validation error: Condition definitions must be a map. Found a ${pyTypeName(raw)} instead`, ["conditions"]);
    return;
  }
  for (const [name, def] of Object.entries(raw)) {
    const path = ["conditions", name];
    try {
      const parsed = state.contexts.parsedCondition(name);
      if (typeof parsed !== "boolean" && !(parsed instanceof FnCall)) {
        report(state, "error", "condition.structure", `Condition validation error: The definition of condition "${name}" is invalid: ${pyRepr(def)}`, path);
        continue;
      }
      validateSnippet(parsed, state.contexts.compileCtx);
    } catch (e) {
      reportFunctionError(state, e, path);
    }
  }
}

/** A kept output with its parsed value. */
export interface OutputEntry {
  name: string;
  description?: string;
  value: unknown;
  dependsOn: string[];
}

/** Compiles the outputs section: keys, conditions, values, references. */
export function compileOutputs(state: CompileState, raw: unknown): OutputEntry[] {
  if (raw === undefined || raw === null) return [];
  const out: OutputEntry[] = [];
  if (!isMapping(raw)) {
    report(state, "error", "output.structure", "The outputs section must be a map of output definitions", ["outputs"]);
    return out;
  }
  const ctx = state.contexts.compileCtx;
  for (const name of Object.keys(raw).sort()) {
    const def = raw[name];
    const path: Path = ["outputs", name];
    if (!isMapping(def)) {
      report(state, "error", "output.structure", `"outputs" must contain a map of output maps. Found a [<class '${pyTypeName(def)}'>] instead`, path);
      continue;
    }
    const bad = Object.keys(def).find((k) => !state.version.outputKeys.includes(k));
    if (bad) {
      // Heat ignores unknown output keys when validating; say so without refusing the template.
      report(state, "warning", "output.structure", `"${bad}" is not a valid keyword inside a output definition`, [...path, bad]);
    }
    if (!("value" in def)) {
      report(state, "error", "output.structure", "Each output must contain a value key.", path);
      continue;
    }
    try {
      if ("condition" in def && state.version.outputKeys.includes("condition")) {
        const cond = ctx.resolve(parseConditionSnippet(state, def.condition, [...path, "condition"]));
        if (!state.contexts.conditionValue(cond, [...path, "condition"])) {
          // Heat keeps an output whose condition is false, with no value.
          out.push({ name, description: def.description as string | undefined, value: null, dependsOn: [] });
          continue;
        }
      }
      const value = parseMain(state, def.value, [...path, "value"]);
      validateSnippet(value, ctx);
      let dependsOn: string[] = [];
      try {
        dependsOn = snippetReferences(value, ctx);
      } catch (e) {
        // Heat accepts the template and reports the bad reference when the output is shown.
        report(state, "warning", "reference.resource", (e as Error).message, [...path, "value"]);
      }
      out.push({ name, description: def.description as string | undefined, value, dependsOn });
    } catch (e) {
      reportFunctionError(state, e, path);
    }
  }
  return out;
}
