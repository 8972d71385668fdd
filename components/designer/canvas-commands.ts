"use client";

import type { KeyboardEvent } from "react";
import { regionNodeId } from "../graph/topology-layout";
import { copySnippet, duplicateSelection, pasteSnippet } from "./model/clipboard";
import { deleteResources, setLayout } from "./model/edits";
import type { Point } from "./model/layout-comment";
import { removeRegionBox, removedRegionMessage } from "./model/region-boxes";
import type { DesignerState } from "./use-designer";

/** What the canvas tells a shortcut about its view. */
export interface CanvasView {
  /** The canvas point at the middle of the visible area (where a paste without positions lands). */
  center(): Point;
}

/** The selection commands of the designer: delete, duplicate, copy, paste, and their keys. */
export interface CanvasCommands {
  remove(): void;
  duplicate(): void;
  copy(): Promise<void>;
  paste(view?: CanvasView): Promise<void>;
  /** Keys of the focused canvas (never the YAML pane's). */
  onKey(event: KeyboardEvent<HTMLElement>, view: CanvasView): void;
}

const REGION_PREFIX = regionNodeId("");
const plural = (n: number) => `${n} ${n === 1 ? "resource" : "resources"}`;

/**
 * Builds the commands over the designer state and the canvas selection (resource names and region
 * box ids). Every edit goes through `d.apply`, so it joins the one undo history.
 */
export function canvasCommands(d: DesignerState, selected: ReadonlySet<string>, select: (ids: Set<string>) => void, defaultRegion: string): CanvasCommands {
  const names = d.model.nodes.map((n) => n.name).filter((n) => selected.has(n));
  const boxes = [...selected].filter((id) => id.startsWith(REGION_PREFIX)).map((id) => id.slice(REGION_PREFIX.length));

  // One edit for the whole selection: resources deleted, boxes removed (their resources keep living).
  const remove = () => {
    const moved = new Map<string, string[]>();
    d.apply((t) => {
      let out = names.length ? deleteResources(t, names) : t;
      for (const region of boxes) {
        const r = removeRegionBox(out, region);
        moved.set(region, r.moved);
        out = r.text;
      }
      return out;
    });
    if (moved.size) d.say({ kind: "info", text: [...moved].map(([r, m]) => removedRegionMessage(r, m, defaultRegion)).join(" ") });
    select(new Set());
  };

  const insert = (edit: (text: string) => { text: string; names: string[] }, verb: string) => {
    let made: string[] = [];
    d.apply((t) => {
      const r = edit(t);
      made = r.names;
      return r.text;
    });
    if (made.length) {
      select(new Set(made));
      d.say({ kind: "info", text: `${verb} ${plural(made.length)}: ${made.join(", ")}` });
    }
  };

  const copy = async () => {
    const snippet = copySnippet(setLayout(d.text, d.layout), names);
    if (!snippet) return;
    try {
      await navigator.clipboard.writeText(snippet);
      d.say({ kind: "info", text: `Copied ${plural(names.length)} as HOT YAML: ${names.join(", ")}` });
    } catch (e) {
      d.say({ kind: "error", text: `Copy: the browser refused the clipboard (${e instanceof Error ? e.message : String(e)})` });
    }
  };

  const paste = async (view?: CanvasView) => {
    let snippet: string;
    try {
      snippet = await navigator.clipboard.readText();
    } catch (e) {
      d.say({ kind: "error", text: `Paste: the browser refused the clipboard (${e instanceof Error ? e.message : String(e)})` });
      return;
    }
    insert((t) => pasteSnippet(t, snippet, { at: view?.center() }), "Pasted");
  };

  const duplicate = () => insert((t) => duplicateSelection(t, names), "Duplicated");

  const onKey = (e: KeyboardEvent<HTMLElement>, view: CanvasView) => {
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    const run = (fn: () => unknown) => {
      e.preventDefault();
      void fn();
    };
    if ((e.key === "Delete" || e.key === "Backspace") && names.length + boxes.length > 0) run(remove);
    else if (e.key === "Escape" && selected.size) run(() => select(new Set()));
    else if (mod && key === "a") run(() => select(new Set(d.model.nodes.map((n) => n.name))));
    else if (mod && key === "d") run(duplicate);
    else if (mod && key === "c" && names.length) run(copy);
    else if (mod && key === "x" && names.length) run(async () => (await copy(), remove()));
    else if (mod && key === "v") run(() => paste(view));
    else if (mod && key === "z" && !e.shiftKey) run(d.undo);
    else if (mod && (key === "y" || (key === "z" && e.shiftKey))) run(d.redo);
  };

  return { remove, duplicate, copy, paste, onKey };
}
