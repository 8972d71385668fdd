"use server";

import { z } from "zod";
import { getHearth } from "@/lib/services";

/** The actions run straight from a button (update has its own page). */
const requestSchema = z.object({
  action: z.enum(["delete", "check", "suspend", "resume", "cancel"]),
  stackId: z.string().min(1),
});

/** Input of runStackAction. */
export type StackActionRequest = z.infer<typeof requestSchema>;

/** The outcome: started (the list or page refreshes to follow it), or the engine's refusal. */
export type StackActionResult = { ok: true } | { ok: false; error: string };

/** Engine refusals a user can act on; anything else is a bug and is thrown. */
const EXPECTED = new Set(["NotFound", "Conflict", "BadRequest"]);

/**
 * Starts delete, check, suspend, resume or cancel on a stack (by id) and returns without waiting
 * for the operation to end. A refused action (busy stack, wrong state, gone) comes back as a message.
 */
export async function runStackAction(input: StackActionRequest): Promise<StackActionResult> {
  const parsed = requestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: `Invalid request: ${z.prettifyError(parsed.error)}` };
  const { action, stackId } = parsed.data;
  const hearth = await getHearth();
  try {
    await hearth[action](stackId);
    return { ok: true };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (error instanceof Error && error.name === "EngineError" && typeof code === "string" && EXPECTED.has(code)) return { ok: false, error: error.message };
    throw error;
  }
}
