/**
 * The console as a signed-in browser drives it, through the real server action and route modules
 * in Next's request scope (next-request.ts) with the session cookie: the launch form's launchStack
 * action (which redirects to the stack's page), then the page's event stream (the SSE route) until
 * the stack's own CREATE event ends; the delete button's runStackAction, then the stream resumed
 * from the last event seen until DELETE ends.
 */
import type { EventRecord } from "../../lib/engine/ports";
import { actionRedirect, inRequestScope, sessionHeaders } from "./next-request";
import type { E2ePath } from "./path";

const ORIGIN = "http://127.0.0.1";

/** The console path; Hearth is the process's own (getHearth, from the environment the runner set). */
export async function consolePath(adminPassword: string): Promise<E2ePath> {
  const { getHearth } = await import("../../lib/services");
  const { launchStack } = await import("../../components/launch/actions");
  const { runStackAction } = await import("../../components/stack-actions/actions");
  const { GET: eventStream } = await import("../../app/api/stacks/[id]/events/route");
  // As the login action does: a password token, scoped to the user's project.
  const { token } = await (await getHearth()).identity.authenticate({ method: "password", user: "admin", password: adminPassword }, { project: "admin" });
  const request = (path: string, init: RequestInit = {}) => new Request(`${ORIGIN}${path}`, { ...init, headers: sessionHeaders(token) });
  const stacks = new Map<string, { id: string; seq: number }>();

  /** Reads the stack's event stream from `after` until its own `action` event ends; returns that event. */
  async function streamUntilEnd(stackId: string, after: number, action: string): Promise<EventRecord> {
    const abort = new AbortController();
    const req = request(`/api/stacks/${stackId}/events?after=${after}`, { signal: abort.signal });
    const response = await inRequestScope(req, () => eventStream(req, { params: Promise.resolve({ id: stackId }) }));
    if (response.status !== 200) throw new Error(`bench: the event stream answered ${response.status}: ${await response.text()}`);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`bench: the event stream of ${stackId} ended before its ${action} did`);
        const messages = (buffer += value).split("\n\n");
        buffer = messages.pop()!;
        for (const message of messages) {
          const data = /^data: (.*)$/m.exec(message);
          const event = data ? (JSON.parse(data[1]) as EventRecord) : undefined;
          if (event?.isStackEvent && event.action === action && event.status !== "IN_PROGRESS") return event;
        }
      }
    } finally {
      abort.abort();
    }
  }

  return {
    name: "console",
    async create(name, template) {
      const t0 = performance.now();
      const page = await actionRedirect(request("/launch", { method: "POST" }), () => launchStack({ name, template, parameters: {}, enableRollback: false }));
      const id = decodeURIComponent(page.replace(/^\/stacks\//, ""));
      const end = await streamUntilEnd(id, 0, "CREATE");
      if (end.status !== "COMPLETE") throw new Error(`bench: stack ${name} ended CREATE_${end.status}: ${end.reason}`);
      stacks.set(name, { id, seq: end.seq });
      return performance.now() - t0;
    },
    async delete(name) {
      const { id, seq } = stacks.get(name)!;
      const t0 = performance.now();
      const req = request(`/stacks/${id}`, { method: "POST" });
      const answer = await inRequestScope(req, () => runStackAction({ action: "delete", stackId: id }));
      if (!answer.ok) throw new Error(`bench: delete refused: ${answer.error}`);
      const end = await streamUntilEnd(id, seq, "DELETE");
      if (end.status !== "COMPLETE") throw new Error(`bench: stack ${name} ended DELETE_${end.status}: ${end.reason}`);
      return performance.now() - t0;
    },
  };
}
