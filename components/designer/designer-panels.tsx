"use client";

import type { Diagnostic } from "@/lib/engine/diagnostics";
import type { PreviewResult } from "@/lib/engine/stack/api";
import { PreviewTable } from "../launch/preview-table";
import type { DiffLine } from "./model/line-diff";

/** Which bottom panel is open. */
export type PanelTab = "inspector" | "problems" | "change" | "preview" | "versions";

/** The diff of the last canvas gesture, as +/- lines with line numbers. */
export function ChangeView({ lines }: { lines: readonly DiffLine[] }) {
  if (lines.length === 0) return <p className="text-xs text-slate-600">No canvas gesture yet: its change to the YAML shows here.</p>;
  return (
    <pre className="overflow-auto font-mono text-[11px] leading-snug" data-testid="designer-diff">
      {lines.map((l, i) => (
        <div key={i} className={l.kind === "added" ? "bg-emerald-50 text-emerald-900" : l.kind === "removed" ? "bg-red-50 text-red-900" : "text-slate-600"}>
          <span className="inline-block w-8 select-none text-right text-slate-400">{l.line}</span> {l.kind === "added" ? "+" : l.kind === "removed" ? "−" : " "} {l.text}
        </div>
      ))}
    </pre>
  );
}

/** Validation problems, the engine's messages with their line numbers. */
export function ProblemList({ diagnostics }: { diagnostics: readonly Diagnostic[] }) {
  if (diagnostics.length === 0) {
    return (
      <p className="text-xs text-emerald-800" data-testid="designer-valid">
        <span aria-hidden="true">✓</span> The template is valid.
      </p>
    );
  }
  return (
    <ul className="space-y-1 text-xs" data-testid="designer-problems">
      {diagnostics.map((d, i) => (
        <li key={i} className={d.severity === "error" ? "text-red-800" : "text-amber-800"}>
          <span aria-hidden="true">{d.severity === "error" ? "⊗" : "⚠"}</span> <span className="font-semibold">{d.severity}</span>
          {d.range ? ` (line ${d.range.start.line})` : ""}: {d.message}
        </li>
      ))}
    </ul>
  );
}

/** What a launch would create per region, or why nothing can be previewed. */
export function PreviewPanel({ preview }: { preview: PreviewResult | { error: string; diagnostics: Diagnostic[] } | undefined }) {
  if (!preview) return <p className="text-xs text-slate-600">Press Preview to see what would be created in each region.</p>;
  if ("error" in preview) {
    return (
      <div className="space-y-1" data-testid="designer-preview-error">
        <p className="text-xs text-red-800">
          <span aria-hidden="true">⊗</span> {preview.error}
        </p>
        <ProblemList diagnostics={preview.diagnostics} />
      </div>
    );
  }
  return (
    <div data-testid="designer-preview-result" className="text-xs">
      <PreviewTable preview={preview} />
    </div>
  );
}
