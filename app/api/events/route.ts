import { getHearth } from "@/lib/services";
import { SSE_HEADERS, createEventStream } from "../stacks/[id]/events/event-stream";

/**
 * GET /api/events — status changes of every stack as Server-Sent Events (stack-level events only,
 * from the moment of connecting: the stacks list re-reads itself on each one, so nothing is replayed).
 */
export async function GET(request: Request): Promise<Response> {
  const hearth = await getHearth();
  const stream = createEventStream({ subscribe: (listener) => hearth.watchStacks(listener), signal: request.signal });
  return new Response(stream, { headers: SSE_HEADERS });
}
