"use client";

import Editor, { type OnMount } from "@monaco-editor/react";
import { useEffect, useRef } from "react";
import { flushSync } from "react-dom";
import { textDelta } from "../designer/model/text-delta";
import { textToPush } from "../designer/model/text-sync";
import { setUpMonaco } from "./monaco-setup";

const monaco = setUpMonaco();

/** A problem to underline: 1-based line/column range, message and severity. */
export interface EditorMarker {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  message: string;
  severity: "error" | "warning";
}

/** The Monaco API and editor instance, for callers that register language features. */
export type MonacoApi = typeof monaco;
/** The editor instance type. */
export type YamlEditorInstance = Parameters<OnMount>[0];

/** Props of the editable YAML editor. */
export interface YamlEditorProps {
  value: string;
  /**
   * Counts the changes of `value` made outside the editor (gestures, undo). Only a new revision
   * puts `value` into Monaco; with the same revision `value` is the user's own typing coming back
   * (maybe an older keystroke's text), which is never pushed.
   */
  revision: number;
  /** Called on every edit the user makes (not for `value` changes pushed from outside). */
  onChange: (text: string) => void;
  markers: readonly EditorMarker[];
  label: string;
  height?: string;
  testId?: string;
  /** Registers completions/hover etc.; returns a cleanup. */
  onReady?: (api: MonacoApi, editor: YamlEditorInstance) => (() => void) | void;
}

/** Puts the markers on the editor's model (replacing the previous ones). */
function showMarkers(editor: YamlEditorInstance | null, markers: readonly EditorMarker[]): void {
  const model = editor?.getModel();
  if (!model) return;
  const severity = (m: EditorMarker) => (m.severity === "error" ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning);
  monaco.editor.setModelMarkers(
    model,
    "hearth",
    markers.map((m) => ({ startLineNumber: m.startLine, startColumn: m.startColumn, endLineNumber: m.endLine, endColumn: m.endColumn, message: m.message, severity: severity(m) })),
  );
}

/**
 * An editable Monaco YAML editor (bundled Monaco, see monaco-setup.ts) with markers. A new
 * `revision` puts `value` into the model as one undoable edit of just the span that changed.
 */
export default function YamlEditor({ value, revision, onChange, markers, label, height = "100%", testId = "yaml-editor", onReady }: YamlEditorProps) {
  const editorRef = useRef<YamlEditorInstance | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  const applying = useRef(false);
  // The revision Monaco's text reflects; the latest props, for a mount that comes after changes.
  const applied = useRef(revision);
  const latest = useRef({ value, revision });
  latest.current = { value, revision };
  const cleanup = useRef<(() => void) | void>(undefined);

  useEffect(() => () => cleanup.current?.(), []);

  // Outside changes (canvas gestures, undo) replace the text without firing onChange.
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    // The same revision is the user's own typing coming back: nothing to read or push (every keystroke).
    if (!editor || !model || revision === applied.current) return;
    const shown = model.getValue();
    const text = textToPush(applied.current, revision, shown, value);
    applied.current = revision;
    const delta = text === undefined ? undefined : textDelta(shown, text);
    if (delta) {
      // Only the span that changed: Monaco redraws that, and the view elsewhere stays put.
      const from = model.getPositionAt(delta.start);
      const to = model.getPositionAt(delta.end);
      applying.current = true;
      const selection = editor.getSelection();
      model.pushEditOperations([], [{ range: { startLineNumber: from.lineNumber, startColumn: from.column, endLineNumber: to.lineNumber, endColumn: to.column }, text: delta.text }], () => (selection ? [selection] : null));
      applying.current = false;
    }
    // Which outside change Monaco holds now (for browser tests and bench/designer-browser.ts).
    if (frame.current) frame.current.dataset.revision = String(revision);
  }, [revision, value]);

  useEffect(() => showMarkers(editorRef.current, markers), [markers]);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    // Monaco loads after the first render: outside changes made meanwhile are not in it yet.
    const { value: now, revision: at } = latest.current;
    if (at !== applied.current && editor.getValue() !== now) editor.setValue(now);
    applied.current = at;
    if (frame.current) frame.current.dataset.revision = String(at);
    cleanup.current = onReady?.(monaco, editor);
    showMarkers(editor, markers);
  };

  return (
    <div ref={frame} data-testid={testId} className="h-full overflow-hidden rounded-md border border-slate-200">
      <Editor
        defaultValue={value}
        language="yaml"
        height={height}
        theme="vs"
        onMount={onMount}
        onChange={(text) => {
          // Rendered within the keystroke's own task: Monaco's text events are not React events, so
          // the update would otherwise wait for a later task (and React Flow's store for yet another),
          // often with a frame drawn in between; the canvas then showed a key one or two frames late.
          if (!applying.current) flushSync(() => onChange(text ?? ""));
        }}
        loading={<p className="p-4 text-sm text-slate-600">Loading the editor…</p>}
        options={{
          ariaLabel: label,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          fontSize: 12,
          tabSize: 2,
          insertSpaces: true,
          automaticLayout: true,
          // Completions pop up while typing (types, properties, functions); Tab accepts one, and Enter
          // always starts a new line, as YAML is written line by line.
          quickSuggestions: { other: true, comments: false, strings: true },
          acceptSuggestionOnEnter: "off",
          wordBasedSuggestions: "off",
          fixedOverflowWidgets: true,
        }}
      />
    </div>
  );
}
