"use client";

import type { ChangeEvent } from "react";

/** One environment file as the form edits it. */
export interface EnvironmentEntry {
  name: string;
  text: string;
}

const INPUT = "block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm";

/**
 * Environment files (parameter_defaults, parameters, resource_registry...), applied in order as
 * `-e` files are: add as many as needed, each loaded from a file or typed, and remove any.
 */
export function EnvironmentFiles({ entries, onChange }: { entries: EnvironmentEntry[]; onChange: (entries: EnvironmentEntry[]) => void }) {
  const set = (index: number, entry: EnvironmentEntry) => onChange(entries.map((e, i) => (i === index ? entry : e)));
  const onFile = (index: number) => async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) set(index, { name: file.name, text: await file.text() });
  };
  return (
    <fieldset className="space-y-3" data-testid="environments">
      <legend className="text-sm font-medium text-slate-800">Environment files</legend>
      {entries.length === 0 ? <p className="text-xs text-slate-600">None. Environments set parameter defaults and map resource types to templates.</p> : null}
      {entries.map((entry, i) => {
        const id = `environment-${i}`;
        return (
          <div key={i} className="space-y-2 rounded-md border border-slate-200 bg-white p-3" data-testid="environment">
            <div className="flex items-end gap-3">
              <div className="min-w-0 flex-1">
                <label htmlFor={`${id}-name`} className="block text-xs font-medium text-slate-700">
                  Name
                </label>
                <input id={`${id}-name`} value={entry.name} onChange={(e) => set(i, { ...entry, name: e.target.value })} data-testid="environment-name" className={`${INPUT} mt-1`} />
              </div>
              <div>
                <label htmlFor={`${id}-file`} className="block text-xs font-medium text-slate-700">
                  Load file
                </label>
                <input id={`${id}-file`} type="file" accept=".yaml,.yml,.json,.env" onChange={onFile(i)} data-testid="environment-file" className="mt-1 block w-52 text-xs text-slate-700 file:mr-2 file:rounded file:border-0 file:bg-slate-100 file:px-2 file:py-1 file:text-xs file:text-slate-800" />
              </div>
              <button
                type="button"
                onClick={() => onChange(entries.filter((_, j) => j !== i))}
                aria-label={`Remove environment ${entry.name || i + 1}`}
                data-testid="environment-remove"
                className="rounded-md border border-slate-300 px-2 py-1.5 text-xs font-medium text-slate-700 hover:bg-slate-100"
              >
                Remove
              </button>
            </div>
            <label htmlFor={`${id}-text`} className="sr-only">
              Environment {entry.name || i + 1} text
            </label>
            <textarea
              id={`${id}-text`}
              value={entry.text}
              onChange={(e) => set(i, { ...entry, text: e.target.value })}
              rows={4}
              spellCheck={false}
              placeholder={"parameter_defaults:\n  flavor: m1.tiny"}
              data-testid="environment-text"
              className={`${INPUT} font-mono text-xs`}
            />
          </div>
        );
      })}
      <button
        type="button"
        onClick={() => onChange([...entries, { name: `env-${entries.length + 1}.yaml`, text: "" }])}
        data-testid="environment-add"
        className="rounded-md border border-dashed border-slate-400 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
      >
        Add environment
      </button>
    </fieldset>
  );
}
