"use client";

import { useEffect, useState } from "react";
import type { PropertySchema, TypeRegistry } from "@/lib/engine/resources/types";
import { propertyDetail } from "./model/completions";
import { isShown } from "./model/shown";
import { inlineValue, parseYaml } from "./model/yaml-text";

/** Props of the inspector. */
export interface InspectorProps {
  registry: TypeRegistry;
  name: string;
  type: string;
  region?: string;
  regions: readonly string[];
  /** The resource's current properties (plain data). */
  properties: Record<string, unknown>;
  /** Template parameters, offered as get_param choices. */
  parameters: readonly string[];
  onRename: (to: string) => void;
  onRegion: (region: string | undefined) => void;
  /** Sets a property (undefined removes it). */
  onProperty: (name: string, value: unknown) => void;
}

/** Reads a field's text as YAML (so `{ get_param: x }` and lists work); plain text stays text. */
function readValue(text: string): unknown {
  const doc = parseYaml(text);
  return doc.errors.length ? text : doc.toJS();
}

/** One property: a select for allowed values, a get_param picker, else a YAML-aware text field. */
function PropertyField({ name, schema, value, parameters, onChange }: { name: string; schema: PropertySchema; value: unknown; parameters: readonly string[]; onChange: (v: unknown) => void }) {
  const shown = value === undefined ? "" : typeof value === "string" ? value : inlineValue(value);
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);
  const allowed = schema.constraints?.find((c) => "allowedValues" in c) as { allowedValues: unknown[] } | undefined;
  const id = `prop-${name}`;
  const commit = () => draft !== shown && onChange(draft === "" ? undefined : readValue(draft));
  return (
    <div className="space-y-0.5">
      <label htmlFor={id} className="flex items-baseline justify-between gap-2 text-xs font-medium text-slate-800">
        <span className="font-mono">
          {name}
          {schema.required ? <span className="text-red-700"> *</span> : null}
        </span>
        <span className="text-[10px] font-normal text-slate-500">{propertyDetail(schema)}</span>
      </label>
      <div className="flex gap-1">
        {allowed ? (
          <select id={id} value={shown} onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)} className="w-full rounded border border-slate-300 px-1 py-0.5 text-xs">
            <option value="">(default)</option>
            {allowed.allowedValues.map((v) => (
              <option key={String(v)} value={String(v)}>
                {String(v)}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={id}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => e.key === "Enter" && commit()}
            placeholder={schema.default !== undefined ? `default: ${inlineValue(schema.default)}` : ""}
            className="w-full rounded border border-slate-300 px-1 py-0.5 font-mono text-xs"
            data-testid={`inspector-${name}`}
          />
        )}
        {parameters.length ? (
          <select
            aria-label={`Use a parameter for ${name}`}
            value=""
            onChange={(e) => e.target.value && onChange({ get_param: e.target.value })}
            className="w-20 rounded border border-slate-300 px-1 py-0.5 text-[11px]"
          >
            <option value="">param…</option>
            {parameters.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        ) : null}
      </div>
      {schema.description ? <p className="text-[10px] leading-snug text-slate-500">{schema.description}</p> : null}
    </div>
  );
}

/** A form generated from the selected resource's schema: name, region, then each property. */
export function Inspector({ registry, name, type, region, regions, properties, parameters, onRename, onRegion, onProperty }: InspectorProps) {
  const plugin = registry.get(type);
  const [rename, setRename] = useState(name);
  useEffect(() => setRename(name), [name]);
  const entries = Object.entries(plugin?.properties ?? {}).filter(([, s]) => isShown(s));
  entries.sort(([, a], [, b]) => Number(!!b.required) - Number(!!a.required));
  return (
    <form className="space-y-2" data-testid="inspector" onSubmit={(e) => e.preventDefault()} aria-label={`Properties of ${name}`}>
      <div>
        <label htmlFor="inspector-name" className="text-xs font-medium text-slate-800">
          Name
        </label>
        <input
          id="inspector-name"
          value={rename}
          onChange={(e) => setRename(e.target.value)}
          onBlur={() => rename !== name && onRename(rename)}
          onKeyDown={(e) => e.key === "Enter" && rename !== name && onRename(rename)}
          className="w-full rounded border border-slate-300 px-1 py-0.5 font-mono text-xs"
        />
      </div>
      <p className="font-mono text-[11px] text-slate-600">{type}</p>
      {plugin ? <p className="text-[11px] leading-snug text-slate-600">{plugin.description}</p> : <p className="text-xs text-red-700">Unknown type: no schema to edit.</p>}
      <div>
        <label htmlFor="inspector-region" className="text-xs font-medium text-slate-800">
          Region
        </label>
        <select id="inspector-region" value={region ?? ""} onChange={(e) => onRegion(e.target.value || undefined)} className="w-full rounded border border-slate-300 px-1 py-0.5 text-xs">
          <option value="">(stack default)</option>
          {regions.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      {entries.map(([prop, schema]) => (
        <PropertyField key={prop} name={prop} schema={schema} value={properties[prop]} parameters={parameters} onChange={(v) => onProperty(prop, v)} />
      ))}
    </form>
  );
}
