/**
 * Errors as Heat's fault middleware answers them: a JSON body with `explanation`, `code`,
 * `error: {message, traceback, type}` and `title`, with the matching HTTP status. Engine, validation
 * and identity errors are mapped to the status and type Heat would use.
 */
import { ValidationError } from "../engine/diagnostics";
import { EngineError } from "../engine/errors";
import { IdentityError } from "../services/identity";
import { HttpError, json } from "./http";

const TITLES: Record<number, [string, string]> = {
  400: ["Bad Request", "The server could not comply with the request since it is either malformed or otherwise incorrect."],
  401: ["Unauthorized", "This server could not verify that you are authorized to access the document you requested."],
  403: ["Forbidden", "Access was denied to this resource."],
  404: ["Not Found", "The resource could not be found."],
  405: ["Method Not Allowed", "The server could not comply with the request since the method is not allowed."],
  409: ["Conflict", "There was a conflict when trying to complete your request."],
  429: ["Too Many Requests", "Too many requests in too short a time: wait before trying again."],
  500: ["Internal Server Error", "The server has either erred or is incapable of performing the requested operation."],
};

const ENGINE_STATUS: Record<EngineError["code"], [number, string]> = {
  NotFound: [404, "EntityNotFound"],
  Conflict: [409, "Conflict"],
  BadRequest: [400, "HTTPBadRequest"],
  Validation: [400, "StackValidationFailed"],
  Internal: [500, "InternalError"],
};

const IDENTITY_STATUS: Record<IdentityError["code"], number> = { BadRequest: 400, Unauthorized: 401, Forbidden: 403, NotFound: 404, Conflict: 409, TooManyRequests: 429 };

/**
 * Whether `error` is an instance of `kind`, also across module copies: Next may bundle lib/ twice
 * (the instance made at start-up and the route), so a class check alone can miss; the name decides.
 */
function isKind<T extends Error>(error: unknown, kind: abstract new (...args: never[]) => T, name: string): error is T {
  return error instanceof kind || (error instanceof Error && error.name === name && "code" in error);
}

/** The status, Heat error type and message for any thrown value. */
export function classify(error: unknown): { status: number; type: string; message: string } {
  if (error instanceof HttpError) return { status: error.status, type: error.type, message: error.message };
  if (error instanceof ValidationError || (error instanceof Error && error.name === "ValidationError")) {
    return { status: 400, type: "StackValidationFailed", message: error.message };
  }
  if (isKind(error, EngineError, "EngineError") && error.code in ENGINE_STATUS) {
    const [status, type] = ENGINE_STATUS[error.code];
    return { status, type, message: error.message };
  }
  if (isKind(error, IdentityError, "IdentityError") && error.code in IDENTITY_STATUS) {
    return { status: IDENTITY_STATUS[error.code], type: error.code, message: error.message };
  }
  return { status: 500, type: "InternalError", message: error instanceof Error ? error.message : String(error) };
}

/** A Heat fault body for `error`. */
export function heatFault(error: unknown): Response {
  const { status, type, message } = classify(error);
  if (status >= 500) console.error("heat-api: internal error:", error);
  const [title, explanation] = TITLES[status] ?? TITLES[500];
  return json({ explanation, code: status, error: { message, traceback: null, type }, title }, status);
}
