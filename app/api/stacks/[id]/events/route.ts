import { isEngineError } from "@/lib/console/errors";
import { routeHearth, unauthorized } from "@/lib/console/session";
import { SSE_HEADERS, createEventStream, resumePoint } from "@/lib/console/event-stream";

/**
 * GET /api/stacks/:id/events — the stack's events as Server-Sent Events: every stored event after
 * `Last-Event-ID` (or `?after=seq`), then live ones, with the seq as each message's id. Only the
 * session project's stacks (another's is 404); 401 without a valid console session.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  const resume = resumePoint(request.headers.get("last-event-id"), new URL(request.url).searchParams.get("after"));
  if (!resume.ok) return Response.json({ error: resume.error }, { status: 400 });

  const hearth = await routeHearth();
  if (!hearth) return unauthorized();
  let stackId: string;
  try {
    stackId = (await hearth.getStack(id)).stack.id;
  } catch (error) {
    if (isEngineError(error, "NotFound")) return Response.json({ error: `stack ${id} not found` }, { status: 404 });
    throw error;
  }
  const stream = createEventStream({
    subscribe: (listener) => hearth.subscribe(stackId, resume.afterSeq, listener),
    signal: request.signal,
  });
  return new Response(stream, { headers: SSE_HEADERS });
}
