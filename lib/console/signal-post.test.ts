import { describe, expect, it } from "vitest";
import { EngineError } from "@/lib/engine/errors";
import { SignalUrlRefused } from "@/lib/services/ha/presign";
import { handleSignalPost } from "./signal-post";

const post = (body?: string) => new Request("http://h/api/signals/t", { method: "POST", body });

function hearthThrowing(error?: Error) {
  const calls: unknown[] = [];
  return {
    calls,
    // as the real dispatcher: a refusal comes before the details are read
    signalByToken: async (token: string, readDetails: () => Promise<unknown>) => {
      if (error) throw error;
      calls.push([token, await readDetails()]);
      return { stackId: "s", resource: "policy", action: "signal" };
    },
  };
}

describe("POST /api/signals/:token", () => {
  it("delivers the JSON body (or no details) and answers with the target", async () => {
    const h = hearthThrowing();
    const res = await handleSignalPost(h, "tok", post('{"reason":"drill"}'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ stack_id: "s", resource: "policy", action: "signal", signalled: true });
    await handleSignalPost(h, "tok", post());
    expect(h.calls).toEqual([["tok", { reason: "drill" }], ["tok", undefined]]);
  });

  it("maps refusals and engine errors to HTTP statuses", async () => {
    expect((await handleSignalPost(hearthThrowing(new SignalUrlRefused()), "x", post())).status).toBe(403);
    expect((await handleSignalPost(hearthThrowing(new EngineError("NotFound", "gone")), "x", post())).status).toBe(404);
    expect((await handleSignalPost(hearthThrowing(new EngineError("BadRequest", "no signals")), "x", post())).status).toBe(400);
    expect((await handleSignalPost(hearthThrowing(new EngineError("Conflict", "busy")), "x", post())).status).toBe(409);
    const bad = await handleSignalPost(hearthThrowing(), "x", post("{nope"));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/must be JSON/);
  });
});
