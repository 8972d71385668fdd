"use client";

import dynamic from "next/dynamic";
import type { CodeViewerProps } from "./monaco-viewer";

/**
 * A read-only code viewer: Monaco in the browser only (it needs `window`), loaded on demand with
 * a note shown meanwhile.
 */
export const CodeViewer = dynamic<CodeViewerProps>(() => import("./monaco-viewer"), {
  ssr: false,
  loading: () => <p className="p-4 text-sm text-slate-600">Loading the editor…</p>,
});
