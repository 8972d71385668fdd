"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { Diagnostic } from "@/lib/engine/diagnostics";
import type { ValidateResult } from "@/lib/engine/stack/api";
import { getHearth } from "@/lib/services";
import { isEngineError, validationDiagnostics } from "@/app/_lib/errors";

/** What the launch form sends to validate: the template, and parameter values once it has a form. */
const validateSchema = z.object({
  template: z.string(),
  templateName: z.string().optional(),
  region: z.string().optional(),
  parameters: z.record(z.string(), z.string()).optional(),
});

/** What the launch form sends to create a stack. */
const launchSchema = validateSchema.extend({
  name: z.string(),
  parameters: z.record(z.string(), z.string()),
  enableRollback: z.boolean(),
  timeoutMins: z.number().int().positive().optional(),
});

/** Input of validateTemplate. */
export type ValidateRequest = z.infer<typeof validateSchema>;
/** Input of launchStack. */
export type LaunchRequest = z.infer<typeof launchSchema>;
/** Why a launch was refused (on success the action redirects instead of returning). */
export interface LaunchRefusal {
  error: string;
  diagnostics: Diagnostic[];
}

/** Turns a malformed request (never sent by our own form) into a clear error. */
function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new Error(`Invalid request: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * Validates a template (Heat's template-validate). With parameter values, also checks them
 * strictly (types, constraints), keeping only parameters the template declares, so the form shows
 * the engine's own messages.
 */
export async function validateTemplate(input: ValidateRequest): Promise<ValidateResult> {
  const { template, templateName, region, parameters } = parse(validateSchema, input);
  const hearth = await getHearth();
  const base = await hearth.validate({ template, templateName }, { region });
  if (!parameters || !base.valid) return base;
  const declared = Object.fromEntries(Object.entries(parameters).filter(([name]) => name in base.parameters));
  const strict = await hearth.validate({ template, templateName, parameters: declared }, { region, strict: true });
  // The form is built from the definitions, which a strict check with bad values may leave out.
  return { ...strict, parameters: base.parameters, parameterGroups: base.parameterGroups, description: base.description };
}

/**
 * Creates a stack and goes to its detail page, where progress streams in. Returns the reasons
 * when the engine refuses (diagnostics for a bad template or parameter, a message otherwise).
 */
export async function launchStack(input: LaunchRequest): Promise<LaunchRefusal> {
  const { name, template, templateName, region, parameters, enableRollback, timeoutMins } = parse(launchSchema, input);
  const hearth = await getHearth();
  let stackId: string;
  try {
    const handle = await hearth.create(name.trim(), { template, templateName, parameters }, { region, enableRollback, timeoutMins });
    stackId = handle.stackId;
  } catch (error) {
    const diagnostics = validationDiagnostics(error);
    if (diagnostics) return { error: "The stack was not created: fix the problems below.", diagnostics };
    if (isEngineError(error, "Conflict") || isEngineError(error, "BadRequest")) return { error: (error as Error).message, diagnostics: [] };
    throw error;
  }
  redirect(`/stacks/${stackId}`);
}
