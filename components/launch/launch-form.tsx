"use client";

import { useRef, useState, useTransition, type FormEvent } from "react";
import type { Diagnostic } from "@/lib/engine/diagnostics";
import type { PreviewResult, ValidateResult } from "@/lib/engine/stack/api";
import type { ExampleTemplate } from "@/lib/services/examples";
import { launchStack, previewLaunch, validateTemplate } from "@/components/launch/actions";
import { useAccess } from "../shell/session-context";
import { FormAlert } from "../ui/form-alert";
import { useHydrated } from "../ui/use-hydrated";
import { DiagnosticList } from "./diagnostic-list";
import { EnvironmentFiles, type EnvironmentEntry } from "./environment-files";
import { ExampleGallery } from "./example-gallery";
import { LaunchOptions, type LaunchOptionValues } from "./launch-options";
import { focusDiagnostic } from "./focus-diagnostic";
import { ParameterFields } from "./parameter-fields";
import { initialValues, isAboutParameter, parametersToSend } from "./parameter-model";
import { TemplateSource } from "./template-source";
import { PreviewTable } from "./preview-table";

const BUTTON = "rounded-md px-4 py-2 text-sm font-medium shadow-sm disabled:cursor-not-allowed disabled:opacity-50";

/**
 * The Launch page's form: template (example, file or text) and environment files -> Validate
 * (diagnostics, parameter form) -> name, parameters and options -> Preview (what is created where)
 * -> Launch (the server action redirects to the new stack's page).
 */
export function LaunchForm({ regions, examples, initialTemplate }: { regions: string[]; examples: ExampleTemplate[]; initialTemplate?: { text: string; name: string } }) {
  const [template, setTemplate] = useState(initialTemplate?.text ?? "");
  const [templateName, setTemplateName] = useState<string | undefined>(initialTemplate?.name);
  const [environments, setEnvironments] = useState<EnvironmentEntry[]>([]);
  const [validated, setValidated] = useState<{ source: string; result: ValidateResult; count: number } | undefined>();
  const [preview, setPreview] = useState<PreviewResult | undefined>();
  const [values, setValues] = useState<Record<string, string>>({});
  const [options, setOptions] = useState<LaunchOptionValues>({ name: "", region: regions[0] ?? "", enableRollback: false, timeout: "" });
  const [diagnostics, setDiagnostics] = useState<Diagnostic[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  const access = useAccess();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const hydrated = useHydrated();

  // An example picked and left as it is brings the templates it uses as types.
  const picked = examples.find((e) => e.file === templateName && e.template === template);
  const files = picked?.files;
  // What a validation depends on: a change to the template or an environment makes it stale.
  const source = JSON.stringify([template, environments]);
  const result = validated?.result;
  const stale = validated !== undefined && validated.source !== source;
  const templateBroken = result?.diagnostics.some((d) => d.severity === "error" && d.path[0] !== "parameters") ?? false;
  const canLaunch = result !== undefined && !templateBroken && !stale && !pending && options.name.trim() !== "";

  const onValidate = () =>
    startTransition(async () => {
      setError(undefined);
      const sameSource = validated?.source === source;
      const next = await validateTemplate({
        template,
        templateName,
        files,
        environments,
        region: options.region || undefined,
        parameters: sameSource && result ? parametersToSend(result.parameters, values) : undefined,
      });
      setValidated((previous) => ({ source, result: next, count: (previous?.count ?? 0) + 1 }));
      setPreview(undefined);
      setValues((typed) => initialValues(next.parameters, typed));
      setDiagnostics(next.diagnostics);
    });

  const onPreview = () => {
    if (!result || !canLaunch) return;
    startTransition(async () => {
      setError(undefined);
      const answer = await previewLaunch({ name: options.name, template, templateName, files, environments, region: options.region || undefined, parameters: parametersToSend(result.parameters, values) });
      if ("error" in answer) {
        setError(answer.error);
        setDiagnostics(answer.diagnostics);
        setPreview(undefined);
      } else setPreview(answer);
    });
  };

  const onLaunch = (event: FormEvent) => {
    event.preventDefault();
    if (!result || !canLaunch) return;
    startTransition(async () => {
      setError(undefined);
      const refusal = await launchStack({
        name: options.name,
        template,
        templateName,
        files,
        environments,
        region: options.region || undefined,
        parameters: parametersToSend(result.parameters, values),
        enableRollback: options.enableRollback,
        timeoutMins: options.timeout ? Number(options.timeout) : undefined,
      });
      setError(refusal.error);
      setDiagnostics(refusal.diagnostics);
    });
  };

  return (
    <form onSubmit={onLaunch} className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" aria-busy={pending} data-testid="launch-form" data-ready={hydrated}>
      <div className="space-y-4">
        <ExampleGallery
          examples={examples}
          selected={picked?.file}
          onPick={(example) => {
            setTemplate(example.template);
            setTemplateName(example.file);
          }}
        />
        <TemplateSource
          text={template}
          textareaRef={textarea}
          invalid={diagnostics.some((d) => d.severity === "error" && d.path[0] !== "parameters")}
          onChange={(text, fileName) => {
            setTemplate(text);
            if (fileName !== undefined) setTemplateName(fileName);
          }}
        />
        <EnvironmentFiles entries={environments} onChange={setEnvironments} />
        <div className="flex items-center gap-3">
          <button type="button" onClick={onValidate} disabled={pending || template.trim() === ""} data-testid="validate" className={`${BUTTON} border border-slate-300 bg-white text-slate-900 hover:bg-slate-50`}>
            Validate
          </button>
          <p role="status" className="text-sm text-slate-600" data-testid="validate-state" data-validations={validated?.count ?? 0} aria-busy={pending}>
            {pending
              ? "Working…"
              : stale
                ? "The template changed: validate again."
                : result
                  ? result.valid
                    ? "✓ Template is valid."
                    : templateBroken
                      ? "✕ Template has errors."
                      : "✕ Check the parameters."
                  : ""}
          </p>
        </div>
        <DiagnosticList diagnostics={diagnostics} onSelect={(d) => focusDiagnostic(d, textarea.current)} />
      </div>

      <div className="space-y-6">
        <FormAlert message={error} testId="launch-error" />
        {result && !templateBroken ? (
          <>
            {result.description ? <p className="text-sm text-slate-700" data-testid="template-description">{result.description}</p> : null}
            <LaunchOptions values={options} regions={regions} onChange={setOptions} />
            <ParameterFields
              parameters={result.parameters}
              groups={result.parameterGroups}
              values={values}
              diagnostics={diagnostics}
              onChange={(name, value) => {
                setValues((v) => ({ ...v, [name]: value }));
                setDiagnostics((all) => all.filter((d) => !isAboutParameter(d, name)));
                setPreview(undefined);
              }}
            />
            {preview ? <PreviewTable preview={preview} /> : null}
            <div className="flex items-center gap-3">
              <button type="button" onClick={onPreview} disabled={!canLaunch} data-testid="preview-button" className={`${BUTTON} border border-slate-300 bg-white text-slate-900 hover:bg-slate-50`}>
                Preview
              </button>
              <button type="submit" disabled={!canLaunch || !access.canChange} title={access.reason} data-testid="launch" className={`${BUTTON} bg-sky-700 text-white hover:bg-sky-800`}>
                Launch
              </button>
            </div>
          </>
        ) : (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-sm text-slate-600">
            {templateBroken ? "Fix the template's errors, then validate again." : "Validate a template to fill in its parameters and launch it."}
          </p>
        )}
      </div>
    </form>
  );
}
