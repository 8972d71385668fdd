"use client";

import { useRef, useState, useTransition, type FormEvent } from "react";
import type { Diagnostic } from "@/lib/engine/diagnostics";
import type { UpdatePreview, ValidateResult } from "@/lib/engine/stack/api";
import { validateTemplate } from "@/components/launch/actions";
import { previewStackUpdate, updateStack } from "./update-actions";
import { DiagnosticList } from "../launch/diagnostic-list";
import { focusDiagnostic } from "../launch/focus-diagnostic";
import { EnvironmentFiles, type EnvironmentEntry } from "../launch/environment-files";
import { ParameterFields } from "../launch/parameter-fields";
import { isAboutParameter } from "../launch/parameter-model";
import { TemplateSource } from "../launch/template-source";
import { useAccess } from "../shell/session-context";
import { FormAlert } from "../ui/form-alert";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useHydrated } from "../ui/use-hydrated";
import type { OwnerView } from "../stacks/federation-view";
import { OwnerNotice } from "./owner-notice";
import { ChangeTable } from "./change-table";
import { storedValues, updateParametersToSend } from "./update-parameters";

/** The stack being updated, as the form needs it. */
export interface UpdateTarget {
  id: string;
  name: string;
  region: string;
  template: string;
  templateName: string | null;
  environments: EnvironmentEntry[];
  parameters: Record<string, unknown>;
  disableRollback: boolean;
  timeoutMins: number | null;
}

const BUTTON = "rounded-md px-4 py-2 text-sm font-medium shadow-sm disabled:cursor-not-allowed disabled:opacity-50";
const SECONDARY = `${BUTTON} border border-slate-300 bg-white text-slate-900 hover:bg-slate-50`;

/**
 * The update flow: the current template and environments prefilled (edit, or load a file), the
 * parameter form with the stored values, PATCH ("keep existing values") or PUT, rollback and
 * timeout, a preview of the change to every resource, then Update (goes to the stack's page).
 * A stack with an `owner` (a remote child) is updated only after a confirmation naming the owner,
 * and then with the owner override.
 */
