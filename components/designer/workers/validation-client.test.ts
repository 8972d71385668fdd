import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../../lib/engine/diagnostics";
import { createValidationClient, inlineBackend, type ValidationBackend, type ValidationReply, type ValidationRequest } from "./validation-client";

/** A backend the test answers by hand, recording what was posted. */
function manualBackend() {
  const posted: ValidationRequest[] = [];
  let reply: (r: ValidationReply) => void = () => undefined;
  const backend: ValidationBackend = { post: (r) => posted.push(r), onReply: (h) => (reply = h), close: () => undefined };
  const answer = (r: ValidationRequest) => reply({ id: r.id, text: r.text, diagnostics: [] });
  return { backend, posted, answer };
}

describe("validation client", () => {
  it("keeps one request in flight and coalesces the texts typed meanwhile to the newest", () => {
    const { backend, posted, answer } = manualBackend();
    const seen: string[] = [];
    const client = createValidationClient(backend, (r) => seen.push(r.text));
    client.request("a", "R1", ["R1"]);
    client.request("ab", "R1", ["R1"]);
    client.request("abc", "R1", ["R1"]);
    expect(posted.map((r) => r.text)).toEqual(["a"]);
    answer(posted[0]);
    expect(posted.map((r) => r.text)).toEqual(["a", "abc"]);
    answer(posted[1]);
    expect(seen).toEqual(["a", "abc"]);
  });

  it("drops a reply older than one already delivered, and everything after close", () => {
    const { backend, answer } = manualBackend();
    const seen: number[] = [];
    const client = createValidationClient(backend, (r) => seen.push(r.id));
    client.request("a", "R1", []);
    answer({ id: 2, text: "b", region: "R1", regions: [] });
    answer({ id: 1, text: "a", region: "R1", regions: [] });
    client.close();
    answer({ id: 3, text: "c", region: "R1", regions: [] });
    expect(seen).toEqual([2]);
  });

  it("runs on the main thread without a Worker, one task per request", async () => {
    const diagnostic: Diagnostic = { severity: "error", code: "template.structure", message: "bad", path: [] };
    const backend = inlineBackend((r) => (r.text === "bad" ? [diagnostic] : []));
    const replies = await new Promise<ValidationReply[]>((resolve) => {
      const got: ValidationReply[] = [];
      const client = createValidationClient(backend, (r) => {
        got.push(r);
        if (r.text === "bad") resolve(got);
      });
      client.request("good", "R1", []);
      client.request("bad", "R1", []);
    });
    expect(replies.map((r) => [r.text, r.diagnostics.length])).toEqual([["good", 0], ["bad", 1]]);
  });
});
