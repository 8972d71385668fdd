/**
 * The designer's text state as a pure reducer: one undo history for both panes, and a revision
 * number that counts only the changes the YAML editor did not make itself (canvas gestures, undo,
 * redo, an auto-layout landing). The editor pushes text into Monaco only when the revision moves,
 * so the user's own keystrokes are never echoed back (an echo of an older typed text would drop
 * the keys typed since).
 */
import { current, push, redo, replaceCurrent, startHistory, undo, type History } from "./history";

/** Typing within this long of the previous keystroke extends the same undo step. */
export const TYPING_RUN_MS = 1000;

/** What the designer's panes derive everything from. */
export interface TextSync {
  history: History;
  /** Bumped by every change that did not come from the editor. */
  revision: number;
  /** When the current entry is a run of typing: the time of its last keystroke (ms). */
  typingAt?: number;
}

/** The changes the designer makes to its text. */
export type TextAction =
  | { kind: "type"; text: string; at: number }
  | { kind: "apply"; text: string }
  | { kind: "undo" }
  | { kind: "redo" }
  /** An auto-layout computed for `basis`: lands only if the text is still `basis`. */
  | { kind: "layout"; basis: string; text: string };

/** The state for a freshly opened text. */
export function startSync(text: string): TextSync {
  return { history: startHistory(text), revision: 0 };
}

/** Applies one action; returns the same object when nothing changes. */
export function syncReducer(s: TextSync, a: TextAction): TextSync {
  switch (a.kind) {
    case "type": {
      if (a.text === current(s.history)) return s;
      const extend = s.typingAt !== undefined && a.at - s.typingAt < TYPING_RUN_MS && s.history.index === s.history.entries.length - 1;
      // The editor already shows this text: the revision stays.
      return { ...s, history: extend ? replaceCurrent(s.history, a.text) : push(s.history, a.text), typingAt: a.at };
    }
    case "apply":
      return a.text === current(s.history) ? s : outside(s, push(s.history, a.text));
    case "undo":
      return outside(s, undo(s.history));
    case "redo":
      return outside(s, redo(s.history));
    case "layout":
      return current(s.history) === a.basis ? outside(s, replaceCurrent(s.history, a.text)) : s;
  }
}

/** A change the editor must be told about (a new revision; a typing run ends). */
function outside(s: TextSync, history: History): TextSync {
  return history === s.history ? s : { history, revision: s.revision + 1 };
}

/**
 * What the editor should do with the `value` it is given: the text to put into Monaco, or
 * undefined. Only a new revision is news; the same revision is the user's own typing coming back.
 */
export function textToPush(applied: number, revision: number, shown: string, value: string): string | undefined {
  return revision !== applied && shown !== value ? value : undefined;
}
