"use client";

import { useMemo, useRef } from "react";
import type { Diagnostic } from "@/lib/engine/diagnostics";
import type { TypeRegistry } from "@/lib/engine/resources/types";
import YamlEditor, { type EditorMarker, type MonacoApi, type YamlEditorInstance } from "../editor/yaml-editor";
import { hoverAt, suggestionsAt } from "./model/completions";

/** Props of the YAML pane. */
export interface YamlPaneProps {
  text: string;
  /** Counts outside changes of `text` (see YamlEditor). */
  revision: number;
  diagnostics: readonly Diagnostic[];
  registry: TypeRegistry;
  regions: readonly string[];
  onType: (text: string) => void;
  /** Pane-scoped commands routed to the designer (one history for both panes). */
  commands: { undo(): void; redo(): void; save(): void };
}

/** Diagnostics with a source range as editor markers (the engine's messages, unchanged). */
function toMarkers(diagnostics: readonly Diagnostic[]): EditorMarker[] {
  return diagnostics.map((d) => ({
    startLine: d.range?.start.line ?? 1,
    startColumn: d.range?.start.column ?? 1,
    endLine: d.range?.end.line ?? 1,
    endColumn: Math.max((d.range?.end.column ?? 1) + (d.range && d.range.end.line === d.range.start.line && d.range.end.column === d.range.start.column ? 1 : 0), 1),
    message: d.message,
    severity: d.severity,
  }));
}

/** The Monaco side: markers from the engine's validator, registry completions and hover docs. */
export function YamlPane({ text, revision, diagnostics, registry, regions, onType, commands }: YamlPaneProps) {
  const markers = useMemo(() => toMarkers(diagnostics), [diagnostics]);
  const live = useRef({ commands, regions });
  live.current = { commands, regions };

  const onReady = (api: MonacoApi, editor: YamlEditorInstance) => {
    const K = api.languages.CompletionItemKind;
    const kinds = { keyword: K.Keyword, type: K.Class, property: K.Property, function: K.Function, resource: K.Reference, attribute: K.Field, parameter: K.Variable, region: K.Enum, value: K.Value };
    const completions = api.languages.registerCompletionItemProvider("yaml", {
      // After "type: ", "{ ", "[" or ", " the next token can be offered before anything is typed.
      triggerCharacters: [" ", "[", "{", ","],
      provideCompletionItems(model, position, context) {
        // A space only opens the list after a separator ("type: ", "{ ", "- "), not while indenting or in prose.
        const spaced = model.getLineContent(position.lineNumber).slice(0, position.column - 2);
        if (context.triggerCharacter === " " && !/[:,{[-]$/.test(spaced)) return { suggestions: [] };
        const { from, suggestions } = suggestionsAt(model.getValue(), position.lineNumber, position.column, registry, live.current.regions);
        // The typed word may hold "::" or "-", where Monaco's own word ends: replace all of it.
        const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: from, endColumn: position.column };
        return {
          suggestions: suggestions.map((s) => ({ label: s.label, kind: kinds[s.kind], insertText: s.insertText, detail: s.detail, documentation: s.documentation, range })),
        };
      },
    });
    const hover = api.languages.registerHoverProvider("yaml", {
      provideHover(model, position) {
        const doc = hoverAt(model.getValue(), position.lineNumber, position.column, registry);
        return doc ? { contents: [{ value: doc }] } : null;
      },
    });
    editor.addCommand(api.KeyMod.CtrlCmd | api.KeyCode.KeyZ, () => live.current.commands.undo());
    editor.addCommand(api.KeyMod.CtrlCmd | api.KeyMod.Shift | api.KeyCode.KeyZ, () => live.current.commands.redo());
    editor.addCommand(api.KeyMod.CtrlCmd | api.KeyCode.KeyY, () => live.current.commands.redo());
    editor.addCommand(api.KeyMod.CtrlCmd | api.KeyCode.KeyS, () => live.current.commands.save());
    return () => {
      completions.dispose();
      hover.dispose();
    };
  };

  // "nokey": React Flow's document-level keys (Space pans) must not see the editor's keystrokes;
  // Monaco types into a div (EditContext), which React Flow does not recognise as an input.
  return (
    <div className="nokey h-full">
      <YamlEditor value={text} revision={revision} onChange={onType} markers={markers} label="Template YAML" testId="designer-yaml" onReady={onReady} />
    </div>
  );
}
