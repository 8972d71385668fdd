/** Update checks on parameters: an immutable parameter may not change (Heat's ImmutableParameterModified). */
import { ValidationError } from "../diagnostics";
import type { CompiledStack } from "../template/types";

/** Throws a ValidationError naming every immutable parameter whose value the update changes. */
export function checkImmutableParameters(current: CompiledStack | undefined, target: CompiledStack): void {
  if (!current) return;
  const changed = Object.entries(target.parameters)
    .filter(([name, p]) => p.definition.immutable && name in current.parameters)
    .filter(([name, p]) => JSON.stringify(current.parameters[name].value) !== JSON.stringify(p.value))
    .map(([name]) => name);
  if (changed.length === 0) return;
  throw new ValidationError(
    changed.map((name) => ({
      severity: "error" as const,
      code: "parameter.value" as const,
      message: `The following parameters are immutable and may not be updated: ${name}`,
      path: ["parameters", name],
      range: target.parameters[name].definition.range,
    })),
  );
}
