import { describe, expect, it, vi } from "vitest";
import type { EventRecord } from "@/lib/engine/ports";
import type { Hearth } from "@/lib/services/types";

const session = vi.hoisted(() => ({ hearth: undefined as Hearth | undefined }));
vi.mock("@/lib/console/session", () => ({
  routeHearth: async () => session.hearth,
  unauthorized: () => Response.json({ error: "no session" }, { status: 401 }),
}));
const { GET } = await import("./route");

/** A project's Hearth whose watchStacks (already scoped to the project) hands out what `emit` sends. */
function projectHearth(): { hearth: Hearth; emit(stackId: string): void } {
  let listener: ((event: EventRecord) => void) | undefined;
  const hearth = {
    watchStacks: async (l: (event: EventRecord) => void) => {
      listener = l;
      return () => undefined;
    },
  } as unknown as Hearth;
  return { hearth, emit: (stackId) => listener?.({ seq: 1, stackId, isStackEvent: true } as EventRecord) };
}

describe("GET /api/events", () => {
  it("answers 401 without a console session", async () => {
    session.hearth = undefined;
    expect((await GET(new Request("http://h/api/events"))).status).toBe(401);
  });

  it("streams the status changes the session project's Hearth watches (hearth.test: only that project's stacks)", async () => {
    const { hearth, emit } = projectHearth();
    session.hearth = hearth;
    const abort = new AbortController();
    const response = await GET(new Request("http://h/api/events", { signal: abort.signal }));
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    await vi.waitFor(async () => {
      text += (await reader.read()).value ?? "";
      expect(text).toContain(": connected");
    });
    for (const id of ["a", "b"]) emit(id);
    await vi.waitFor(async () => {
      text += (await reader.read()).value ?? "";
      expect(text).toContain('"stackId":"b"');
    });
    abort.abort();
    expect(text.match(/"stackId":"\w"/g)).toEqual(['"stackId":"a"', '"stackId":"b"']);
  });
});
