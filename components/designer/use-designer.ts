"use client";

import ELK from "elkjs/lib/elk.bundled.js";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { Diagnostic } from "@/lib/engine/diagnostics";
import { defaultRegistry } from "@/lib/engine/resources";
import { autoLayout, completeLayout } from "./model/auto-layout";
import { connect } from "./model/connect";
import { designerLayout } from "./model/designer-elk";
import { setLayout } from "./model/edits";
import { current } from "./model/history";
import { splitLayout, type Layout } from "./model/layout-comment";
import { lineDiff, type DiffLine } from "./model/line-diff";
import { deriveModel, keepUnchanged, type TemplateModel } from "./model/template-model";
import { startSync, syncReducer } from "./model/text-sync";
import { validateTemplate } from "./model/validate";
import { createValidationClient, inlineBackend, workerBackend, type ValidationBackend } from "./workers/validation-client";

/** One elkjs instance for the page, with the designer's options. */
const elk = new ELK();
const layOut = designerLayout((g) => elk.layout(g));

/**
 * A template without positions and with more resources than this is laid out by elkjs only once the
 * text rests for LAYOUT_AFTER_MS (elkjs takes long there, and a layout per keystroke would hold up
 * the keys); a smaller one at once, so pasted resources settle before the user reaches for them.
 */
const LAYOUT_AT_ONCE_MAX = 50;
/** How long the text must rest before a large template is laid out. */
const LAYOUT_AFTER_MS = 250;

/** A note shown above the canvas (a refused edge, a saved template...). */
export interface DesignerMessage {
  kind: "error" | "info";
  text: string;
}

/** Everything the designer's panes read and do. */
export interface DesignerState {
  /** The template text both panes show. */
  text: string;
  /** Counts the text changes the YAML editor did not make itself (it pushes only those into Monaco). */
  revision: number;
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
  /** Typing in the YAML pane (the canvas follows at once; a run of keys is one undo step). */
  type(text: string): void;
  /** Replaces the whole text (import) as one undoable step. */
  replace(text: string): void;
  undo(): void;
  redo(): void;
  relayout(): Promise<void>;
  say(message: DesignerMessage | undefined): void;
}

/**
 * Derives once per text, keeping the last good model while the YAML does not parse, and the last
 * model's node, edge and region lists while they are equal (a typed property value moves no box).
 */
function useModel(text: string): TemplateModel {
  const last = useRef<TemplateModel | undefined>(undefined);
  return useMemo(() => {
    const model = deriveModel(text);
    if (model.error) return last.current ? { ...last.current, error: model.error } : model;
    last.current = keepUnchanged(last.current, model);
    return last.current;
  }, [text]);
}

/** The validator's backend: a Web Worker in the browser, the main thread where there is none. */
function validationBackend(): ValidationBackend {
  if (typeof Worker === "undefined") return inlineBackend((r) => validateTemplate(r.text, { registry: defaultRegistry, region: r.region, regions: r.regions }));
  return workerBackend(new Worker(new URL("./workers/validate.worker.ts", import.meta.url), { type: "module" }));
}

/** The engine's diagnostics for `text`, computed off the main thread; they follow the text a little later. */
function useDiagnostics(text: string, skip: boolean, region: string, regions: string[]): Diagnostic[] {
  const [diagnostics, setDiagnostics] = useState<Diagnostic[]>([]);
  const client = useRef<ReturnType<typeof createValidationClient> | undefined>(undefined);
  useEffect(() => {
    const c = createValidationClient(validationBackend(), (reply) => setDiagnostics(reply.diagnostics));
    client.current = c;
    return () => {
      c.close();
      client.current = undefined;
    };
  }, []);
  useEffect(() => {
    if (skip) setDiagnostics([]);
    else client.current?.request(text, region, regions);
  }, [text, skip, region, regions]);
  return diagnostics;
}

/** The designer's state: one history of texts, the model derived from it, validation and gestures. */
export function useDesigner(initialText: string, target: { region: string; regions: string[] }): DesignerState {
  const [sync, dispatch] = useReducer(syncReducer, initialText, startSync);
  const [message, say] = useState<DesignerMessage>();
  const [lastDiff, setLastDiff] = useState<DiffLine[]>([]);
  const text = current(sync.history);
  const model = useModel(text);
  // Keyed on the parts it reads: a keystroke in a property value keeps the same layout object.
  const { nodes, regions, layout: stored } = model;
  const layout = useMemo(() => completeLayout({ ...model, nodes, regions }, stored), [nodes, regions, stored]); // eslint-disable-line react-hooks/exhaustive-deps
  const validation = useMemo(() => ({ registry: defaultRegistry, region: target.region, regions: target.regions }), [target.region, target.regions]);
  const diagnostics = useDiagnostics(text, Boolean(model.error) && !text.trim(), target.region, target.regions);
  const stateRef = useRef({ text, layout });
  stateRef.current = { text, layout };

  const apply = useCallback((edit: (text: string) => string) => {
    const { text: before, layout: shown } = stateRef.current;
    try {
      const next = edit(setLayout(before, shown));
      dispatch({ kind: "apply", text: next });
      // The diff shows the template itself; positions in the layout block would drown it.
      setLastDiff(lineDiff(splitLayout(before).body, splitLayout(next).body));
      say(undefined);
    } catch (e) {
      say({ kind: "error", text: e instanceof Error ? e.message : String(e) });
    }
  }, []);

  const type = useCallback((typed: string) => dispatch({ kind: "type", text: typed, at: performance.now() }), []);

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
    // A large template once the text rests: a layout per keystroke would hold up the keys.
    const timer = setTimeout(() => {
      void autoLayout(model, layOut).then((l) => {
        // Only onto the text it was computed for: typing since then wins, and its keys stay.
        if (live) dispatch({ kind: "layout", basis, text: setLayout(basis, l) });
      });
    }, model.nodes.length > LAYOUT_AT_ONCE_MAX ? LAYOUT_AFTER_MS : 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `text` and `model` change together; the layout is computed for this pair.
  }, [needsLayout, model]); // eslint-disable-line react-hooks/exhaustive-deps

  return {
    text,
    revision: sync.revision,
    model,
    layout,
    diagnostics,
    message,
    lastDiff,
    canUndo: sync.history.index > 0,
    canRedo: sync.history.index < sync.history.entries.length - 1,
    apply,
    connectResources,
    type,
    replace: (next) => apply(() => next),
    undo: () => dispatch({ kind: "undo" }),
    redo: () => dispatch({ kind: "redo" }),
    relayout: async () => {
      const l = await autoLayout(model, layOut);
      apply((t) => setLayout(t, l));
    },
    say,
  };
}
