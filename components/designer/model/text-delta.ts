/**
 * The one span in which two texts differ (common head and tail cut off), so that an outside change
 * reaches the editor as a small edit: Monaco re-tokenises and re-renders only that span, and the
 * cursor, scroll position and markers elsewhere stay where they were.
 */

/** Replace `[start, end)` of the old text with `text` to get the new one. */
export interface TextDelta {
  start: number;
  end: number;
  text: string;
}

/** The smallest single replacement turning `before` into `after` (undefined when they are equal). */
export function textDelta(before: string, after: string): TextDelta | undefined {
  if (before === after) return undefined;
  const limit = Math.min(before.length, after.length);
  let head = 0;
  while (head < limit && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < limit - head && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start: head, end: before.length - tail, text: after.slice(head, after.length - tail) };
}
