"use client";

import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

/** One tab: its label (may include a count) and its panel. */
export interface TabItem {
  id: string;
  label: ReactNode;
  panel: ReactNode;
}

/**
 * Accessible tabs (WAI-ARIA pattern): arrow keys, Home and End move between tabs; only the
 * selected tab is in the tab order. Inactive panels stay mounted but hidden.
 */
export function Tabs({ items, label, initial }: { items: TabItem[]; label: string; initial?: string }) {
  const [selected, setSelected] = useState(initial ?? items[0]?.id);
  const buttons = useRef<Record<string, HTMLButtonElement | null>>({});
  const base = useId();

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = items.findIndex((item) => item.id === selected);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: items.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = items[(moves[event.key] + items.length) % items.length];
    setSelected(next.id);
    buttons.current[next.id]?.focus();
  };

  return (
    <div>
      <div role="tablist" aria-label={label} onKeyDown={onKeyDown} className="flex gap-1 border-b border-slate-200">
        {items.map((item) => {
          const active = item.id === selected;
          return (
            <button
              key={item.id}
              ref={(el) => {
                buttons.current[item.id] = el;
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${item.id}`}
              aria-selected={active}
              aria-controls={`${base}-panel-${item.id}`}
              tabIndex={active ? 0 : -1}
              data-testid={`tab-${item.id}`}
              onClick={() => setSelected(item.id)}
              className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium ${
                active ? "border-sky-700 text-slate-900" : "border-transparent text-slate-600 hover:text-slate-900"
              }`}
            >
              {item.label}
            </button>
          );
        })}
      </div>
      {items.map((item) => (
        <div
          key={item.id}
          role="tabpanel"
          id={`${base}-panel-${item.id}`}
          aria-labelledby={`${base}-tab-${item.id}`}
          hidden={item.id !== selected}
          tabIndex={0}
          data-testid={`panel-${item.id}`}
          className="pt-4 focus-visible:outline-offset-4"
        >
          {item.panel}
        </div>
      ))}
    </div>
  );
}
