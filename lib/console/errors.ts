/**
 * Recognising the errors that reach the console's server boundary (pages, actions, route handlers)
 * from the engine, identity and services. Checks the stable `code` / `name` fields rather than
 * `instanceof`, which bundling can split.
 */
import type { Diagnostic } from "@/lib/engine/diagnostics";
import type { EngineErrorCode } from "@/lib/engine/errors";
import type { IdentityErrorCode } from "@/lib/services/identity";

/** True when `error` is a ServiceError with this code, e.g. "SignalUrlRefused" (the services' own check, by code). */
export { isServiceError } from "@/lib/services/errors";

/** True when `error` is an EngineError with this code. */
export function isEngineError(error: unknown, code: EngineErrorCode): boolean {
  return error instanceof Error && error.name === "EngineError" && (error as { code?: unknown }).code === code;
}

/** True when `error` is an IdentityError (with this code, when given). */
export function isIdentityError(error: unknown, code?: IdentityErrorCode): boolean {
  return error instanceof Error && error.name === "IdentityError" && (code === undefined || (error as { code?: unknown }).code === code);
}

/** The diagnostics of a ValidationError, or undefined for any other error. */
export function validationDiagnostics(error: unknown): Diagnostic[] | undefined {
  if (!(error instanceof Error) || error.name !== "ValidationError") return undefined;
  const diagnostics = (error as { diagnostics?: unknown }).diagnostics;
  return Array.isArray(diagnostics) ? (diagnostics as Diagnostic[]) : undefined;
}
