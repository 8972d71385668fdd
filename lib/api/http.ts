/**
 * HTTP plumbing shared by the Heat and Keystone handlers: typed HTTP errors, JSON answers, and
 * request bodies read with a size limit and parsed strictly (a bad body is a 400 that changes nothing).
 */
import { decodeUtf8, describeUtf8Fault } from "../engine/utf8";

/** Heat's default max_json_body_size: larger request bodies are refused. */
const MAX_BODY_BYTES = 1_048_576;

/** An error with the HTTP status (and Heat error type) it should be answered with. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type = "HTTPException",
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/** A 400 naming what is wrong with the request. */
export const badRequest = (message: string, type = "HTTPBadRequest") => new HttpError(400, message, type);

/**
 * The origin the client used (for links and the catalog): the Host header (and X-Forwarded-Proto)
 * when present, as the request URL a server sees may name another host (e.g. localhost).
 */
export function originOf(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  return host ? `${proto}://${host}` : url.origin;
}

/** A JSON answer. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=UTF-8", ...headers } });
}

/** An answer without a body (204 No Content, 200 of an action). */
export function empty(status: number, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : "", { status, headers });
}

/** Reads a request's JSON body (an object), refusing oversized, malformed and non-object bodies; an empty body is {}. */
export async function readJsonObject(request: Request, limit = MAX_BODY_BYTES): Promise<Record<string, unknown>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(declared, limit);
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > limit) throw tooLarge(bytes.byteLength, limit);
  const decoded = decodeUtf8(bytes);
  if ("fault" in decoded) throw badRequest(`The request body is ${describeUtf8Fault(decoded.fault)}.`);
  const text = decoded.text.trim();
  if (text === "") return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw badRequest(`The request body is not valid JSON: ${(error as Error).message}`);
  }
  if (body === null) return {};
  if (typeof body !== "object" || Array.isArray(body)) throw badRequest("The request body must be a JSON object.");
  return body as Record<string, unknown>;
}

function tooLarge(size: number, limit: number): HttpError {
  return new HttpError(400, `Request body too large: ${size} bytes; the limit is ${limit} bytes.`, "RequestLimitExceeded");
}

/** Refuses fields a body may not carry, naming them. */
export function allowFields(body: Record<string, unknown>, allowed: readonly string[], where: string): void {
  const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) throw badRequest(`Unknown field(s) in ${where}: ${unknown.join(", ")}. Allowed: ${allowed.join(", ")}.`);
}

/** A boolean query or body value ("true"/"false", "1"/"0", booleans); undefined when absent. */
export function boolParam(value: unknown, name: string): boolean | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "boolean") return value;
  const text = String(value).toLowerCase();
  if (["true", "1", "yes", "on"].includes(text)) return true;
  if (["false", "0", "no", "off"].includes(text)) return false;
  throw badRequest(`Unrecognized value "${String(value)}" for "${name}", acceptable values are: true, false.`);
}

/** A non-negative integer query value; undefined when absent. */
export function intParam(value: string | null, name: string): number | undefined {
  if (value === null || value === "") return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`Value "${value}" for "${name}" must be a non-negative integer.`);
  return n;
}
