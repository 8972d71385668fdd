import { describe, expect, it } from "vitest";
import { abortable } from "./hooks";

describe("abortable", () => {
  it("rejects at once when the signal is already aborted, and a later rejection of the dropped hook is handled (vitest fails the run on an unhandled one)", async () => {
    const controller = new AbortController();
    controller.abort(new Error("The parent stack operation was aborted"));
    let fail!: (error: Error) => void;
    const hook = new Promise<never>((_, reject) => (fail = reject));
    await expect(abortable(hook, controller.signal)).rejects.toThrow("The parent stack operation was aborted");
    fail(new Error("Nested stack CREATE failed"));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

  it("passes the hook's value through while the signal is not aborted", async () => {
    await expect(abortable(Promise.resolve(7), new AbortController().signal)).resolves.toBe(7);
  });
});
