import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { consoleHearth } from "@/lib/console/session";
import type { Hearth } from "@/lib/services/types";
import { isEngineError } from "@/lib/console/errors";
import { StackLiveView } from "@/components/stacks/stack-live-view";
import { ancestorsOf, hiddenParameterNames, rootCauseOf, typeExpectations } from "@/components/stacks/stack-context";
import { divergencesOf, ownerView } from "@/components/stacks/federation-view";

/** Route parameters of /stacks/[id] (a stack id or name). */
type Params = Promise<{ id: string }>;

/** The page title is the stack's name. */
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  try {
    const { stack } = await (await consoleHearth()).getStack(id);
    return { title: stack.name };
  } catch (error) {
    if (isEngineError(error, "NotFound")) return { title: "Stack not found" };
    throw error;
  }
}

/**
 * Reads a stack's events (its nested stacks' too, as the stream sends them) and then its details,
 * so that the details are at least as new as the events.
 */
async function loadStack(hearth: Hearth, id: string) {
  try {
    const events = await hearth.listEvents(id, { nested: true });
    const detail = await hearth.getStack(id);
    const outputs = await hearth.outputs(detail.stack.id);
    return { events, detail, outputs };
  } catch (error) {
    if (isEngineError(error, "NotFound")) notFound();
    throw error;
  }
}

/** Stack detail: status, owner, divergences, root cause, topology, resources, events, timeline, outputs, parameters and template. */
export default async function StackPage({ params }: { params: Params }) {
  await connection();
  const { id } = await params;
  const hearth = await consoleHearth();
  const { events, detail, outputs } = await loadStack(hearth, id);
  const { stack } = detail;
  const own = events.filter((e) => e.stackId === stack.id);
  const [hiddenParameters, topology, rootCause, ancestors] = await Promise.all([
    hiddenParameterNames(hearth, stack),
    hearth.topology(stack.id),
    rootCauseOf(hearth, { stack, resources: detail.resources, events: own }),
    ancestorsOf(hearth, stack),
  ]);
  return (
    <StackLiveView
      detail={detail}
      outputs={outputs}
      events={events.toSorted((a, b) => b.seq - a.seq)}
      lastSeq={events.reduce((max, e) => Math.max(max, e.seq), 0)}
      hiddenParameters={hiddenParameters}
      topology={topology}
      rootCause={rootCause}
      ancestors={ancestors}
      renderedAt={Date.now()}
      expectations={typeExpectations()}
      owner={ownerView(stack)}
      divergences={divergencesOf(detail.resources)}
    />
  );
}
