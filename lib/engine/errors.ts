/**
 * Typed engine errors. The CLI maps them to exit codes and messages, the REST API to Heat's
 * HTTP error bodies (NotFound 404, Conflict 409, Validation and BadRequest 400).
 */
export type EngineErrorCode = "NotFound" | "Conflict" | "BadRequest" | "Validation" | "Internal";

/** An error with a stable code. */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  /** `options.cause` keeps the error this one stands for (a plugin's, say). */
  constructor(code: EngineErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "EngineError";
    this.code = code;
  }
}

/** The stack (or resource) does not exist, or is not visible to the caller. */
export const notFound = (what: string) => new EngineError("NotFound", `${what} not found`);

/** The stack is busy with another operation, or a name is taken. */
export const conflict = (message: string) => new EngineError("Conflict", message);

/**
 * A Conflict naming the stack another operation holds (its lease), so that a caller which must change it
 * can wait for that lease to go (ResourceContext.untilStackFree) instead of trying again blindly.
 */
export class StackBusy extends EngineError {
  constructor(
    readonly stackId: string,
    message: string,
  ) {
    super("Conflict", message);
  }
}

/** The Conflict of a stack in progress under `owner`'s lease. */
export const busyStack = (stack: { id: string; name: string; action: string }, owner: string) =>
  new StackBusy(stack.id, `Stack ${stack.name} is busy: ${stack.action} IN_PROGRESS by ${owner}`);
