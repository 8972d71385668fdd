"use client";

import { formatPath, type Diagnostic } from "@/lib/engine/diagnostics";

/** The problems of the last validate or launch; each one is a button that jumps to its place. */
export function DiagnosticList({ diagnostics, onSelect }: { diagnostics: Diagnostic[]; onSelect: (d: Diagnostic) => void }) {
  if (diagnostics.length === 0) return null;
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return (
    <section id="template-diagnostics" aria-labelledby="diagnostics-title" data-testid="diagnostics" className="rounded-lg border border-red-200 bg-red-50/50 p-4">
      <h2 id="diagnostics-title" className="text-sm font-semibold text-slate-900">
        {errors} {errors === 1 ? "error" : "errors"}
        {diagnostics.length > errors ? `, ${diagnostics.length - errors} warnings` : ""}
      </h2>
      <ul className="mt-2 space-y-1">
        {diagnostics.map((d, i) => (
          <li key={i}>
            <button
              type="button"
              onClick={() => onSelect(d)}
              data-testid="diagnostic"
              data-code={d.code}
              className="w-full rounded px-2 py-1.5 text-left text-sm hover:bg-white"
            >
              <span aria-hidden="true" className={`mr-1.5 font-bold ${d.severity === "error" ? "text-red-700" : "text-amber-700"}`}>
                {d.severity === "error" ? "✕" : "!"}
              </span>
              <span className="font-medium">{d.severity === "error" ? "Error" : "Warning"}</span>
              {d.range ? (
                <span className="ml-2 font-mono text-xs text-slate-600" data-testid="diagnostic-position">
                  {d.range.file ? `${d.range.file}:` : ""}
                  {d.range.start.line}:{d.range.start.column}
                </span>
              ) : null}
              <span className="ml-2 text-slate-900">{d.message}</span>
              {d.path.length > 0 ? <span className="ml-2 font-mono text-xs text-slate-500">at {formatPath(d.path)}</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
