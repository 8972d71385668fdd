import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getHearth } from "@/lib/services";
import type { Hearth } from "@/lib/services/types";
import { isEngineError } from "@/app/_lib/errors";
import { StackLiveView } from "@/components/stacks/stack-live-view";

/** Route parameters of /stacks/[id] (a stack id or name). */
type Params = Promise<{ id: string }>;

/** The page title is the stack's name. */
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  try {
    const { stack } = await (await getHearth()).getStack(id);
    return { title: stack.name };
  } catch (error) {
    if (isEngineError(error, "NotFound")) return { title: "Stack not found" };
    throw error;
  }
}

/** Reads a stack's events and details, in that order, so that the details are at least as new as the events. */
async function loadStack(hearth: Hearth, id: string) {
  try {
    const events = await hearth.listEvents(id);
    const detail = await hearth.getStack(id);
    return { events, detail };
  } catch (error) {
    if (isEngineError(error, "NotFound")) notFound();
    throw error;
  }
}

/** Names of the template's hidden parameters, whose values the page masks. */
async function hiddenParameterNames(hearth: Hearth, stack: Awaited<ReturnType<Hearth["getStack"]>>["stack"]): Promise<string[]> {
  const result = await hearth.validate({
    template: stack.template,
    templateName: stack.templateName ?? undefined,
    files: stack.files,
    environments: stack.environments,
  });
  return Object.values(result.parameters)
    .filter((p) => p.hidden)
    .map((p) => p.name);
}

/** Stack detail: status and reason, resources, events (live), outputs, parameters and template. */
export default async function StackPage({ params }: { params: Params }) {
  await connection();
  const { id } = await params;
  const hearth = await getHearth();
  const { events, detail } = await loadStack(hearth, id);
  const lastSeq = events.reduce((max, e) => Math.max(max, e.seq), 0);
  const newestFirst = events.toSorted((a, b) => b.seq - a.seq);
  return (
    <StackLiveView
      detail={detail}
      events={newestFirst}
      lastSeq={lastSeq}
      hiddenParameters={await hiddenParameterNames(hearth, detail.stack)}
    />
  );
}
