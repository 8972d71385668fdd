"use client";

import Editor, { type OnMount } from "@monaco-editor/react";
import { useEffect, useRef } from "react";
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
 * An editable Monaco YAML editor (bundled Monaco, see monaco-setup.ts) with markers. Text pushed in
 * through `value` replaces the model with an undoable edit that keeps the cursor where it can.
 */
export default function YamlEditor({ value, onChange, markers, label, height = "100%", testId = "yaml-editor", onReady }: YamlEditorProps) {
  const editorRef = useRef<YamlEditorInstance | null>(null);
  const applying = useRef(false);
  // The last text the user's own edit produced: when it comes back as `value` it is an echo, not news
  // (pushing it back would drop keys typed since).
  const emitted = useRef<string | undefined>(undefined);
  const cleanup = useRef<(() => void) | void>(undefined);

  useEffect(() => () => cleanup.current?.(), []);

  // Outside changes (canvas gestures, undo) replace the text without firing onChange.
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || model.getValue() === value || value === emitted.current) return;
    emitted.current = undefined;
    applying.current = true;
    const selection = editor.getSelection();
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => (selection ? [selection] : null));
    applying.current = false;
  }, [value]);

  useEffect(() => showMarkers(editorRef.current, markers), [markers]);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    cleanup.current = onReady?.(monaco, editor);
    showMarkers(editor, markers);
  };

  return (
    <div data-testid={testId} className="h-full overflow-hidden rounded-md border border-slate-200">
      <Editor
        defaultValue={value}
        language="yaml"
        height={height}
        theme="vs"
        onMount={onMount}
        onChange={(text) => {
          if (applying.current) return;
          emitted.current = text ?? "";
          onChange(emitted.current);
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
          // Completions on Ctrl+Space: suggestions popping up while typing swallowed fast keystrokes.
          quickSuggestions: false,
          wordBasedSuggestions: "off",
          fixedOverflowWidgets: true,
        }}
      />
    </div>
  );
}
