/**
 * Parameter values of one stack: user values (environment `parameters`, then the input's own,
 * which win), `parameter_defaults`, template defaults, and the pseudo parameters.
 */
import type { Diagnostic } from "../diagnostics";
import type { Environment } from "./environment";
import { checkParameterValue, convertParameterValue } from "./parameters";
import type { CompileOptions, ParameterDefinition, ResolvedParameter } from "./types";

/** Converted values by name (only those that have one), the resolved parameters, and problems. */
export interface ParameterValues {
  values: Map<string, unknown>;
  resolved: Record<string, ResolvedParameter>;
  issues: Omit<Diagnostic, "range" | "severity">[];
}

/** Computes parameter values; strict mode requires and checks every value, as `stack create` does. */
export function parameterValues(
  defs: ParameterDefinition[],
  given: Record<string, unknown> | undefined,
  env: Environment,
  options: CompileOptions,
): ParameterValues {
  const user: Record<string, unknown> = { ...env.parameters, ...given };
  const values = new Map<string, unknown>([
    ["OS::stack_name", options.stackName],
    ["OS::stack_id", options.stackId],
    ["OS::project_id", options.projectId],
  ]);
  const resolved: Record<string, ResolvedParameter> = {};
  const issues: ParameterValues["issues"] = [];
  const known = new Set(defs.map((d) => d.name));
  for (const name of Object.keys(user)) {
    if (!known.has(name)) {
      issues.push({ code: "parameter.unknown", message: `The Parameter (${name}) was not defined in template.`, path: ["parameters", name] });
    }
  }
  for (const def of defs) {
    const path = ["parameters", def.name];
    const raw = user[def.name] ?? env.parameterDefaults[def.name] ?? def.default;
    if (raw === undefined || raw === null) {
      if (options.mode === "strict") {
        issues.push({ code: "parameter.missing", message: `The Parameter (${def.name}) was not provided.`, path });
      }
      resolved[def.name] = { definition: def, value: undefined };
      continue;
    }
    let value: unknown = raw;
    if (options.mode === "strict") {
      const r = checkParameterValue(def, raw);
      if (r.error) issues.push({ code: "parameter.value", message: r.error, path });
      else value = r.value;
    } else {
      try {
        value = convertParameterValue(def, raw);
      } catch {
        value = raw; // template validate does not check values; keep the text
      }
    }
    values.set(def.name, value);
    resolved[def.name] = { definition: def, value };
  }
  return { values, resolved, issues };
}
