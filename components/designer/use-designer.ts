"use client";

import ELK from "elkjs/lib/elk.bundled.js";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Diagnostic } from "@/lib/engine/diagnostics";
import { defaultRegistry } from "@/lib/engine/resources";
import { autoLayout, completeLayout } from "./model/auto-layout";
import { connect } from "./model/connect";
import { setLayout } from "./model/edits";
import { current, push, redo, startHistory, undo, type History } from "./model/history";
import { splitLayout, type Layout } from "./model/layout-comment";
import { lineDiff, type DiffLine } from "./model/line-diff";
import { deriveModel, type TemplateModel } from "./model/template-model";
import { validateTemplate } from "./model/validate";

/** One elkjs instance for the page. */
const elk = new ELK();

/** How long typing must pause before the canvas follows (keeps keystrokes cheap). */
export const TYPING_DEBOUNCE_MS = 60;

/** A note shown above the canvas (a refused edge, a saved template...). */
export interface DesignerMessage {
  kind: "error" | "info";
  text: string;
}

/** Everything the designer's panes read and do. */
export interface DesignerState {
  /** The text the YAML pane shows (may run ahead of the model while typing). */
  text: string;
  model: TemplateModel;
  layout: Layout;
  diagnostics: Diagnostic[];
  message?: DesignerMessage;
  lastDiff: DiffLine[];
  canUndo: boolean;
  canRedo: boolean;
  /** Applies a canvas gesture (text -> text) on top of the current layout; errors become messages. */
  apply(edit: (text: string) => string): void;
  /** Draws an edge; a refused one explains itself in `message`. */
  connectResources(source: string, target: string): void;
  /** Typing in the YAML pane. */
  type(text: string): void;
  /** Replaces the whole text (import) as one undoable step. */
  replace(text: string): void;
  undo(): void;
  redo(): void;
  relayout(): Promise<void>;
  say(message: DesignerMessage | undefined): void;
}

/** Derives once per text, keeping the last good model while the YAML does not parse. */
function useModel(text: string): TemplateModel {
  const last = useRef<TemplateModel | undefined>(undefined);
  return useMemo(() => {
    const model = deriveModel(text);
    if (!model.error) last.current = model;
    return model.error && last.current ? { ...last.current, error: model.error } : model;
  }, [text]);
}

/** The designer's state: one history of texts, the model derived from it, validation and gestures. */
export function useDesigner(initialText: string, target: { region: string; regions: string[] }): DesignerState {
  const [history, setHistory] = useState<History>(() => startHistory(initialText));
  const [typed, setTyped] = useState<string | undefined>();
  const [message, say] = useState<DesignerMessage>();
  const [lastDiff, setLastDiff] = useState<DiffLine[]>([]);
  const text = current(history);
  const model = useModel(text);
  const layout = useMemo(() => completeLayout(model, model.layout), [model]);
  const validation = useMemo(() => ({ registry: defaultRegistry, region: target.region, regions: target.regions }), [target.region, target.regions]);
  const diagnostics = useMemo(() => (model.error && !text.trim() ? [] : validateTemplate(text, validation)), [text, model.error, validation]);
  const stateRef = useRef({ text, layout });
  stateRef.current = { text, layout };

  // Typing: the canvas follows once the keys pause.
  useEffect(() => {
    if (typed === undefined) return;
    // `typed` stays what the editor shows until a gesture or undo replaces the text.
    const timer = setTimeout(() => setHistory((h) => push(h, typed)), TYPING_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const apply = useCallback((edit: (text: string) => string) => {
    const { text: before, layout: shown } = stateRef.current;
    try {
      const next = edit(setLayout(before, shown));
      setTyped(undefined);
      setHistory((h) => push(h, next));
      // The diff shows the template itself; positions in the layout block would drown it.
      setLastDiff(lineDiff(splitLayout(before).body, splitLayout(next).body));
      say(undefined);
    } catch (e) {
      say({ kind: "error", text: e instanceof Error ? e.message : String(e) });
    }
  }, []);

  const connectResources = useCallback(
    (source: string, targetName: string) => {
      const result = connect(setLayout(stateRef.current.text, stateRef.current.layout), source, targetName, defaultRegistry, (t) => validateTemplate(t, validation));
      if (!result.ok) {
        say({ kind: "error", text: `Cannot connect ${source} to ${targetName}: ${result.reason}` });
        return;
      }
      apply(() => result.text);
      say({ kind: "info", text: `${source} now uses ${targetName} (${result.plan.kind} at ${result.plan.path.join(".")})` });
    },
    [apply, validation],
  );

  // A template with resources but no stored layout gets an elkjs layout, written in place (no undo step).
  const needsLayout = model.nodes.length > 0 && Object.keys(model.layout.nodes).length === 0 && !model.error;
  useEffect(() => {
    if (!needsLayout) return;
    let live = true;
    const basis = text;
    void autoLayout(model, (g) => elk.layout(g)).then((l) => {
      // Only onto the text it was computed for: typing since then wins, and its keys stay.
      if (!live) return;
      setTyped((t) => (t === undefined || t === basis ? undefined : t));
      setHistory((h) => (current(h) === basis ? { ...h, entries: h.entries.map((t, i) => (i === h.index ? setLayout(t, l) : t)) } : h));
    });
    return () => {
      live = false;
    };
    // `text` and `model` change together; the layout is computed for this pair.
  }, [needsLayout, model]); // eslint-disable-line react-hooks/exhaustive-deps

  return {
    text: typed ?? text,
    model,
    layout,
    diagnostics,
    message,
    lastDiff,
    canUndo: history.index > 0,
    canRedo: history.index < history.entries.length - 1,
    apply,
    connectResources,
    type: setTyped,
    replace: (next) => apply(() => next),
    undo: () => {
      setTyped(undefined);
      setHistory(undo);
    },
    redo: () => {
      setTyped(undefined);
      setHistory(redo);
    },
    relayout: async () => {
      const l = await autoLayout(model, (g) => elk.layout(g));
      apply((t) => setLayout(t, l));
    },
    say,
  };
}
