/**
 * The engine's own validator for the designer (runs in the browser: lib/engine is isomorphic):
 * the messages are the ones `hearth validate` prints, cross-region errors included.
 */
import type { Diagnostic } from "../../../lib/engine/diagnostics";
import type { TypeRegistry } from "../../../lib/engine/resources/types";
import { compileStack } from "../../../lib/engine/template";

/** Where the template would run: the stack's default region and every region that exists. */
export interface ValidateTarget {
  registry: TypeRegistry;
  region: string;
  regions: string[];
}

/** Validates a template text as `hearth validate` does (Heat's template-validate mode). */
export function validateTemplate(text: string, target: ValidateTarget): Diagnostic[] {
  const result = compileStack(
    { template: text, templateName: "template.yaml" },
    {
      registry: target.registry,
      stackName: "designer",
      stackId: "designer",
      projectId: "designer",
      region: target.region,
      regions: target.regions,
      mode: "validate",
    },
  );
  return result.diagnostics;
}
