"use client";

import Editor from "@monaco-editor/react";
import { setUpMonaco } from "./monaco-setup";

setUpMonaco();

/** Props of the read-only viewer: the text, an accessible label and the height. */
export interface CodeViewerProps {
  value: string;
  label: string;
  height?: string;
  testId?: string;
}

/** A read-only Monaco editor showing a template (YAML or JSON) with highlighting, folding and search. */
export default function MonacoViewer({ value, label, height = "32rem", testId = "template-editor" }: CodeViewerProps) {
  return (
    <div data-testid={testId} className="overflow-hidden rounded-lg border border-slate-200">
      <Editor
        value={value}
        // JSON is YAML too: one highlighter serves both kinds of template.
        language="yaml"
        height={height}
        theme="vs"
        loading={<p className="p-4 text-sm text-slate-600">Loading the editor…</p>}
        options={{
          readOnly: true,
          domReadOnly: true,
          ariaLabel: label,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          fontSize: 12,
          wordWrap: "on",
          renderLineHighlight: "none",
          automaticLayout: true,
        }}
      />
    </div>
  );
}
