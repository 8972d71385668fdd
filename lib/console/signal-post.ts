/**
 * POST /api/signals/:token, the handler's logic: the body (optional JSON) is the signal's details;
 * a forged or malformed token answers 403, an unknown stack or resource 404, a resource that takes no
 * signals 400, a busy one 409. The signal is delivered before the answer (a failover's steps are
 * stored as events the console streams).
 */
import { isEngineError, isServiceError } from "./errors";
import type { Hearth } from "@/lib/services";

/** Reads the request body as the signal details: empty means none, otherwise it must be JSON. */
async function details(request: Request): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const text = await request.text();
  if (text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Verifies the token and delivers the signal through `hearth`. */
export async function handleSignalPost(hearth: Pick<Hearth, "signalByToken">, token: string, request: Request): Promise<Response> {
  const body = await details(request);
  if (!body.ok) return Response.json({ error: "the request body must be JSON (or empty)" }, { status: 400 });
  try {
    const target = await hearth.signalByToken(token, body.value);
    return Response.json({ stack_id: target.stackId, resource: target.resource, action: target.action, signalled: true });
  } catch (error) {
    if (isServiceError(error, "SignalUrlRefused")) return Response.json({ error: error.message }, { status: 403 });
    if (isEngineError(error, "NotFound")) return Response.json({ error: (error as Error).message }, { status: 404 });
    if (isEngineError(error, "BadRequest")) return Response.json({ error: (error as Error).message }, { status: 400 });
    if (isEngineError(error, "Conflict")) return Response.json({ error: (error as Error).message }, { status: 409 });
    throw error;
  }
}
