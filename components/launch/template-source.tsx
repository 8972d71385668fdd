"use client";

import type { ChangeEvent, Ref } from "react";

/** Template input: pick a file (its text fills the editor) or type/paste into the textarea. */
export function TemplateSource({
  text,
  onChange,
  textareaRef,
  invalid,
}: {
  text: string;
  onChange: (text: string, fileName?: string) => void;
  textareaRef: Ref<HTMLTextAreaElement>;
  invalid: boolean;
}) {
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) onChange(await file.text(), file.name);
  };
  return (
    <div className="space-y-3">
      <div>
        <label htmlFor="template-file" className="block text-sm font-medium text-slate-800">
          Template file
        </label>
        <input
          id="template-file"
          type="file"
          accept=".yaml,.yml,.json,.template,text/yaml,application/json"
          onChange={onFile}
          data-testid="template-file"
          className="mt-1 block text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-200"
        />
      </div>
      <div>
        <label htmlFor="template-text" className="block text-sm font-medium text-slate-800">
          Template (HOT, YAML or JSON)
        </label>
        <textarea
          id="template-text"
          ref={textareaRef}
          value={text}
          onChange={(event) => onChange(event.target.value)}
          spellCheck={false}
          rows={18}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? "template-diagnostics" : undefined}
          data-testid="template-text"
          placeholder={"heat_template_version: 2018-08-31\nresources:\n  ..."}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white p-3 font-mono text-xs leading-relaxed text-slate-900 shadow-sm aria-invalid:border-red-500"
        />
      </div>
    </div>
  );
}
