"use client";

import { useMemo, useState, type KeyboardEvent } from "react";
import type { ResourcePlugin } from "@/lib/engine/resources/types";

/** Drag data type carrying a resource type from the palette to the canvas. */
export const PALETTE_MIME = "application/x-hearth-resource-type";

/** Props of the palette. */
export interface PaletteProps {
  plugins: readonly ResourcePlugin[];
  /** Adds a resource of the type (Enter on an item). */
  onAdd: (type: string) => void;
}

/** A palette entry with its search text, lowercased once. */
interface PaletteEntry {
  plugin: ResourcePlugin;
  haystack: string;
}

/** The plugins grouped by service (services sorted), each with its search text: built once per plugin list. */
function indexPlugins(plugins: readonly ResourcePlugin[]): [string, PaletteEntry[]][] {
  const groups = new Map<string, PaletteEntry[]>();
  for (const plugin of plugins) {
    const group = groups.get(plugin.service) ?? [];
    group.push({ plugin, haystack: `${plugin.type}\n${plugin.description}`.toLowerCase() });
    groups.set(plugin.service, group);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** The groups whose entries match a search over type and description (empty groups left out). */
function filterGroups(index: [string, PaletteEntry[]][], query: string): [string, ResourcePlugin[]][] {
  const q = query.trim().toLowerCase();
  return index
    .map(([service, entries]) => [service, entries.filter((e) => !q || e.haystack.includes(q)).map((e) => e.plugin)] as [string, ResourcePlugin[]])
    .filter(([, items]) => items.length > 0);
}

/** Searchable list of every registered resource type, grouped by service: drag onto the canvas or press Enter. */
export function Palette({ plugins, onAdd }: PaletteProps) {
  const [query, setQuery] = useState("");
  const index = useMemo(() => indexPlugins(plugins), [plugins]);
  const groups = useMemo(() => filterGroups(index, query), [index, query]);
  const onKey = (event: KeyboardEvent<HTMLLIElement>, type: string) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onAdd(type);
    }
  };
  return (
    <div className="flex h-full min-h-0 flex-col gap-2" data-testid="palette">
      <label className="text-xs font-semibold uppercase tracking-wide text-slate-600" htmlFor="palette-search">
        Resource types
      </label>
      <input
        id="palette-search"
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="Search types…"
        data-testid="palette-search"
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      />
      <div className="min-h-0 flex-1 overflow-y-auto pr-1">
        {groups.length === 0 ? <p className="text-sm text-slate-600">No type matches “{query}”.</p> : null}
        {groups.map(([service, items]) => (
          <section key={service} aria-label={service} className="mb-2">
            <h3 className="mb-1 text-xs font-semibold text-slate-700">{service}</h3>
            <ul className="space-y-1">
              {items.map((p) => (
                <li
                  key={p.type}
                  tabIndex={0}
                  draggable
                  onDragStart={(e) => {
                    e.dataTransfer.setData(PALETTE_MIME, p.type);
                    e.dataTransfer.effectAllowed = "copy";
                  }}
                  onKeyDown={(e) => onKey(e, p.type)}
                  onDoubleClick={() => onAdd(p.type)}
                  title={`${p.description}\nDrag onto the canvas, or press Enter to add.`}
                  data-testid="palette-item"
                  data-type={p.type}
                  className="cursor-grab rounded border border-slate-200 bg-white px-2 py-1 font-mono text-[11px] text-slate-800 hover:border-orange-400 focus:outline-none focus-visible:ring-2 focus-visible:ring-orange-500"
                >
                  {p.type.replace(/^OS::/, "")}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
