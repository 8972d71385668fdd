"use client";

import { useEffect, useState } from "react";
import { listDesignerVersions, loadDesignerVersion, type DesignerVersion } from "./version-actions";
import { ChangeView } from "./designer-panels";
import { splitLayout } from "./model/layout-comment";
import { lineDiff, type DiffLine } from "./model/line-diff";

/** Props of the versions panel. */
export interface VersionsPanelProps {
  /** The open template's id; undefined until it is first saved. */
  templateId?: string;
  /** The latest saved version (a new save refreshes the list). */
  savedVersion?: number;
  /** The designer's current text (diffs compare a version with it). */
  text: string;
  /** Opens a version's text in the designer (an undoable replace). */
  onOpen: (text: string, version: number) => void;
  onError: (message: string) => void;
}

const TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** A version's text, or the refusal's message as an error. */
async function versionText(id: string, version: number): Promise<string> {
  const r = await loadDesignerVersion({ id, version });
  if ("error" in r) throw new Error(r.error);
  return r.text;
}

/** The saved versions of the open template: open an older one, or see how it differs from the current text. */
export function VersionsPanel({ templateId, savedVersion, text, onOpen, onError }: VersionsPanelProps) {
  const [versions, setVersions] = useState<DesignerVersion[]>();
  const [diff, setDiff] = useState<{ version: number; before: string }>();

  useEffect(() => {
    if (!templateId) return;
    let live = true;
    void listDesignerVersions({ id: templateId }).then((r) => {
      if (!live) return;
      if ("error" in r) onError(r.error);
      else setVersions(r);
    });
    return () => {
      live = false;
    };
  }, [templateId, savedVersion]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!templateId) return <p className="text-xs text-slate-600">Save the template (Ctrl+S) to start its version history.</p>;
  if (!versions) return <p className="text-xs text-slate-600">Loading versions…</p>;

  const run = (fn: () => Promise<void>) => void fn().catch((e: unknown) => onError(e instanceof Error ? e.message : String(e)));
  const lines: DiffLine[] = diff ? lineDiff(splitLayout(diff.before).body, splitLayout(text).body) : [];

  return (
    <div className="space-y-2 text-xs" data-testid="designer-versions">
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label="Saved versions, newest first">
        {versions.map((v) => (
          <li key={v.version} className="flex items-center gap-2 px-2 py-1" data-testid="designer-version" data-version={v.version}>
            <span className="w-8 font-semibold text-slate-900">v{v.version}</span>
            <time dateTime={v.createdAt} className="flex-1 text-slate-600">
              {TIME.format(new Date(v.createdAt))} UTC{v.version === savedVersion ? " · latest" : ""}
            </time>
            <button
              type="button"
              className="rounded px-1.5 py-0.5 ring-1 ring-slate-300 hover:bg-slate-50"
              aria-label={`Compare version ${v.version} with the current text`}
              data-testid="designer-version-diff"
              onClick={() => run(async () => setDiff({ version: v.version, before: await versionText(templateId, v.version) }))}
            >
              Diff
            </button>
            <button
              type="button"
              className="rounded px-1.5 py-0.5 ring-1 ring-slate-300 hover:bg-slate-50"
              aria-label={`Open version ${v.version} (undo returns to the current text)`}
              data-testid="designer-version-open"
              onClick={() => run(async () => onOpen(await versionText(templateId, v.version), v.version))}
            >
              Open
            </button>
          </li>
        ))}
      </ul>
      {diff ? (
        <section aria-label={`Version ${diff.version} compared with the current text`} data-testid="designer-version-compare">
          <h3 className="mb-1 font-semibold text-slate-800">
            v{diff.version} → current text <span className="font-normal text-slate-600">(− only in v{diff.version}, + only in the current text)</span>
          </h3>
          {lines.length ? <ChangeView lines={lines} /> : <p className="text-slate-600">Version {diff.version} is the same as the current text.</p>}
        </section>
      ) : null}
    </div>
  );
}
