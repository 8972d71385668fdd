/**
 * Shared steps of the console's form server actions (launch, update): checking the request's
 * shape, and turning the engine's expected refusals into what the form shows.
 */
import { z } from "zod";
import type { Diagnostic } from "@/lib/engine/diagnostics";
import { isEngineError, validationDiagnostics } from "./errors";

/** Why the engine refused a form's request: diagnostics for bad input, else just a message. */
export interface Refusal {
  error: string;
  diagnostics: Diagnostic[];
}

/** Checks a request against its schema; a malformed one (never sent by our own forms) is a clear error. */
export function parseRequest<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new Error(`Invalid request: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * The refusal for an expected engine error: a ValidationError's diagnostics under `fix`, or the
 * message of a Conflict (busy stack, taken name), BadRequest or NotFound. Rethrows anything else.
 */
export function refusalOf(error: unknown, fix: string): Refusal {
  const diagnostics = validationDiagnostics(error);
  if (diagnostics) return { error: fix, diagnostics };
  if (isEngineError(error, "Conflict") || isEngineError(error, "BadRequest") || isEngineError(error, "NotFound")) return { error: (error as Error).message, diagnostics: [] };
  throw error;
}
