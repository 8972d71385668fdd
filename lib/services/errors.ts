/**
 * Typed errors of the services layer. Each carries a stable `code`, distinct from the engine's and
 * the identity service's codes, so callers (the console's routes, the CLI) recognise one by its code:
 * Next may bundle lib/ twice (the instance made at start-up and the route), so `instanceof` can miss.
 */

/**
 * Why a services call was refused: SignalUrlRefused, a forged or malformed pre-signed signal URL (403);
 * InvalidConfig, an environment variable Hearth cannot use (at start).
 */
export type ServiceErrorCode = "SignalUrlRefused" | "InvalidConfig";

/** A refused services call, with its code. */
export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ServiceError";
  }
}

/** True when `error` is a ServiceError with this code (checked by code, so module copies agree). */
export function isServiceError(error: unknown, code: ServiceErrorCode): error is ServiceError {
  return error instanceof Error && (error as { code?: unknown }).code === code;
}