export function UpdateForm({ stack, initial, owner }: { stack: UpdateTarget; initial: ValidateResult; owner?: OwnerView }) {
  const [template, setTemplate] = useState(stack.template);
  const [templateName, setTemplateName] = useState(stack.templateName ?? undefined);
  const [environments, setEnvironments] = useState<EnvironmentEntry[]>(stack.environments);
  const source = JSON.stringify([template, environments]);
  const [validated, setValidated] = useState({ source, result: initial });
  const [values, setValues] = useState(() => storedValues(initial.parameters, stack.parameters));
  const [existing, setExisting] = useState(true);
  const [enableRollback, setEnableRollback] = useState(!stack.disableRollback);
  const [timeout, setTimeoutText] = useState(stack.timeoutMins ? String(stack.timeoutMins) : "");
  const [preview, setPreview] = useState<UpdatePreview | undefined>();
  const [diagnostics, setDiagnostics] = useState<Diagnostic[]>(initial.diagnostics);
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const access = useAccess();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const hydrated = useHydrated();

  const result = validated.result;
  const stale = validated.source !== source;
  const templateBroken = result.diagnostics.some((d) => d.severity === "error" && d.path[0] !== "parameters");
  const ready = !stale && !templateBroken && !pending;
  const request = () => ({
    stackId: stack.id,
    template,
    templateName,
    environments,
    parameters: updateParametersToSend(result.parameters, values, stack.parameters, existing),
    existing,
    enableRollback,
    timeoutMins: timeout ? Number(timeout) : undefined,
  });

  const onValidate = () =>
    startTransition(async () => {
      setError(undefined);
      const next = await validateTemplate({ template, templateName, environments, region: stack.region });
      setValidated({ source, result: next });
      setValues((typed) => ({ ...storedValues(next.parameters, stack.parameters), ...typed }));
      setDiagnostics(next.diagnostics);
      setPreview(undefined);
    });

  const onPreview = () =>
    startTransition(async () => {
      setError(undefined);
      const answer = await previewStackUpdate(request());
      if ("error" in answer) {
        setError(answer.error);
        setDiagnostics(answer.diagnostics);
      } else setPreview(answer);
    });

  const send = (overrideOwner: boolean) =>
    startTransition(async () => {
      setError(undefined);
      const refusal = await updateStack({ ...request(), ...(overrideOwner ? { overrideOwner } : {}) });
      setError(refusal.error);
      setDiagnostics(refusal.diagnostics);
    });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    if (owner) setConfirming(true);
    else send(false);
  };

  const changed = () => setPreview(undefined);
  return (
    <form onSubmit={onSubmit} className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" aria-busy={pending} data-testid="update-form" data-ready={hydrated}>
      <div className="space-y-4">
        <TemplateSource
          text={template}
          textareaRef={textarea}
          invalid={templateBroken}
          onChange={(text, fileName) => {
            setTemplate(text);
            if (fileName !== undefined) setTemplateName(fileName);
            changed();
          }}
        />
        <EnvironmentFiles entries={environments} onChange={(entries) => (setEnvironments(entries), changed())} />
        <div className="flex items-center gap-3">
          <button type="button" onClick={onValidate} disabled={pending} data-testid="validate" className={SECONDARY}>
            Validate
          </button>
          <p role="status" className="text-sm text-slate-600" data-testid="validate-state">
            {pending ? "Working…" : stale ? "The template changed: validate again." : templateBroken ? "✕ Template has errors." : "✓ Template is valid."}
          </p>
        </div>
        <DiagnosticList diagnostics={diagnostics} onSelect={(d) => focusDiagnostic(d, textarea.current)} />
      </div>

      <div className="space-y-6">
        <FormAlert message={error} testId="update-error" />
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-slate-900">Update</legend>
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input type="checkbox" checked={existing} onChange={(e) => (setExisting(e.target.checked), changed())} data-testid="update-existing" className="mt-0.5 h-4 w-4" />
            <span>
              Keep existing values (PATCH)
              <span className="block text-xs text-slate-600">Parameters you leave unchanged or empty keep their current values. Off: empty ones take their defaults.</span>
            </span>
          </label>
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" checked={enableRollback} onChange={(e) => setEnableRollback(e.target.checked)} data-testid="update-rollback" className="h-4 w-4" />
            Roll back on failure
          </label>
          <div>
            <label htmlFor="update-timeout" className="block text-sm font-medium text-slate-800">
              Timeout (minutes)
            </label>
            <input id="update-timeout" type="number" min={1} step={1} value={timeout} onChange={(e) => setTimeoutText(e.target.value)} data-testid="update-timeout" className="mt-1 block w-32 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm" />
          </div>
        </fieldset>
        {!templateBroken ? (
          <ParameterFields
            parameters={result.parameters}
            groups={result.parameterGroups}
            values={values}
            diagnostics={diagnostics}
            onChange={(name, value) => {
              setValues((v) => ({ ...v, [name]: value }));
              setDiagnostics((all) => all.filter((d) => !isAboutParameter(d, name)));
              changed();
            }}
          />
        ) : null}
        {preview ? <ChangeTable preview={preview} /> : null}
        <div className="flex items-center gap-3">
          <button type="button" onClick={onPreview} disabled={!ready} data-testid="preview-button" className={SECONDARY}>
            Preview changes
          </button>
          <button type="submit" disabled={!ready || !access.canChange} title={access.reason} data-testid="update-submit" className={`${BUTTON} bg-sky-700 text-white hover:bg-sky-800`}>
            Update stack
          </button>
        </div>
      </div>
      {owner ? (
        <ConfirmDialog
          open={confirming}
          title={`Update ${stack.name} here, without its owner?`}
          confirmLabel="Update anyway"
          onClose={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            send(true);
          }}
        >
          <OwnerNotice owner={owner} stackName={stack.name} />
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
