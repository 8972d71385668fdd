/**
 * POST /api/signals/:token, the handler's logic: the token is verified first, and only then is the
 * body (optional JSON, at most SIGNAL_BODY_LIMIT bytes) read as the signal's details. A forged or
 * malformed token answers 403 without its body read, a body that is too large 413, one that is not
 * JSON 400, an unknown stack or resource 404, a resource that takes no signals 400, a busy one 409.
 * The signal is delivered before the answer (a failover's steps are stored as events the console streams).
 */
import { isEngineError, isServiceError } from "./errors";
import type { Hearth } from "@/lib/services";

/** The largest signal body read (signal details are small: a reason, a status, some data). */
export const SIGNAL_BODY_LIMIT = 65_536;

/** A body refused while reading it (status and message of the answer). */
class BodyRefused extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = "BodyRefused";
  }
}

/** The body's text, reading no more than the limit (a longer one is refused as soon as it is seen). */
async function boundedText(request: Request): Promise<string> {
  const tooLarge = (size: string) => new BodyRefused(413, `The signal body is too large (${size}): the limit is ${SIGNAL_BODY_LIMIT} bytes.`);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > SIGNAL_BODY_LIMIT) throw tooLarge(`${declared} bytes`);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > SIGNAL_BODY_LIMIT) {
      await reader.cancel();
      throw tooLarge(`over ${SIGNAL_BODY_LIMIT} bytes`);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Reads the request body as the signal details: empty means none, otherwise it must be JSON. */
async function details(request: Request): Promise<unknown> {
  const text = await boundedText(request);
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyRefused(400, "the request body must be JSON (or empty)");
  }
}

/** Verifies the token, then reads the body and delivers the signal through `hearth`. */
export async function handleSignalPost(hearth: Pick<Hearth, "signalByToken">, token: string, request: Request): Promise<Response> {
  try {
    const target = await hearth.signalByToken(token, () => details(request));
    return Response.json({ stack_id: target.stackId, resource: target.resource, action: target.action, signalled: true });
  } catch (error) {
    if (error instanceof BodyRefused) return Response.json({ error: error.message }, { status: error.status });
    if (isServiceError(error, "SignalUrlRefused")) return Response.json({ error: (error as Error).message }, { status: 403 });
    if (isEngineError(error, "NotFound")) return Response.json({ error: (error as Error).message }, { status: 404 });
    if (isEngineError(error, "BadRequest")) return Response.json({ error: (error as Error).message }, { status: 400 });
    if (isEngineError(error, "Conflict")) return Response.json({ error: (error as Error).message }, { status: 409 });
    throw error;
  }
}
