/**
 * One undo history for both panes: a list of whole template texts. Canvas gestures and (debounced)
 * YAML typing both push the text they produce, so undo on either side restores the other too.
 */

/** The history: texts and the index of the current one. */
export interface History {
  entries: string[];
  index: number;
}

/** Most texts kept; the oldest are dropped beyond it. */
export const HISTORY_LIMIT = 200;

/** A history holding one text. */
export function startHistory(text: string): History {
  return { entries: [text], index: 0 };
}

/** The current text. */
export function current(h: History): string {
  return h.entries[h.index];
}

/** Records a new text (dropping what could have been redone); the same text again changes nothing. */
export function push(h: History, text: string): History {
  if (text === current(h)) return h;
  const entries = [...h.entries.slice(0, h.index + 1), text].slice(-HISTORY_LIMIT);
  return { entries, index: entries.length - 1 };
}

/** Replaces the current text in place (no new undo step; the redo tail is kept). */
export function replaceCurrent(h: History, text: string): History {
  if (text === current(h)) return h;
  return { ...h, entries: h.entries.map((t, i) => (i === h.index ? text : t)) };
}

/** One step back (no-op at the start). */
export function undo(h: History): History {
  return h.index > 0 ? { ...h, index: h.index - 1 } : h;
}

/** One step forward (no-op at the end). */
export function redo(h: History): History {
  return h.index < h.entries.length - 1 ? { ...h, index: h.index + 1 } : h;
}
