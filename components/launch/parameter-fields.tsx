"use client";

import type { Diagnostic } from "@/lib/engine/diagnostics";
import type { ParameterDefinition, ParameterGroup } from "@/lib/engine/template/types";
import { allowedValues, fieldKind, isAboutParameter, orderParameters, toFieldText } from "./parameter-model";

/** DOM id of a parameter's input (diagnostics focus it). */
export const parameterInputId = (name: string) => `param-${name}`;

const INPUT = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm aria-invalid:border-red-500";

/** The parameter form generated from a template: groups in order, labels, descriptions, errors. */
export function ParameterFields({
  parameters,
  groups,
  values,
  diagnostics,
  onChange,
}: {
  parameters: Record<string, ParameterDefinition>;
  groups: ParameterGroup[];
  values: Record<string, string>;
  diagnostics: Diagnostic[];
  onChange: (name: string, value: string) => void;
}) {
  const sections = orderParameters(parameters, groups);
  if (sections.length === 0) return <p className="text-sm text-slate-600">This template has no parameters.</p>;
  return (
    <div className="space-y-5" data-testid="parameter-form">
      {sections.map((section, i) => (
        <fieldset key={section.label ?? i} className="space-y-4">
          {section.label ? <legend className="text-sm font-semibold text-slate-900">{section.label}</legend> : null}
          {section.description ? <p className="text-xs text-slate-600">{section.description}</p> : null}
          {section.names.map((name) => (
            <ParameterField
              key={name}
              definition={parameters[name]}
              value={values[name] ?? ""}
              problems={diagnostics.filter((d) => isAboutParameter(d, name))}
              onChange={(value) => onChange(name, value)}
            />
          ))}
        </fieldset>
      ))}
    </div>
  );
}

/** One parameter: label, description, the right input, and the engine's messages about it. */
function ParameterField({
  definition,
  value,
  problems,
  onChange,
}: {
  definition: ParameterDefinition;
  value: string;
  problems: Diagnostic[];
  onChange: (value: string) => void;
}) {
  const id = parameterInputId(definition.name);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [definition.description ? helpId : "", problems.length ? errorId : ""].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name: definition.name,
    "aria-describedby": describedBy,
    "aria-invalid": problems.length > 0 || undefined,
    "data-testid": `param-${definition.name}`,
  };
  const kind = fieldKind(definition);
  const required = definition.default === undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {definition.label ?? definition.name}
        {definition.label ? <span className="ml-1.5 font-mono text-xs font-normal text-slate-500">{definition.name}</span> : null}
        {required ? <span className="ml-1.5 text-xs font-normal text-slate-500">(required)</span> : null}
      </label>
      {kind === "select" || kind === "boolean" ? (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)} className={INPUT}>
          <option value="">{required ? "Choose…" : "Default"}</option>
          {(kind === "boolean" ? ["true", "false"] : (allowedValues(definition) ?? []).map(toFieldText)).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : kind === "multiline" ? (
        <textarea {...common} value={value} rows={4} spellCheck={false} onChange={(e) => onChange(e.target.value)} className={`${INPUT} font-mono text-xs`} />
      ) : (
        <input
          {...common}
          type={kind === "password" ? "password" : kind === "number" ? "number" : "text"}
          step={kind === "number" ? "any" : undefined}
          autoComplete={kind === "password" ? "new-password" : "off"}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          className={INPUT}
        />
      )}
      {definition.description ? (
        <p id={helpId} className="mt-1 text-xs text-slate-600">
          {definition.description}
        </p>
      ) : null}
      {problems.length > 0 ? (
        <ul id={errorId} className="mt-1 space-y-0.5 text-xs text-red-700" data-testid={`param-error-${definition.name}`}>
          {problems.map((p, i) => (
            <li key={i}>
              <span aria-hidden="true">✕ </span>
              {p.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
