"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { PreviewResult, ValidateResult } from "@/lib/engine/stack/api";
import { consoleHearth } from "@/lib/console/session";
import { parseRequest as parse, refusalOf, type Refusal } from "@/lib/console/form-actions";

/** An environment file as the form sends it. */
const environmentSchema = z.object({ name: z.string(), text: z.string() });

/** What the launch form sends to validate: the template, environments, and parameter values once it has a form. */
const validateSchema = z.object({
  template: z.string(),
  templateName: z.string().optional(),
  /** Templates used as provider types, by path (an example's files). */
  files: z.record(z.string(), z.string()).optional(),
  environments: z.array(environmentSchema).optional(),
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

/** What the launch form sends to preview a create. */
const previewSchema = validateSchema.extend({ name: z.string(), parameters: z.record(z.string(), z.string()) });

/** Input of validateTemplate. */
export type ValidateRequest = z.infer<typeof validateSchema>;
/** Input of launchStack. */
export type LaunchRequest = z.infer<typeof launchSchema>;
/** Input of previewLaunch. */
export type PreviewRequest = z.infer<typeof previewSchema>;
/** Why a launch was refused (on success the action redirects instead of returning). */
export type LaunchRefusal = Refusal;

/**
 * Validates a template (Heat's template-validate). With parameter values, also checks them
 * strictly (types, constraints), keeping only parameters the template declares, so the form shows
 * the engine's own messages.
 */
export async function validateTemplate(input: ValidateRequest): Promise<ValidateResult> {
  const { template, templateName, files, environments, region, parameters } = parse(validateSchema, input);
  const hearth = await consoleHearth();
  const base = await hearth.validate({ template, templateName, files, environments }, { region });
  if (!parameters || !base.valid) return base;
  const declared = Object.fromEntries(Object.entries(parameters).filter(([name]) => name in base.parameters));
  const strict = await hearth.validate({ template, templateName, files, environments, parameters: declared }, { region, strict: true });
  // The form is built from the definitions, which a strict check with bad values may leave out.
  return { ...strict, parameters: base.parameters, parameterGroups: base.parameterGroups, description: base.description };
}

/**
 * What a launch would create, region by region (hearth.preview); refused like a launch when the
 * template or a parameter is wrong.
 */
export async function previewLaunch(input: PreviewRequest): Promise<PreviewResult | LaunchRefusal> {
  const { name, template, templateName, files, environments, region, parameters } = parse(previewSchema, input);
  try {
    return await (await consoleHearth()).preview(name.trim() || "preview", { template, templateName, files, environments, parameters }, { region });
  } catch (error) {
    return refusalOf(error, "Nothing to preview yet: fix the problems below.");
  }
}

/**
 * Creates a stack and goes to its detail page, where progress streams in. Returns the reasons
 * when the engine refuses (diagnostics for a bad template or parameter, a message otherwise).
 */
export async function launchStack(input: LaunchRequest): Promise<LaunchRefusal> {
  const { name, template, templateName, files, environments, region, parameters, enableRollback, timeoutMins } = parse(launchSchema, input);
  const hearth = await consoleHearth();
  let stackId: string;
  try {
    const handle = await hearth.create(name.trim(), { template, templateName, files, environments, parameters }, { region, enableRollback, timeoutMins });
    stackId = handle.stackId;
  } catch (error) {
    return refusalOf(error, "The stack was not created: fix the problems below.");
  }
  redirect(`/stacks/${stackId}`);
}
