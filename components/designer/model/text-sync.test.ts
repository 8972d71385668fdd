import { describe, expect, it } from "vitest";
import { current } from "./history";
import { startSync, syncReducer, textToPush, TYPING_RUN_MS, type TextAction, type TextSync } from "./text-sync";

const run = (s: TextSync, ...actions: TextAction[]) => actions.reduce(syncReducer, s);

describe("designer text sync", () => {
  it("typing never moves the revision, so the editor is never told about its own keys", () => {
    const s = run(startSync("a"), { kind: "type", text: "ab", at: 0 }, { kind: "type", text: "abc", at: 5 });
    expect(current(s.history)).toBe("abc");
    expect(s.revision).toBe(0);
  });

  it("a run of fast keys is one undo step; a pause starts another", () => {
    const fast = run(startSync("a"), { kind: "type", text: "ab", at: 0 }, { kind: "type", text: "abc", at: 10 });
    expect(fast.history.entries).toEqual(["a", "abc"]);
    const paused = syncReducer(fast, { kind: "type", text: "abcd", at: 10 + TYPING_RUN_MS });
    expect(paused.history.entries).toEqual(["a", "abc", "abcd"]);
  });

  it("gestures, undo and redo move the revision and end the typing run", () => {
    let s = run(startSync("a"), { kind: "type", text: "ab", at: 0 }, { kind: "apply", text: "ab+gesture" });
    expect(s.revision).toBe(1);
    expect(s.typingAt).toBeUndefined();
    s = syncReducer(s, { kind: "type", text: "ab+gesturex", at: 1 });
    expect(s.history.entries).toEqual(["a", "ab", "ab+gesture", "ab+gesturex"]);
    s = run(s, { kind: "undo" }, { kind: "undo" });
    expect(current(s.history)).toBe("ab");
    expect(s.revision).toBe(3);
    s = syncReducer(s, { kind: "redo" });
    expect(current(s.history)).toBe("ab+gesture");
    expect(s.revision).toBe(4);
  });

  it("typing after an undo does not overwrite the entry it returned to", () => {
    const s = run(startSync("a"), { kind: "type", text: "ab", at: 0 }, { kind: "apply", text: "abX" }, { kind: "undo" }, { kind: "type", text: "abY", at: 5 });
    expect(s.history.entries).toEqual(["a", "ab", "abY"]);
  });

  it("an unchanged text or an undo at the start changes nothing", () => {
    const s = startSync("a");
    expect(syncReducer(s, { kind: "apply", text: "a" })).toBe(s);
    expect(syncReducer(s, { kind: "undo" })).toBe(s);
    expect(syncReducer(s, { kind: "type", text: "a", at: 0 })).toBe(s);
  });

  it("an auto-layout lands only on the text it was computed for, without an undo step", () => {
    const s = startSync("body");
    const landed = syncReducer(s, { kind: "layout", basis: "body", text: "body+layout" });
    expect(landed.history.entries).toEqual(["body+layout"]);
    expect(landed.revision).toBe(1);
    const typed = syncReducer(s, { kind: "type", text: "body!", at: 0 });
    expect(syncReducer(typed, { kind: "layout", basis: "body", text: "body+layout" })).toBe(typed);
  });

  it("the editor pushes only a new revision's text, and only when it differs from what it shows", () => {
    // The same revision with an older typed text: an echo, never pushed.
    expect(textToPush(3, 3, "abc", "ab")).toBeUndefined();
    expect(textToPush(3, 4, "abc", "undone")).toBe("undone");
    expect(textToPush(3, 4, "same", "same")).toBeUndefined();
  });
});
