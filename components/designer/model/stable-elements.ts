/**
 * Keeps canvas elements stable across re-derivations: React Flow re-renders (and re-measures) a node
 * or edge whenever its object changes, so an element that equals its previous version keeps the
 * previous object. With 200 resources this turns a keystroke from "redraw everything" into "draw
 * the one resource that changed".
 */

/** The JSON text of each element object already compared (elements are plain data, never mutated). */
const texts = new WeakMap<object, string>();

function textOf(element: object): string {
  let text = texts.get(element);
  if (text === undefined) {
    text = JSON.stringify(element);
    texts.set(element, text);
  }
  return text;
}

/**
 * `next`, where each element equal (as plain data) to the element of the same id in `basis` is
 * replaced by `reuse(id)` (by default that basis element); `previous` itself when nothing changed.
 * `reuse` lets a caller hand back its own live copy of an unchanged element (React Flow adds
 * measurements to nodes it has drawn).
 */
export function keepUnchanged<T extends { id: string }>(basis: readonly T[], next: readonly T[], previous: readonly T[] = basis, reuse?: (id: string) => T | undefined): T[] {
  const before = new Map(basis.map((e) => [e.id, e]));
  let changed = next.length !== previous.length;
  const kept = next.map((element, i) => {
    const old = before.get(element.id);
    const same = old !== undefined && (old === element || textOf(old) === textOf(element));
    const out = same ? (reuse?.(element.id) ?? old) : element;
    if (out !== previous[i]) changed = true;
    return out;
  });
  return changed ? kept : (previous as T[]);
}
