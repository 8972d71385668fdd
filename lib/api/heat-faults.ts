/**
 * Errors as Heat's fault middleware answers them: a JSON body with `explanation`, `code`,
 * `error: {message, traceback, type}` and `title`, with the matching HTTP status. Engine, validation
 * and identity errors are mapped to the status and type Heat would use; anything else is a 500 whose
 * answer carries only a request id (the error itself goes to the server log).
 */
import { randomUUID } from "node:crypto";
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

/** Whether every error of a validation failure is a limit (Heat answers those as RequestLimitExceeded). */
function overLimit(error: Error): boolean {
  const errors = ((error as ValidationError).diagnostics ?? []).filter((d) => d.severity === "error");
  return errors.length > 0 && errors.every((d) => d.code === "limit.exceeded");
}

/** The status, Heat error type and message for any thrown value. */
export function classify(error: unknown): { status: number; type: string; message: string } {
  if (error instanceof HttpError) return { status: error.status, type: error.type, message: error.message };
  if (error instanceof ValidationError || (error instanceof Error && error.name === "ValidationError")) {
    return { status: 400, type: overLimit(error) ? "RequestLimitExceeded" : "StackValidationFailed", message: error.message };
  }
  if (isKind(error, EngineError, "EngineError") && error.code in ENGINE_STATUS) {
    const [status, type] = ENGINE_STATUS[error.code];
    return { status, type, message: status >= 500 ? internalMessage() : error.message };
  }
  if (isKind(error, IdentityError, "IdentityError") && error.code in IDENTITY_STATUS) {
    return { status: IDENTITY_STATUS[error.code], type: error.code, message: error.message };
  }
  return { status: 500, type: "InternalError", message: internalMessage() };
}

/** What any 500 says: never the error itself (a database call, a template, a stack trace). */
function internalMessage(requestId?: string): string {
  return `The server hit an internal error${requestId ? ` (request ${requestId})` : ""}; the details are in the server log.`;
}

/**
 * The status, type and message to answer `error` with. A 5xx is logged in full under a new request
 * id and answered with only that id (also as X-OpenStack-Request-ID), so internals never reach a client.
 */
export function answerOf(error: unknown, where: string): { status: number; type: string; message: string; headers: Record<string, string> } {
  const { status, type, message } = classify(error);
  if (status < 500) return { status, type, message, headers: {} };
  const requestId = `req-${randomUUID()}`;
  console.error(`${where}: internal error ${requestId}:`, error);
  return { status, type, message: internalMessage(requestId), headers: { "x-openstack-request-id": requestId } };
}

/** A Heat fault body for `error`. */
export function heatFault(error: unknown): Response {
  const { status, type, message, headers } = answerOf(error, "heat-api");
  const [title, explanation] = TITLES[status] ?? TITLES[500];
  return json({ explanation, code: status, error: { message, traceback: null, type }, title }, status, headers);
}
