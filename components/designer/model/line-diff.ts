/**
 * What a gesture changed in the YAML, as lines: unchanged context around removed and added lines.
 * Common head and tail lines are cut first; the middle is compared line by line (LCS), bounded so a
 * huge rewrite falls back to "all removed, all added".
 */

/** One line of a diff. */
export interface DiffLine {
  kind: "same" | "removed" | "added";
  text: string;
  /** 1-based line number in the new text (removed lines: in the old text). */
  line: number;
}

/** Largest middle section compared line by line. */
const LCS_LIMIT = 400;

/** Lines that differ between two texts, with `context` unchanged lines around each change. */
export function lineDiff(before: string, after: string, context = 2): DiffLine[] {
  const a = before.split("\n");
  const b = after.split("\n");
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const middle = midA.length <= LCS_LIMIT && midB.length <= LCS_LIMIT ? lcsDiff(midA, midB, head) : [
    ...midA.map((text, i) => ({ kind: "removed" as const, text, line: head + i + 1 })),
    ...midB.map((text, i) => ({ kind: "added" as const, text, line: head + i + 1 })),
  ];
  if (middle.length === 0) return [];
  const pre = a.slice(Math.max(0, head - context), head).map((text, i, arr) => ({ kind: "same" as const, text, line: head - arr.length + i + 1 }));
  const postStart = b.length - tail;
  const post = b.slice(postStart, postStart + context).map((text, i) => ({ kind: "same" as const, text, line: postStart + i + 1 }));
  return [...pre, ...middle, ...post];
}

function lcsDiff(a: string[], b: string[], offset: number): DiffLine[] {
  const n = a.length;
  const m = b.length;
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ kind: "same", text: a[i], line: offset + j + 1 });
      i++;
      j++;
    } else if (j < m && (i === n || table[i][j + 1] >= table[i + 1][j])) {
      out.push({ kind: "added", text: b[j], line: offset + j + 1 });
      j++;
    } else {
      out.push({ kind: "removed", text: a[i], line: offset + i + 1 });
      i++;
    }
  }
  return out;
}
