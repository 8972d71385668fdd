"use client";

import { useRef, type ReactNode } from "react";
import { useAccess } from "../shell/session-context";

/** Props of the toolbar: the template's name and every command the designer offers. */
export interface DesignerToolbarProps {
  name: string;
  onName: (name: string) => void;
  savedLabel: string;
  canUndo: boolean;
  canRedo: boolean;
  hasSelection: boolean;
  /** Regions that have no box on the canvas yet. */
  unboxedRegions: readonly string[];
  on: {
    save(): void;
    undo(): void;
    redo(): void;
    duplicate(): void;
    remove(): void;
    relayout(): void;
    addRegion(region: string): void;
    importText(text: string, fileName: string): void;
    exportText(): void;
    versions(): void;
    preview(): void;
    launch(): void;
  };
}

function Button({ children, onClick, disabled, title, testId, primary }: { children: ReactNode; onClick: () => void; disabled?: boolean; title: string; testId: string; primary?: boolean }) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      title={title}
      aria-label={title}
      data-testid={testId}
      className={`rounded-md px-2 py-1 text-xs font-medium shadow-sm ring-1 disabled:opacity-40 ${
        primary ? "bg-orange-600 text-white ring-orange-700 hover:bg-orange-700" : "bg-white text-slate-800 ring-slate-300 hover:bg-slate-50"
      }`}
    >
      {children}
    </button>
  );
}

/** The designer's command bar: name, save, history, selection commands, layout, files, preview and launch. */
export function DesignerToolbar({ name, onName, savedLabel, canUndo, canRedo, hasSelection, unboxedRegions, on }: DesignerToolbarProps) {
  // A reader may draw and preview, but saving (and launching, which saves first) is refused.
  const access = useAccess();
  const file = useRef<HTMLInputElement>(null);
  return (
    <div className="flex flex-wrap items-center gap-1.5" role="toolbar" aria-label="Designer commands">
      <label htmlFor="designer-name" className="sr-only">
        Template name
      </label>
      <input id="designer-name" value={name} onChange={(e) => onName(e.target.value)} data-testid="designer-name" className="w-40 rounded-md border border-slate-300 px-2 py-1 text-sm" />
      <Button onClick={on.save} disabled={!access.canChange} title={access.canChange ? "Save a new version (Ctrl+S)" : `Save: ${access.reason}`} testId="designer-save" primary>
        Save
      </Button>
      <span className="text-xs text-slate-600" data-testid="designer-saved" aria-live="polite">
        {savedLabel}
      </span>
      <span className="mx-1 h-5 w-px bg-slate-300" aria-hidden="true" />
      <Button onClick={on.undo} disabled={!canUndo} title="Undo (Ctrl+Z)" testId="designer-undo">
        ↶ Undo
      </Button>
      <Button onClick={on.redo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)" testId="designer-redo">
        ↷ Redo
      </Button>
      <Button onClick={on.duplicate} disabled={!hasSelection} title="Duplicate the selection (Ctrl+D)" testId="designer-duplicate">
        Duplicate
      </Button>
      <Button onClick={on.remove} disabled={!hasSelection} title="Delete the selection (Delete)" testId="designer-delete">
        Delete
      </Button>
      <Button onClick={on.relayout} title="Lay out again, grouped by region" testId="designer-relayout">
        Auto layout
      </Button>
      <select
        aria-label="Add a region boundary"
        value=""
        onChange={(e) => e.target.value && on.addRegion(e.target.value)}
        data-testid="designer-add-region"
        className="rounded-md border border-slate-300 bg-white px-1 py-1 text-xs"
      >
        <option value="">+ Region…</option>
        {unboxedRegions.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <span className="mx-1 h-5 w-px bg-slate-300" aria-hidden="true" />
      <input
        ref={file}
        type="file"
        accept=".yaml,.yml,.json,.template"
        className="hidden"
        data-testid="designer-import-file"
        onChange={async (e) => {
          const f = e.target.files?.[0];
          if (f) on.importText(await f.text(), f.name);
          e.target.value = "";
        }}
      />
      <Button onClick={() => file.current?.click()} title="Import a template file" testId="designer-import">
        Import
      </Button>
      <Button onClick={on.exportText} title="Download the template" testId="designer-export">
        Export
      </Button>
      <Button onClick={on.versions} title="Saved versions of this template: open or compare" testId="designer-versions-open">
        Versions
      </Button>
      <Button onClick={on.preview} title="What would be created, per region" testId="designer-preview">
        Preview
      </Button>
      <Button onClick={on.launch} disabled={!access.canChange} title={access.canChange ? "Save, then launch this template" : `Launch: ${access.reason}`} testId="designer-launch" primary>
        Launch…
      </Button>
    </div>
  );
}
