"use client";

import dynamic from "next/dynamic";
import type { DesignerProps } from "./designer";

/** The designer in the browser only (Monaco and React Flow need `window`), with a note meanwhile. */
export const DesignerLoader = dynamic<DesignerProps>(() => import("./designer").then((m) => m.Designer), {
  ssr: false,
  loading: () => <p className="p-4 text-sm text-slate-600">Loading the designer…</p>,
});
