"use server";

import { z } from "zod";
import { consoleHearth } from "@/lib/console/session";
import { refusalOf } from "@/lib/console/form-actions";

/** The actions run straight from a button (update has its own page). */
const requestSchema = z.object({
  action: z.enum(["delete", "check", "suspend", "resume", "cancel"]),
  stackId: z.string().min(1),
  /** Change a stack that has an owner (sent only after the user confirmed it, naming the owner). */
  overrideOwner: z.boolean().optional(),
});

/** Input of runStackAction. */
export type StackActionRequest = z.infer<typeof requestSchema>;

/** The outcome: started (the list or page refreshes to follow it), or the engine's refusal. */
export type StackActionResult = { ok: true } | { ok: false; error: string };

/**
 * Starts delete, check, suspend, resume or cancel on a stack (by id) and returns without waiting
 * for the operation to end. A refused action (busy stack, wrong state, gone, owned by another stack
 * and not confirmed with `overrideOwner`) comes back as a message.
 */
export async function runStackAction(input: StackActionRequest): Promise<StackActionResult> {
  const parsed = requestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: `Invalid request: ${z.prettifyError(parsed.error)}` };
  const { action, stackId, overrideOwner } = parsed.data;
  const hearth = await consoleHearth();
  try {
    if (action === "check") await hearth.check(stackId);
    else await hearth[action](stackId, { overrideOwner });
    return { ok: true };
  } catch (error) {
    // A refusal the user can act on (busy, wrong state, gone) is shown; anything else is thrown.
    return { ok: false, error: refusalOf(error, `The ${action} was refused.`).error };
  }
}
