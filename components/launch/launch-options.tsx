"use client";

/** The stack-level choices of a launch, as the form edits them. */
export interface LaunchOptionValues {
  name: string;
  region: string;
  enableRollback: boolean;
  /** Minutes, as typed ("" = no timeout). */
  timeout: string;
}

const INPUT = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm";

/** Stack name, default region, rollback on failure, and timeout. */
export function LaunchOptions({
  values,
  regions,
  onChange,
}: {
  values: LaunchOptionValues;
  regions: string[];
  onChange: (values: LaunchOptionValues) => void;
}) {
  const set = <K extends keyof LaunchOptionValues>(key: K, value: LaunchOptionValues[K]) => onChange({ ...values, [key]: value });
  return (
    <fieldset className="space-y-4">
      <legend className="text-sm font-semibold text-slate-900">Stack</legend>
      <div>
        <label htmlFor="stack-name" className="block text-sm font-medium text-slate-800">
          Stack name <span className="text-xs font-normal text-slate-500">(required)</span>
        </label>
        <input
          id="stack-name"
          required
          autoComplete="off"
          pattern="[A-Za-z][A-Za-z0-9_.\-]*"
          title="Starts with a letter; then letters, digits, _ . -"
          value={values.name}
          onChange={(e) => set("name", e.target.value)}
          data-testid="stack-name"
          className={INPUT}
        />
      </div>
      <div className="grid grid-cols-2 gap-4">
        <div>
          <label htmlFor="stack-region" className="block text-sm font-medium text-slate-800">
            Default region
          </label>
          <select id="stack-region" value={values.region} onChange={(e) => set("region", e.target.value)} data-testid="stack-region" className={INPUT}>
            {regions.map((region) => (
              <option key={region} value={region}>
                {region}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="stack-timeout" className="block text-sm font-medium text-slate-800">
            Timeout (minutes)
          </label>
          <input
            id="stack-timeout"
            type="number"
            min={1}
            step={1}
            value={values.timeout}
            onChange={(e) => set("timeout", e.target.value)}
            data-testid="stack-timeout"
            className={INPUT}
          />
        </div>
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          checked={values.enableRollback}
          onChange={(e) => set("enableRollback", e.target.checked)}
          data-testid="stack-rollback"
          className="h-4 w-4 rounded border-slate-300"
        />
        Roll back on failure
      </label>
    </fieldset>
  );
}
