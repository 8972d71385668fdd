/** Heat-style failure messages for resources and stacks. */
import type { Action } from "../ports";

/** A resource operation failed; `message` is already in Heat's "Type: resources.name: detail" form. */
export class ResourceFailure extends Error {
  constructor(
    message: string,
    readonly resource: string,
    readonly action: Action,
  ) {
    super(message);
    this.name = "ResourceFailure";
  }
}

/** Heat's exception class names for our error names. */
function errorType(error: unknown): string {
  if (!(error instanceof Error)) return "Error";
  if (error.name === "ValidationError") return "StackValidationFailed";
  return error.name || "Error";
}

/** Formats a resource failure as Heat does: "ResourceInError: resources.server: <detail>". */
export function resourceFailureReason(error: unknown, resource: string): string {
  if (error instanceof ResourceFailure) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `${errorType(error)}: resources.${resource}: ${detail}`;
}

/** The stack reason for a failed resource action: "Resource CREATE failed: <resource reason>". */
export function stackFailureReason(action: Action, resourceReason: string): string {
  return `Resource ${action} failed: ${resourceReason}`;
}

/** Heat's stack reason when the stack timeout elapses: "Create timed out". */
export function timedOutReason(action: Action): string {
  return `${action.charAt(0)}${action.slice(1).toLowerCase()} timed out`;
}
