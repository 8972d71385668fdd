"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { UpdatePreview } from "@/lib/engine/stack/api";
import { consoleHearth } from "@/lib/console/session";
import { parseRequest, refusalOf, type Refusal } from "@/lib/console/form-actions";

/** What the update form sends: the new definition and the update's options. */
const updateSchema = z.object({
  stackId: z.string().min(1),
  template: z.string(),
  templateName: z.string().optional(),
  environments: z.array(z.object({ name: z.string(), text: z.string() })),
  parameters: z.record(z.string(), z.string()),
  /** PATCH: keep stored parameters (and the rest) that the request leaves out. */
  existing: z.boolean(),
  enableRollback: z.boolean(),
  timeoutMins: z.number().int().positive().optional(),
  /** Change a stack that has an owner (sent only after the user confirmed it, naming the owner). */
  overrideOwner: z.boolean().optional(),
});

/** Input of previewStackUpdate and updateStack. */
export type UpdateRequest = z.infer<typeof updateSchema>;

/** The StackInput and UpdateOptions of a request. */
function split({ template, templateName, environments, parameters, existing, enableRollback, timeoutMins, overrideOwner }: UpdateRequest) {
  return { input: { template, templateName, environments, parameters }, options: { existing, enableRollback, timeoutMins, overrideOwner } };
}

/** What the update would do to each resource (nothing is changed). */
export async function previewStackUpdate(request: UpdateRequest): Promise<UpdatePreview | Refusal> {
  const parsed = parseRequest(updateSchema, request);
  const { input, options } = split(parsed);
  try {
    return await (await consoleHearth()).previewUpdate(parsed.stackId, input, options);
  } catch (error) {
    return refusalOf(error, "Nothing to preview yet: fix the problems below.");
  }
}

/** Starts the update and goes to the stack's page, where it streams in; returns the refusal otherwise. */
export async function updateStack(request: UpdateRequest): Promise<Refusal> {
  const parsed = parseRequest(updateSchema, request);
  const { input, options } = split(parsed);
  try {
    await (await consoleHearth()).update(parsed.stackId, input, options);
  } catch (error) {
    return refusalOf(error, "The stack was not updated: fix the problems below.");
  }
  redirect(`/stacks/${parsed.stackId}`);
}
