"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { previewDesignerTemplate, saveDesignerTemplate } from "./actions";
import { defaultRegistry } from "@/lib/engine/resources";
import type { PreviewResult } from "@/lib/engine/stack/api";
import type { Diagnostic } from "@/lib/engine/diagnostics";
import { Tabs } from "../ui/tabs";
import { DesignCanvas } from "./design-canvas";
import { ChangeView, PreviewPanel, ProblemList, type PanelTab } from "./designer-panels";
import { DesignerToolbar } from "./designer-toolbar";
import { Inspector } from "./inspector";
import { withRegionBox } from "./model/auto-layout";
import { canvasCommands } from "./canvas-commands";
import { addResource, renameResource, setLayout, setProperty, setRegion } from "./model/edits";
import { Palette } from "./palette";
import { useDesigner } from "./use-designer";
import { VersionsPanel } from "./versions-panel";
import { YamlPane } from "./yaml-pane";

/** What the page hands the designer: the template to open and where it would run. */
export interface DesignerProps {
  initial: { id?: string; name: string; text: string; version?: number };
  regions: string[];
  defaultRegion: string;
  /** A note from the page (e.g. a saved template that was not found). */
  notice?: string;
}

/** The visual template designer: palette, canvas and YAML side by side, with one history. */
export function Designer({ initial, regions, defaultRegion, notice }: DesignerProps) {
  const router = useRouter();
  const target = useMemo(() => ({ region: defaultRegion, regions }), [defaultRegion, regions]);
  const d = useDesigner(initial.text, target);
  const [selected, setSelectedRaw] = useState<Set<string>>(new Set());
  // The same selection keeps its identity: the canvas reports its selection back, and a new but equal
  // set would re-derive the nodes and report again without end.
  const setSelected = useCallback((ids: Set<string>) => setSelectedRaw((prev) => (prev.size === ids.size && [...ids].every((i) => prev.has(i)) ? prev : ids)), []);
  const [name, setName] = useState(initial.name);
  const [saved, setSaved] = useState({ id: initial.id, version: initial.version, text: initial.text });
  // The panel tabs are uncontrolled: a new key reopens them on another tab (Preview).
  const [tab, setTab] = useState<{ initial: PanelTab; n: number }>({ initial: "inspector", n: 0 });
  const [preview, setPreview] = useState<PreviewResult | { error: string; diagnostics: Diagnostic[] }>();

  const names = d.model.nodes.map((n) => n.name);
  const chosen = names.filter((n) => selected.has(n));
  const one = chosen.length === 1 ? d.model.nodes.find((n) => n.name === chosen[0]) : undefined;
  // The model's own parse (per resource, remembered): no second parse of the whole text per keystroke.
  const data = { resources: d.model.definitions as Record<string, { properties?: Record<string, unknown> } | null> };
  const allRegions = [...new Set([...regions, ...d.model.regions])];
  const unboxed = allRegions.filter((r) => !d.layout.regions[r]);

  useEffect(() => d.say(notice ? { kind: "error", text: notice } : undefined), [notice]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async (): Promise<string | undefined> => {
    const text = setLayout(d.text, d.layout);
    const result = await saveDesignerTemplate({ id: saved.id, name, text });
    if ("error" in result) {
      d.say({ kind: "error", text: result.error });
      return undefined;
    }
    setSaved({ id: result.id, version: result.version, text });
    window.history.replaceState(null, "", `/designer?id=${encodeURIComponent(result.id)}`);
    d.say({ kind: "info", text: `Saved “${name}” as version ${result.version}.` });
    return result.id;
  };

  const commands = canvasCommands(d, selected, setSelected, defaultRegion);

  const on = {
    save: () => void save(),
    undo: d.undo,
    redo: d.redo,
    duplicate: commands.duplicate,
    remove: commands.remove,
    relayout: () => void d.relayout(),
    addRegion: (region: string) => d.apply((t) => setLayout(t, withRegionBox(d.layout, region))),
    importText: (text: string, fileName: string) => {
      d.replace(text);
      setName(fileName.replace(/\.(ya?ml|json|template)$/, ""));
    },
    exportText: () => {
      const url = URL.createObjectURL(new Blob([setLayout(d.text, d.layout)], { type: "text/yaml" }));
      const a = Object.assign(document.createElement("a"), { href: url, download: `${name || "template"}.yaml` });
      a.click();
      // Revoked once the browser has taken the download.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    versions: () => setTab((t) => ({ initial: "versions", n: t.n + 1 })),
    preview: async () => {
      setTab((t) => ({ initial: "preview", n: t.n + 1 }));
      setPreview(await previewDesignerTemplate({ text: d.text, region: defaultRegion }));
    },
    launch: async () => {
      const id = await save();
      if (!id) return;
      router.push(`/launch?template=${encodeURIComponent(id)}`);
    },
  };

  const inspector = one ? (
    <Inspector
      registry={defaultRegistry}
      name={one.name}
      type={one.type}
      region={one.region}
      regions={allRegions}
      properties={data.resources?.[one.name]?.properties ?? {}}
      parameters={d.model.parameters}
      onRename={(to) => {
        d.apply((t) => renameResource(t, one.name, to));
        setSelected(new Set([to]));
      }}
      onRegion={(r) => d.apply((t) => setRegion(t, one.name, r))}
      onProperty={(p, v) => d.apply((t) => setProperty(t, one.name, [p], v))}
    />
  ) : (
    <p className="text-xs text-slate-600">Select one resource to edit its properties.</p>
  );
  const errors = d.diagnostics.filter((x) => x.severity === "error").length;
  const savedLabel = saved.id ? (saved.text === d.text ? `Saved · v${saved.version}` : `Unsaved changes (v${saved.version} saved)`) : "Not saved yet";

  return (
    <div
      className="flex h-[calc(100vh-8.5rem)] min-h-[560px] flex-col gap-2"
      data-testid="designer"
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
          e.preventDefault();
          void save();
        }
      }}
    >
      <DesignerToolbar name={name} onName={setName} savedLabel={savedLabel} canUndo={d.canUndo} canRedo={d.canRedo} hasSelection={selected.size > 0} unboxedRegions={unboxed} on={on} />
      {d.message ? (
        <p role={d.message.kind === "error" ? "alert" : "status"} data-testid="designer-message" className={`rounded-md px-3 py-1.5 text-sm ${d.message.kind === "error" ? "bg-red-50 text-red-800" : "bg-sky-50 text-sky-900"}`}>
          <span aria-hidden="true">{d.message.kind === "error" ? "⊗ " : "ℹ "}</span>
          {d.message.text}
        </p>
      ) : null}
      <div className="grid min-h-0 flex-1 grid-cols-[170px_minmax(0,1fr)_minmax(0,0.8fr)] grid-rows-[minmax(0,1fr)] gap-2">
        <Palette plugins={defaultRegistry.list()} onAdd={(type) => d.apply((t) => addResource(t, type, defaultRegistry).text)} />
        <div className="flex min-h-0 flex-col gap-2">
          <div className="min-h-0 flex-[3] rounded-md border border-slate-200 bg-white">
            <DesignCanvas designer={d} selected={selected} onSelect={setSelected} onShortcut={commands.onKey} defaultRegion={defaultRegion} />
          </div>
          <div className="flex min-h-0 flex-[2] flex-col rounded-md border border-slate-200 bg-white p-2">
            <div className="min-h-0 flex-1 overflow-auto text-sm">
              <Tabs
                key={tab.n}
                label="Designer panels"
                initial={tab.initial}
                items={[
                  { id: "inspector", label: "Inspector", panel: inspector },
                  { id: "problems", label: `Problems (${errors})`, panel: <ProblemList diagnostics={d.diagnostics} /> },
                  { id: "change", label: "Last change", panel: <ChangeView lines={d.lastDiff} /> },
                  { id: "preview", label: "Preview", panel: <PreviewPanel preview={preview} /> },
                  {
                    id: "versions",
                    label: "Versions",
                    panel: (
                      <VersionsPanel
                        templateId={saved.id}
                        savedVersion={saved.version}
                        text={d.text}
                        onOpen={(text, version) => {
                          d.replace(text);
                          d.say({ kind: "info", text: `Opened version ${version}; Undo (Ctrl+Z) returns to the text before.` });
                        }}
                        onError={(text) => d.say({ kind: "error", text })}
                      />
                    ),
                  },
                ]}
              />
            </div>
          </div>
        </div>
        <div className="min-h-0">
          <YamlPane text={d.text} revision={d.revision} diagnostics={d.diagnostics} registry={defaultRegistry} regions={allRegions} onType={d.type} commands={{ undo: d.undo, redo: d.redo, save: on.save }} />
        </div>
      </div>
    </div>
  );
}
