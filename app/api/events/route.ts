import { routeHearth, unauthorized } from "@/lib/console/session";
import { SSE_HEADERS, createEventStream } from "@/lib/console/event-stream";

/**
 * GET /api/events — status changes of the session project's stacks as Server-Sent Events (stack-level
 * events only, from the moment of connecting: the stacks list re-reads itself on each one, so nothing
 * is replayed). 401 without a valid console session.
 */
export async function GET(request: Request): Promise<Response> {
  const hearth = await routeHearth();
  if (!hearth) return unauthorized();
  const stream = createEventStream({ subscribe: (listener) => hearth.watchStacks(listener), signal: request.signal });
  return new Response(stream, { headers: SSE_HEADERS });
}
