import type { EventRecord } from "@/lib/engine/stack/ports";
import type { Hearth } from "@/lib/services/types";
import { isEngineError } from "@/app/_lib/errors";
import { routeHearth, unauthorized } from "@/app/_lib/session";
import { SSE_HEADERS, createEventStream } from "../stacks/[id]/events/event-stream";

/**
 * Passes on only the events of the session project's stacks: those listed at connection, and new
 * ones the project's Hearth finds (a stack of another project is not found there).
 */
async function projectEvents(hearth: Hearth, listener: (event: EventRecord) => void): Promise<(event: EventRecord) => void> {
  const known = new Set((await hearth.listStacks({ includeNested: true })).map((s) => s.id));
  return (event) => {
    if (known.has(event.stackId)) return listener(event);
    hearth.getStack(event.stackId).then(
      () => {
        known.add(event.stackId);
        listener(event);
      },
      (error: unknown) => {
        if (!isEngineError(error, "NotFound")) console.error("hearth: /api/events could not place an event:", error);
      },
    );
  };
}

/**
 * GET /api/events — status changes of the session project's stacks as Server-Sent Events (stack-level
 * events only, from the moment of connecting: the stacks list re-reads itself on each one, so nothing
 * is replayed). 401 without a valid console session.
 */
export async function GET(request: Request): Promise<Response> {
  const hearth = await routeHearth();
  if (!hearth) return unauthorized();
  const stream = createEventStream({ subscribe: async (listener) => hearth.watchStacks(await projectEvents(hearth, listener)), signal: request.signal });
  return new Response(stream, { headers: SSE_HEADERS });
}
