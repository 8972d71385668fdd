/**
 * validate and preview: compile without touching the store. Preview lists what a create would make,
 * region by region, with properties resolved where they can be before anything exists (get_resource
 * gives the resource's name, get_attr nothing, as Heat's preview does).
 */
import { type Diagnostic, ValidationError } from "../diagnostics";
import type { StackInput } from "../template/types";
import type { CreateOptions, PreviewResource, PreviewResult, ValidateResult } from "./api";
import { type EngineCore, newId } from "./core";
import { compileDefinition, compileStrict, definitionOf } from "./definition";
import { checkTimeout } from "./options";
import { previewView } from "./runtime";
import { graphOf } from "./stack-walk";

/** Heat's template validate (mode "validate"), or with parameter and property values checked ("strict"). */
export function validateTemplate(core: EngineCore, input: StackInput, options: { region?: string; strict?: boolean }): ValidateResult {
  const who = { name: "validate", id: newId(), projectId: "", region: options.region ?? core.defaultRegion };
  const { stack, diagnostics } = compileDefinition(core, definitionOf(input), who, options.strict ? "strict" : "validate");
  return {
    valid: !!stack && !diagnostics.some((d) => d.severity === "error"),
    diagnostics,
    description: stack?.description,
    parameters: Object.fromEntries(Object.entries(stack?.parameters ?? {}).map(([k, p]) => [k, p.definition])),
    parameterGroups: stack?.parameterGroups ?? [],
  };
}

/** What a create would do; throws ValidationError on errors, as create would. */
export function previewStack(core: EngineCore, name: string, input: StackInput, options: CreateOptions): PreviewResult {
  checkTimeout(options.timeoutMins);
  const who = { name, id: newId(), projectId: options.projectId, region: options.region ?? core.defaultRegion };
  const compiled = compileStrict(core, definitionOf(input), who);
  const view = previewView(Object.keys(compiled.resources));
  const diagnostics: Diagnostic[] = [...compiled.warnings];
  const resources: PreviewResource[] = graphOf(compiled)
    .topologicalOrder()
    .map((n) => compiled.resources[n])
    .map((res) => {
      let properties: Record<string, unknown> = {};
      try {
        properties = compiled.resolveProperties(res.name, view);
      } catch (error) {
        const found = error instanceof ValidationError ? error.diagnostics : [];
        diagnostics.push(...found.map((d) => ({ ...d, severity: "warning" as const })));
      }
      return { name: res.name, type: res.type, region: res.region, dependsOn: res.dependsOn, properties };
    });
  return { resources, regions: [...new Set(resources.map((r) => r.region))].sort(), diagnostics };
}
